/**
 * MLServer custom runtimes: your own Python `MLModel` class in an image built with `mlserver build`,
 * served as a single-model KServe runtime or as a ModelMesh multi-model runtime from the same props
 * (../shared/reference/platforms.md §5.3).
 *
 * The implementation class is set as the runtime's `MLSERVER_MODEL_IMPLEMENTATION`, and the runtime
 * carries no `serving.kserve.io/server-type: mlserver` annotation: KServe's mlserver defaults would
 * overwrite the `modelClass` label at reconcile time. Model settings: in single-model mode each
 * InferenceService passes them as environment variables (`MLServer.modelEnv`); in multi-model mode they
 * travel with the model as a `model-settings.json` beside its files (`MLServer.modelSettingsJson`).
 */
import { z } from "zod";
import type { IssueDraft } from "../core/errors";
import type { InferenceEngineProps, ModelFormatProps } from "../core/engine/props";
import { parseProps, withFix } from "../core/schema";
import { modelFormatSchema } from "../core/engine/schema";
import type { ResourcesProps } from "../core/pod/resources";
import type { Json } from "../core/canonical";
import type { MLServerModelParameters, MLServerModelSettings, MLServerServerSettings } from "../core/mlserver/settings";
import { mlserverModelEnv, mlserverModelSettingsJson, mlserverServerEnv } from "../core/mlserver/settings";
import type { EnginePreset } from "./preset";
import { MLSERVER_MODELMESH_ENV, modelMeshEngineBase, modelMeshRuntimeShape, multiModelRuntimeSettings } from "./modelmesh";
import type { ModelMeshRuntimeSettings } from "./modelmesh";
import { runRules } from "../core/rules/registry";
import { MLSERVER_PRESET_RULES } from "./rules";

/** MLServer's ports in single-model mode (its defaults). */
export const MLSERVER_PORTS = { http: 8080, grpc: 8081, metrics: 8082 } as const;

/** Model settings every model of the runtime starts from (a model's own settings win). */
export interface MLServerModelDefaults extends Omit<MLServerModelSettings, "name" | "implementation" | "parameters"> {
  /**
   * Per-instance parameters (not the URI, which is each model's own).
   * @default none
   */
  readonly parameters?: Omit<MLServerModelParameters, "uri">;
}

/** Props of an MLServer custom runtime. */
export interface MLServerPresetProps extends ModelMeshRuntimeSettings {
  /** Your MLServer image (`mlserver build . -t <image>`), with your runtime class installed. */
  readonly image: string;
  /** Python path of your `MLModel` subclass, for example `my_model.MyModel` (`MLSERVER_MODEL_IMPLEMENTATION`). */
  readonly implementation: string;
  /** The model formats the runtime serves (your own format name, for example `{ name: "fraud-model", version: "1" }`). */
  readonly modelFormats: readonly ModelFormatProps[];
  /**
   * `single`: a KServe single-model runtime (one pod set per InferenceService, V2 REST on 8080 and gRPC on
   * 8081); `multi`: a ModelMesh runtime (models share the pods, loaded on demand through the mlserver adapter).
   * @default "single"
   */
  readonly mode?: "single" | "multi";
  /**
   * The engine's version key.
   * @default the image's tag ("latest" for untagged or digest images)
   */
  readonly version?: string;
  /**
   * Server settings (`settings.json` as `MLSERVER_*` env).
   * @default MLServer's defaults
   */
  readonly server?: MLServerServerSettings;
  /**
   * Model settings every model starts from (`MLSERVER_MODEL_*` env on the runtime).
   * @default MLServer's defaults
   */
  readonly modelDefaults?: MLServerModelDefaults;
  /**
   * Single-model mode: also declare MLServer's gRPC port 8081 (Knative mode allows one port: set false there).
   * @default true
   */
  readonly grpc?: boolean;
  /**
   * Resources of the server container.
   * @default none in single-model mode; requests 500m / 1Gi, limits 5 / 1Gi in multi-model mode (as ModelMesh's mlserver-1.x)
   */
  readonly resources?: ResourcesProps;
}

const json: z.ZodType<Json> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(json), z.record(z.string(), json)]));

const serverSchema: z.ZodType<MLServerServerSettings> = z.strictObject({
  debug: z.boolean().optional(),
  parallelWorkers: z.number().int().min(0).optional(),
  grpcMaxMessageLength: z.number().int().min(-1).optional(),
  metricsEndpoint: z.string().startsWith("/").optional(),
  serverName: z.string().min(1).optional(),
  loggingSettings: z.string().min(1).optional(),
  extensions: z.array(z.string().min(1)).optional(),
});

const parametersShape = {
  version: z.string().min(1).optional(),
  format: z.string().min(1).optional(),
  contentType: z.string().min(1).optional(),
  extra: z.record(z.string(), json).optional(),
};

