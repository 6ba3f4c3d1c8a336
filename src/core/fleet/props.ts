/**
 * Props of a ModelFleet: many models from one list, validated together, one InferenceService each.
 */
import type { TargetProps } from "../target/props";
import type { IRuntime } from "../runtime/ref";
import type { ModelLocation } from "../storage/location";
import type { InferenceServiceProps } from "../service/props";
import type { ServingMode } from "../serving/props";

/** InferenceService props a fleet applies to its models (everything but what the fleet sets itself). */
export type FleetServiceProps = Omit<Partial<InferenceServiceProps>, "name" | "namespace" | "engine" | "model" | "modelFormat" | "target">;

/** Where a fleet's model paths are: a ModelStorage, or an entry of a StorageConfig (`storageConfig.entry(key)`). */
export interface FleetStorage {
  /** The location of the model at `path`. */
  path(path: string): ModelLocation;
}

/** One model of a fleet. */
export interface FleetModelProps {
  /** The model's name; its InferenceService is `<namePrefix><name>` made a DNS-1035 label (lowercase, '-' for other characters). */
  readonly name: string;
  /**
   * The model's format: a name, or a name and version (matched exactly against the runtime's formats).
   * @default the runtime's only format
   */
  readonly format?: string | { readonly name: string; readonly version?: string };
  /**
   * Path of the model in the fleet's storage (a leading '/' is dropped).
   * @default none (give `location` instead)
   */
  readonly path?: string;
  /**
   * The model's location, when it is not in the fleet's storage.
   * @default the fleet's storage at `path`
   */
  readonly location?: ModelLocation;
  /**
   * Serve this model in the other mode (the fleet's engine must be a ModelServing).
   * @default the ModelServing's mode
   */
  readonly mode?: ServingMode;
  /**
   * InferenceService props for this model (they override the fleet's defaults; labels, annotations, env,
   * parameters, podLabels and podAnnotations merge by key).
   * @default none
   */
  readonly overrides?: FleetServiceProps;
}

/** Props of a ModelFleet. */
export interface ModelFleetProps {
  /** The runtime every model uses: an engine, a runtime, or a ModelServing (whose mode each model may override). */
  readonly engine: IRuntime;
  /**
   * Where the models' `path`s are.
   * @default none (every model gives its `location`)
   */
  readonly storage?: FleetStorage;
  /** The models. */
  readonly models: readonly FleetModelProps[];
  /**
   * InferenceService props for every model.
   * @default none
   */
  readonly defaults?: FleetServiceProps;
  /**
   * InferenceService props for the models served in single-model mode only (scaling, resources, ...), so
   * that moving a model to ModelMesh and back changes nothing else.
   * @default none
   */
  readonly singleModelDefaults?: FleetServiceProps;
  /**
   * Prefix of every InferenceService name.
   * @default none
   */
  readonly namePrefix?: string;
  /**
   * Namespace of the InferenceServices.
   * @default the chart's namespace (cdk8s) or the provider's default namespace (Pulumi)
   */
  readonly namespace?: string;
  /**
   * Override the target platform.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}
