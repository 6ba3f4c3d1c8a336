/**
 * ServingRuntime: a runtime given as KServe's raw spec, or a reference to one that exists.
 */
import type * as pulumi from "@pulumi/pulumi";
import { buildServingRuntime, existingRuntime } from "../index";
import type { ExistingRuntimeOptions, IRuntime, ServingRuntimeProps } from "../index";
import { RuntimeComponent } from "./runtime-component";

/** Args of a {@link ServingRuntime}: the core's {@link ServingRuntimeProps}, `namespace` accepting an Input. */
export interface ServingRuntimeArgs extends Omit<ServingRuntimeProps, "namespace"> {
  /**
   * Namespace of a namespaced runtime.
   * @default not set (the Kubernetes provider's default namespace)
   */
  readonly namespace?: pulumi.Input<string>;
}

/**
 * A ServingRuntime (or ClusterServingRuntime) from KServe's own spec, checked by the same rules as
 * engines. Prefer {@link InferenceEngine} for new runtimes; use {@link ServingRuntime.fromName} for a
 * runtime that exists in the cluster.
 *
 * Registered outputs: `runtimeName`, `runtimeKind`, `namespace`, `objects`.
 */
export class ServingRuntime extends RuntimeComponent {
  /**
   * A runtime that already exists in the cluster (no resource is created). Declare what you know of it
   * to get the format and protocol checks; unknown facts are not checked.
   *
   * @example ServingRuntime.fromName("kserve-sklearnserver", { modelFormats: [{ name: "sklearn", version: "1", autoSelect: true }], protocolVersions: ["v1", "v2"] })
   */
  public static fromName(name: string, options: ExistingRuntimeOptions = {}): IRuntime {
    return { runtime: existingRuntime(name, options) };
  }

  constructor(name: string, args: ServingRuntimeArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:ServingRuntime", name, args, opts, buildServingRuntime);
  }
}
