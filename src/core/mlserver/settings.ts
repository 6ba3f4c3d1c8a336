/**
 * MLServer settings as MLServer reads them: server settings (`settings.json`, env prefix `MLSERVER_`) and
 * model settings (`model-settings.json`, env prefix `MLSERVER_MODEL_`; MLServer's `mlserver/settings.py`,
 * ../shared/reference/platforms.md §5.3). One typed form, two renderings: environment variables (a
 * runtime's defaults, or one single-model InferenceService's values) and the content of a
 * `model-settings.json` (what a model carries beside its files, as ModelMesh's mlserver adapter reads it).
 */
import type { Json, JsonObject } from "../canonical";
import { canonicalize, compact } from "../canonical";

/** Server-wide MLServer settings (`settings.json`). */
export interface MLServerServerSettings {
  /**
   * Debug logging (`MLSERVER_DEBUG`).
   * @default MLServer's default (true)
   */
  readonly debug?: boolean;
  /**
   * Inference worker processes (`MLSERVER_PARALLEL_WORKERS`; 0 runs inference in the server process).
   * @default MLServer's default (1)
   */
  readonly parallelWorkers?: number;
  /**
   * Largest gRPC message, in bytes (`MLSERVER_GRPC_MAX_MESSAGE_LENGTH`).
   * @default MLServer's default (gRPC's 4 MiB); unlimited (-1) in multi-model mode
   */
  readonly grpcMaxMessageLength?: number;
  /**
   * Path of the Prometheus endpoint (`MLSERVER_METRICS_ENDPOINT`).
   * @default "/metrics"
   */
  readonly metricsEndpoint?: string;
  /**
   * Server name reported in metadata (`MLSERVER_SERVER_NAME`).
   * @default "mlserver"
   */
  readonly serverName?: string;
  /**
   * Path of a Python logging configuration file in the image (`MLSERVER_LOGGING_SETTINGS`).
   * @default MLServer's logging
   */
  readonly loggingSettings?: string;
  /**
   * Server extensions to load (`MLSERVER_EXTENSIONS`, Python paths).
   * @default none
   */
  readonly extensions?: readonly string[];
}

/** Parameters of one model instance (`parameters` in model-settings.json). */
export interface MLServerModelParameters {
  /**
   * Where the model's artifacts are (`MLSERVER_MODEL_URI`), absolute or relative to the settings file.
   * @default the model's folder (single-model mode: /mnt/models)
   */
  readonly uri?: string;
  /**
   * Version of the model (`MLSERVER_MODEL_VERSION`).
   * @default none
   */
  readonly version?: string;
  /**
   * Format of the artifacts, for runtimes that read it (`MLSERVER_MODEL_FORMAT`).
   * @default none
   */
  readonly format?: string;
  /**
   * Default content type of requests and responses (`MLSERVER_MODEL_CONTENT_TYPE`).
   * @default none
   */
  readonly contentType?: string;
  /**
   * Settings of your own runtime class (`MLSERVER_MODEL_EXTRA`, JSON), read in `load()` as `self.settings.parameters.extra`.
   * @default none
   */
  readonly extra?: Readonly<Record<string, Json>>;
}

/** Settings of one model (`model-settings.json`). */
export interface MLServerModelSettings {
  /**
   * Model name (`MLSERVER_MODEL_NAME`).
   * @default the InferenceService name (single-model mode); ModelMesh sets the model id (multi-model mode)
   */
  readonly name?: string;
  /**
   * Python path of the `MLModel` subclass (`MLSERVER_MODEL_IMPLEMENTATION`), for example `my_model.MyModel`.
   * @default the runtime's implementation
   */
  readonly implementation?: string;
  /**
   * Framework the model was trained with, for metadata (`MLSERVER_MODEL_PLATFORM`).
   * @default none
   */
  readonly platform?: string;
  /**
   * Versions of the model's dependencies, for metadata (`MLSERVER_MODEL_VERSIONS`, e.g. `["sklearn/1.3.0"]`).
   * @default none
   */
  readonly versions?: readonly string[];
  /**
   * Adaptive batching: most requests per batch (`MLSERVER_MODEL_MAX_BATCH_SIZE`; 0 turns batching off).
   * @default 0
   */
  readonly maxBatchSize?: number;
  /**
   * Adaptive batching: longest wait for a full batch, in seconds (`MLSERVER_MODEL_MAX_BATCH_TIME`).
   * @default 0
   */
  readonly maxBatchTime?: number;
  /**
   * Per-instance parameters (URI, version, format, content type, extra).
   * @default none
   */
  readonly parameters?: MLServerModelParameters;
}

