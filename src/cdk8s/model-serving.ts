/**
 * ModelServing: the switch between single-model (KServe) and multi-model (ModelMesh) serving.
 */
import { Construct } from "constructs";
import { buildModelServing } from "../index";
import type { IModelServing, ModelServingHandle, ModelServingProps, RuntimeInfo, ServingMode } from "../index";
import { adopt, buildContext } from "./state";

/**
 * Two runtimes for the same models, one single-model and one multi-model, and the mode that picks
 * between them. Use it as the `engine` of InferenceServices and fleets: each gets the runtime of the
 * mode, and its InferenceService follows (ModelMesh mode, storage form). Moving every model is a change
 * of `mode`; moving one model is giving it the other engine (or, in a fleet, `mode` on the model).
 *
 * @example
 * const tabular = new ModelServing(chart, "tabular", { mode: "multi", single: sklearnEngine, multi: mlserverMesh });
 * new InferenceService(chart, "churn", { engine: tabular, model: storage.path("minio", "churn/v3"), modelFormat: { name: "sklearn", version: "0" } });
 */
export class ModelServing extends Construct implements IModelServing {
  /** The runtime of the current mode. */
  public readonly runtime: RuntimeInfo;
  /** The handle (both runtimes and the mode). */
  public readonly serving: ModelServingHandle;
  /** The mode. */
  public readonly mode: ServingMode;

  constructor(scope: Construct, id: string, props: ModelServingProps) {
    super(scope, id);
    const result = buildModelServing(props, buildContext(scope, id));
    this.runtime = result.handle.runtime;
    this.serving = result.handle.serving;
    this.mode = result.handle.serving.mode;
    adopt(this, result);
  }
}
