/**
 * HardwareProfile: the resources and scheduling a class of workloads gets.
 */
import type * as pulumi from "@pulumi/pulumi";
import { buildHardwareProfile, profileRequest } from "../index";
import type { HardwareProfileInfo, HardwareProfileProps, HardwareRequest, HardwareRequestProps } from "../index";
import { KServeComponent } from "./component";
import type { Inputify } from "./args";
import { registerReference } from "./inputs";

/** Args of a {@link HardwareProfile}: the core's {@link HardwareProfileProps}, `namespace` accepting an Input (see {@link Inputify}). */
export interface HardwareProfileArgs extends Inputify<HardwareProfileProps> {}

/**
 * A hardware profile: CPU, memory and accelerator bounds, and node or queue scheduling. On OpenShift AI
 * it creates an `infrastructure.opendatahub.io` HardwareProfile (`v1` from OpenShift AI 3.0, `v1alpha1` on 2.x); everywhere, InferenceServices that
 * use `profile.request(...)` get its resources, scheduling and metadata written out in full.
 *
 * Registered outputs: `profileName`, `namespace`, `objects`.
 *
 * @example
 * const a100 = new HardwareProfile("a100", {
 *   accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8 }),
 *   cpu: { min: "2", default: "8", max: "32" },
 *   memory: { min: "16Gi", default: "64Gi", max: "256Gi" },
 * }, { provider });
 * new InferenceService("granite", { ..., hardware: a100.request({ accelerators: 2 }) }, { provider });
 */
export class HardwareProfile extends KServeComponent<HardwareProfileInfo> {
  /** The profile handle. */
  public readonly profile: HardwareProfileInfo;
  /** The profile's name. */
  public readonly profileName: string;

  constructor(name: string, args: HardwareProfileArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:HardwareProfile", name, args, opts, buildHardwareProfile);
    this.profile = this.handle;
    this.profileName = this.handle.name;
    // passed itself (a Nim's `hardware: profile`), it stands for `{ profile }`
    registerReference(this, () => ({ profile: this.profile }));
    this.registerAll({ profileName: this.profileName });
  }

  /** A request against this profile, checked against its bounds by the InferenceService that uses it. */
  public request(values: HardwareRequestProps = {}): HardwareRequest {
    return profileRequest(this.profile, values);
  }
}