/** MLServer's environment names per model setting. */
const MODEL_ENV = {
  name: "MLSERVER_MODEL_NAME",
  implementation: "MLSERVER_MODEL_IMPLEMENTATION",
  platform: "MLSERVER_MODEL_PLATFORM",
  versions: "MLSERVER_MODEL_VERSIONS",
  maxBatchSize: "MLSERVER_MODEL_MAX_BATCH_SIZE",
  maxBatchTime: "MLSERVER_MODEL_MAX_BATCH_TIME",
  uri: "MLSERVER_MODEL_URI",
  version: "MLSERVER_MODEL_VERSION",
  format: "MLSERVER_MODEL_FORMAT",
  contentType: "MLSERVER_MODEL_CONTENT_TYPE",
  extra: "MLSERVER_MODEL_EXTRA",
} as const;

function text(value: Json | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : JSON.stringify(canonicalize(value));
}

/** Model settings as MLServer's environment variables (pydantic reads lists and objects as JSON). */
export function mlserverModelEnv(settings: MLServerModelSettings): Record<string, string> {
  const p = settings.parameters ?? {};
  return (
    compact({
      [MODEL_ENV.name]: settings.name,
      [MODEL_ENV.implementation]: settings.implementation,
      [MODEL_ENV.platform]: settings.platform,
      [MODEL_ENV.versions]: text(settings.versions),
      [MODEL_ENV.maxBatchSize]: settings.maxBatchSize === undefined ? undefined : String(settings.maxBatchSize),
      [MODEL_ENV.maxBatchTime]: settings.maxBatchTime === undefined ? undefined : String(settings.maxBatchTime),
      [MODEL_ENV.uri]: p.uri,
      [MODEL_ENV.version]: p.version,
      [MODEL_ENV.format]: p.format,
      [MODEL_ENV.contentType]: p.contentType,
      [MODEL_ENV.extra]: p.extra === undefined ? undefined : text(p.extra as JsonObject),
    }) ?? {}
  );
}

/** Server settings as MLServer's environment variables. */
export function mlserverServerEnv(settings: MLServerServerSettings): Record<string, string> {
  return (
    compact({
      MLSERVER_DEBUG: settings.debug === undefined ? undefined : String(settings.debug),
      MLSERVER_PARALLEL_WORKERS: settings.parallelWorkers === undefined ? undefined : String(settings.parallelWorkers),
      MLSERVER_GRPC_MAX_MESSAGE_LENGTH: settings.grpcMaxMessageLength === undefined ? undefined : String(settings.grpcMaxMessageLength),
      MLSERVER_METRICS_ENDPOINT: settings.metricsEndpoint,
      MLSERVER_SERVER_NAME: settings.serverName,
      MLSERVER_LOGGING_SETTINGS: settings.loggingSettings,
      MLSERVER_EXTENSIONS: text(settings.extensions),
    }) ?? {}
  );
}

/**
 * The content of a `model-settings.json` (sorted keys, two-space indent, final newline). In multi-model
 * (ModelMesh) mode a model's settings travel with the model: put this file beside its artifacts in the
 * storage (ModelMesh's mlserver adapter reads it, then sets the model's name and URI itself).
 */
export function mlserverModelSettingsJson(settings: MLServerModelSettings): string {
  const p = settings.parameters;
  const parameters =
    p === undefined
      ? undefined
      : compact<Json>({ uri: p.uri, version: p.version, format: p.format, content_type: p.contentType, extra: p.extra as JsonObject | undefined });
  const document = compact<Json>({
    name: settings.name,
    implementation: settings.implementation,
    platform: settings.platform,
    versions: settings.versions === undefined ? undefined : [...settings.versions],
    max_batch_size: settings.maxBatchSize,
    max_batch_time: settings.maxBatchTime,
    parameters,
  });
  return `${JSON.stringify(canonicalize(document ?? {}), null, 2)}\n`;
}
