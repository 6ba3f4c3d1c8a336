/**
 * The base of the components that define a runtime (InferenceEngine, ServingRuntime): they are passed
 * to InferenceServices as `engine`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { IRuntime, RuntimeInfo } from "../index";
import { KServeComponent } from "./component";
import type { BuildFunction } from "./component";
import { registerReference } from "./inputs";

/** A component that creates a ServingRuntime or ClusterServingRuntime. Registered outputs: `runtimeName`, `runtimeKind`, `namespace`, `objects`. */
export abstract class RuntimeComponent extends KServeComponent<RuntimeInfo> implements IRuntime {
  /** The runtime handle InferenceServices use (Output leaves are placeholders in it; they resolve for the InferenceService). */
  public readonly runtime: RuntimeInfo;
  /** The runtime's name. */
  public readonly runtimeName: string;
  /** `ServingRuntime` or `ClusterServingRuntime`. */
  public readonly runtimeKind: RuntimeInfo["kind"];

  protected constructor(type: string, name: string, args: object, opts: pulumi.ComponentResourceOptions | undefined, build: BuildFunction<never, RuntimeInfo>) {
    super(type, name, args, opts, build);
    this.runtime = this.handle;
    this.runtimeName = this.handle.name;
    this.runtimeKind = this.handle.kind;
    registerReference(this, () => ({ runtime: this.runtime }));
    this.registerAll({ runtimeName: this.runtimeName, runtimeKind: this.runtimeKind });
  }
}
