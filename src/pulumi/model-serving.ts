/**
 * ModelServing: the switch between single-model (KServe) and multi-model (ModelMesh) serving.
 */
import type * as pulumi from "@pulumi/pulumi";
import { buildModelServing } from "../index";
import type { IModelServing, ModelServingHandle, ModelServingProps, RuntimeInfo, ServingMode } from "../index";
import { KServeComponent } from "./component";
import { registerReference } from "./inputs";

/** Args of a {@link ModelServing}: the core's {@link ModelServingProps} (`single` and `multi` take engines, runtimes or `ServingRuntime.fromName(...)`). */
export type ModelServingArgs = ModelServingProps;

/**
 * Two runtimes for the same models, one single-model and one multi-model, and the mode that picks
 * between them. Use it as the `engine` of InferenceServices and fleets: each gets the runtime of the
 * mode, and its InferenceService follows (ModelMesh mode, storage form). It creates no object.
 *
 * Registered outputs: `mode`, `runtimeName`, `objects` (none).
 *
 * @example
 * const tabular = new ModelServing("tabular", { mode: "multi", single: sklearnEngine, multi: mlserverMesh });
 * new InferenceService("churn", { engine: tabular, model: storage.path("minio", "churn/v3"), modelFormat: { name: "sklearn", version: "0" } }, { provider });
 */
export class ModelServing extends KServeComponent<IModelServing> implements IModelServing {
  /** The runtime of the current mode (Output leaves are placeholders in it). */
  public readonly runtime: RuntimeInfo;
  /** The handle (both runtimes and the mode). */
  public readonly serving: ModelServingHandle;
  /** The mode. */
  public readonly mode: ServingMode;

  constructor(name: string, args: ModelServingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:ModelServing", name, args, opts, buildModelServing);
    this.runtime = this.handle.runtime;
    this.serving = this.handle.serving;
    this.mode = this.handle.serving.mode;
    // passed as an engine, it stands for its handle (resolved with its runtimes' real values)
    registerReference(this, () => this.handle);
    this.registerAll({ mode: this.mode, runtimeName: this.runtime.name });
  }
}
