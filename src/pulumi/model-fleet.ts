/**
 * ModelFleet: many models from a list, one InferenceService each.
 */
import type * as pulumi from "@pulumi/pulumi";
import { buildModelFleet } from "../index";
import type { FleetHandle, ModelFleetProps } from "../index";
import { KServeComponent } from "./component";
import type { Inputify } from "./args";
import type { ReadinessArgs } from "./readiness";

/**
 * Args of a {@link ModelFleet}: the core's {@link ModelFleetProps}, `namespace` accepting an Input (see
 * {@link Inputify}). `engine` takes an engine, a runtime or a {@link ModelServing}; `storage` a
 * {@link ModelStorage} or `storageConfig.entry(key)`.
 */
export interface ModelFleetArgs extends Inputify<ModelFleetProps>, ReadinessArgs {}

/**
 * A fleet of models served by one engine (or a ModelServing): names, storage and modes are checked for
 * all models together, then every model becomes an InferenceService checked by the same rules as one
 * defined alone.
 *
 * Registered outputs: `serviceNames`, `namespace`, `objects`.
 *
 * @example
 * new ModelFleet("fraud", {
 *   engine: mlserverMesh,
 *   storage: storageConfig.entry("minio"),
 *   models: catalogue.map((m) => ({ name: m.id, format: { name: "sklearn", version: "0" }, path: m.key })),
 * }, { provider });
 */
export class ModelFleet extends KServeComponent<FleetHandle> {
  /** The handle (every InferenceService). */
  public readonly fleet: FleetHandle;
  /** The names of the InferenceServices, in the order of `models`. */
  public readonly serviceNames: readonly string[];

  constructor(name: string, args: ModelFleetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:ModelFleet", name, args, opts, buildModelFleet, { readiness: true });
    this.fleet = this.handle;
    this.serviceNames = this.handle.services.map((s) => s.name);
    this.registerAll({ serviceNames: this.serviceNames });
  }
}
