/**
 * ModelServing: the one switch between single-model serving (KServe, a pod set per model) and
 * multi-model serving (ModelMesh, models share a runtime's pods) for the models that use it.
 */
import type { IRuntime, RuntimeInfo } from "../runtime/ref";

/** `single`: KServe single-model serving (Standard mode); `multi`: ModelMesh multi-model serving. */
export type ServingMode = "single" | "multi";

/** Props of a ModelServing. */
export interface ModelServingProps {
  /** How the models that use this ModelServing are served. Changing it moves every one of them. */
  readonly mode: ServingMode;
  /**
   * The single-model runtime (an InferenceEngine, a ServingRuntime or `ServingRuntime.fromName(...)`).
   * @default none (mode "single" is then an error)
   */
  readonly single?: IRuntime;
  /**
   * The multi-model (ModelMesh) runtime, for example `ModelMeshRuntimes.mlserver()` or an engine with `multiModel`.
   * @default none (mode "multi" is then an error)
   */
  readonly multi?: IRuntime;
}

/** What models need from a ModelServing. */
export interface ModelServingHandle {
  readonly where: string;
  readonly mode: ServingMode;
  readonly valid: boolean;
  readonly single?: RuntimeInfo;
  readonly multi?: RuntimeInfo;
}

/** A ModelServing as an engine: `runtime` is the runtime of its mode. */
export interface IModelServing extends IRuntime {
  readonly serving: ModelServingHandle;
}
