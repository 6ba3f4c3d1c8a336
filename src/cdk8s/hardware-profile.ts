/**
 * HardwareProfile: the resources and scheduling a class of workloads gets.
 */
import type { ApiObject } from "cdk8s";
import { Construct } from "constructs";
import { buildHardwareProfile, profileRequest } from "../index";
import type { HardwareProfileInfo, HardwareProfileProps, HardwareRequest, HardwareRequestProps } from "../index";
import { adopt, buildContext } from "./state";

/**
 * A hardware profile: CPU, memory and accelerator bounds, and node or queue scheduling. On OpenShift AI
 * it synthesizes an `infrastructure.opendatahub.io` HardwareProfile (`v1` from OpenShift AI 3.0, `v1alpha1` on 2.x); everywhere, InferenceServices
 * that use `profile.request(...)` get its resources, scheduling and metadata written out in full.
 *
 * @example
 * const a100 = new HardwareProfile(chart, "a100", {
 *   accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8, product: "NVIDIA-A100-SXM4-80GB" }),
 *   cpu: { min: "2", default: "8", max: "32" },
 *   memory: { min: "16Gi", default: "64Gi", max: "256Gi" },
 * });
 * new InferenceService(chart, "granite", { ..., hardware: a100.request({ accelerators: 2 }) });
 */
export class HardwareProfile extends Construct {
  /** The profile handle. */
  public readonly profile: HardwareProfileInfo;
  /** The profile's name. */
  public readonly name: string;
  /** The profile's name (the same as `name`; the Pulumi component's output of that name). */
  public readonly profileName: string;
  /** The synthesized objects (the OpenShift AI HardwareProfile; none elsewhere). */
  public readonly apiObjects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: HardwareProfileProps = {}) {
    super(scope, id);
    const result = buildHardwareProfile(props, buildContext(scope, id));
    this.profile = result.handle;
    this.name = result.handle.name;
    this.profileName = result.handle.name;
    this.apiObjects = adopt(this, result);
  }

  /**
   * A request against this profile. Values are checked against the profile's bounds by the
   * InferenceService (or engine) that uses the request, and reported with its other problems.
   */
  public request(values: HardwareRequestProps = {}): HardwareRequest {
    return profileRequest(this.profile, values);
  }
}