const modelShape = {
  platform: z.string().min(1).optional(),
  versions: z.array(z.string().min(1)).optional(),
  maxBatchSize: z.number().int().min(0).optional(),
  maxBatchTime: z.number().min(0).optional(),
};

const presetSchema: z.ZodType<MLServerPresetProps> = z.strictObject({
  ...modelMeshRuntimeShape,
  image: z.string().regex(/^\S+$/, { error: withFix("an image reference cannot contain spaces", "use registry/repository:tag") }),
  implementation: z.string().min(1),
  modelFormats: z.array(modelFormatSchema).min(1, { error: withFix("an MLServer runtime must serve at least one model format", 'add modelFormats: [{ name: "my-format", version: "1" }]') }),
  mode: z.enum(["single", "multi"]).optional(),
  version: z.string().min(1).optional(),
  server: serverSchema.optional(),
  modelDefaults: z.strictObject({ ...modelShape, parameters: z.strictObject(parametersShape).optional() }).optional(),
  grpc: z.boolean().optional(),
});

/** The InferenceEngine props of an MLServer custom runtime, or the problems with its props. */
export function mlserverEngineProps(input: MLServerPresetProps): { props?: InferenceEngineProps; issues: IssueDraft[] } {
  const parsed = parseProps(presetSchema, input);
  if (parsed.value === undefined) return { issues: parsed.issues };
  const p = parsed.value;
  const mode = p.mode ?? "single";
  const issues = runRules(MLSERVER_PRESET_RULES, p);
  if (issues.length > 0) return { issues };
  const image = p.image;
  const shared = modelMeshEngineBase(p, image, undefined, p.version);
  const settingsEnv = { ...mlserverServerEnv(p.server ?? {}), ...mlserverModelEnv(p.modelDefaults ?? {}) };
  const formats = { modelFormats: p.modelFormats, ...(p.annotations !== undefined ? { annotations: p.annotations } : {}) };
  if (mode === "multi") {
    return {
      issues: [],
      props: {
        ...shared,
        ...formats,
        port: 8001,
        protocol: "grpc-v2",
        env: { ...MLSERVER_MODELMESH_ENV, MLSERVER_MODEL_IMPLEMENTATION: p.implementation, ...settingsEnv, ...p.env },
        openshiftAI: { modelType: "predictive" },
        multiModel: {
          adapter: { serverType: "mlserver", runtimeManagementPort: 8001 },
          grpcDataEndpoint: "port:8001",
          ...multiModelRuntimeSettings(p),
        },
      },
    };
  }
  const grpc = p.grpc ?? true;
  const { resources: _multiDefault, ...single } = shared;
  return {
    issues: [],
    props: {
      ...single,
      ...formats,
      ...(p.resources !== undefined ? { resources: p.resources } : {}),
      port: MLSERVER_PORTS.http,
      ...(grpc ? { grpcPort: MLSERVER_PORTS.grpc, protocol: ["v2", "grpc-v2"] as const } : { protocol: "v2" as const }),
      readiness: { path: "/v2/models/{{model_name}}/ready" },
      env: {
        MLSERVER_HTTP_PORT: "{{port}}",
        MLSERVER_GRPC_PORT: String(MLSERVER_PORTS.grpc),
        MLSERVER_METRICS_PORT: String(MLSERVER_PORTS.metrics),
        MLSERVER_MODELS_DIR: "{{model_path}}",
        MLSERVER_MODEL_NAME: "{{model_name}}",
        MLSERVER_MODEL_URI: "{{model_path}}",
        MLSERVER_MODEL_IMPLEMENTATION: p.implementation,
        ...settingsEnv,
        ...p.env,
      },
      metrics: { port: MLSERVER_PORTS.metrics, path: p.server?.metricsEndpoint ?? "/metrics" },
      openshiftAI: { modelType: "predictive" },
    },
  };
}

/** MLServer custom runtimes and model settings. */
export const MLServer = {
  /**
   * An MLServer custom runtime (`mode: "single"` or `"multi"`), for `new InferenceEngine(scope, id, MLServer.runtime({...}))`.
   *
   * @example new InferenceEngine(chart, "fraud-mlserver", MLServer.runtime({ image: "registry.example/fraud-mlserver:1.0", implementation: "fraud.FraudModel", modelFormats: [{ name: "fraud", version: "1" }] }))
   */
  runtime(props: MLServerPresetProps): EnginePreset {
    return { preset: "mlserver", resolve: () => mlserverEngineProps(props) };
  },
  /**
   * One model's settings as environment variables, for a single-model InferenceService's `env`
   * (they override the runtime's defaults by name).
   */
  modelEnv(settings: MLServerModelSettings): Record<string, string> {
    return mlserverModelEnv(settings);
  },
  /** One model's `model-settings.json`, to store beside the model's files (multi-model mode). */
  modelSettingsJson(settings: MLServerModelSettings): string {
    return mlserverModelSettingsJson(settings);
  },
} as const;
