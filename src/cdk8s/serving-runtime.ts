/**
 * ServingRuntime: a runtime given as KServe's raw spec, or a reference to one that exists.
 */
import type { ApiObject } from "cdk8s";
import { Construct } from "constructs";
import { buildServingRuntime, existingRuntime } from "../index";
import type { ExistingRuntimeOptions, IRuntime, RuntimeInfo, ServingRuntimeProps } from "../index";
import { adopt, buildWithHandles } from "./state";
import type { WithHandles } from "./plus";

/**
 * A ServingRuntime (or ClusterServingRuntime) from KServe's own spec, checked by the same rules as
 * engines. Prefer {@link InferenceEngine} for new runtimes; use this to bring an existing runtime
 * definition under the library's checks, or {@link ServingRuntime.fromName} to use one that exists.
 */
export class ServingRuntime extends Construct implements IRuntime {
  /**
   * A runtime that already exists in the cluster. Declare what you know of it to get the format and
   * protocol checks; unknown facts are not checked.
   *
   * @example ServingRuntime.fromName("kserve-sklearnserver", { modelFormats: [{ name: "sklearn", version: "1", autoSelect: true }], protocolVersions: ["v1", "v2"] })
   */
  public static fromName(name: string, options: ExistingRuntimeOptions = {}): IRuntime {
    return { runtime: existingRuntime(name, options) };
  }

  /** The runtime handle InferenceServices use. */
  public readonly runtime: RuntimeInfo;
  /** The runtime's name. */
  public readonly name: string;
  /** The runtime's name (the same as `name`; the Pulumi component's output of that name). */
  public readonly runtimeName: string;
  /** `ServingRuntime` or `ClusterServingRuntime`. */
  public readonly runtimeKind: RuntimeInfo["kind"];
  /** The synthesized objects (empty when the props have errors). */
  public readonly apiObjects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: WithHandles<ServingRuntimeProps>) {
    super(scope, id);
    const result = buildWithHandles(scope, id, props, buildServingRuntime);
    this.runtime = result.handle;
    this.name = result.handle.name;
    this.runtimeName = result.handle.name;
    this.runtimeKind = result.handle.kind;
    this.apiObjects = adopt(this, result);
  }
}
