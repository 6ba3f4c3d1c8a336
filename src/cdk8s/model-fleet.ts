/**
 * ModelFleet: many models from a list, one InferenceService each.
 */
import type { ApiObject } from "cdk8s";
import { Construct } from "constructs";
import { buildModelFleet } from "../index";
import type { FleetHandle, ModelFleetProps } from "../index";
import { adopt, buildWithHandles } from "./state";
import type { WithHandles } from "./plus";

/**
 * A fleet of models served by one engine (or a ModelServing): names, storage and modes are checked for
 * all models together, then every model becomes an InferenceService checked by the same rules as one
 * defined alone.
 *
 * @example
 * new ModelFleet(chart, "fraud", {
 *   engine: mlserverMesh,
 *   storage: storageConfig.entry("minio"),
 *   models: catalogue.map((m) => ({ name: m.id, format: { name: "sklearn", version: "0" }, path: m.key })),
 * });
 */
export class ModelFleet extends Construct {
  /** The handle (every InferenceService). */
  public readonly fleet: FleetHandle;
  /** The synthesized InferenceServices (empty when the props have errors). */
  public readonly apiObjects: readonly ApiObject[];
  /** The names of the InferenceServices, in the order of `models`. */
  public readonly serviceNames: readonly string[];

  constructor(scope: Construct, id: string, props: WithHandles<ModelFleetProps>) {
    super(scope, id);
    const result = buildWithHandles(scope, id, props, buildModelFleet);
    this.fleet = result.handle;
    this.serviceNames = result.handle.services.map((s) => s.name);
    this.apiObjects = adopt(this, result);
  }
}
