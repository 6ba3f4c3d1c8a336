/**
 * ModelMesh runtime presets: the four runtimes ModelMesh Serving ships (`config/runtimes/` of
 * kserve/modelmesh-serving; ../shared/reference/kserve.md §9) as InferenceEngine props with a
 * `multiModel` block. Images are props; the defaults are the documented upstream images.
 */
import { z } from "zod";
import type { IssueDraft } from "../core/errors";
import type { InferenceEngineProps, ModelFormatProps } from "../core/engine/props";
import type { EngineProtocol, KServeProtocol } from "../core/engine/protocols";
import { parseProps } from "../core/schema";
import { envSchema, resourcesSchema } from "../core/pod/schema";
import { modelFormatSchema } from "../core/engine/schema";
import type { EnvValue } from "../core/pod/env";
import type { ResourcesProps } from "../core/pod/resources";
import type { SecurityProps } from "../core/pod/security";
import type { ExistingRuntimeOptions } from "../core/runtime/props";
import type { MultiModelScalingProps, MultiModelProps } from "../core/modelmesh/props";
import type { BuiltInServerType } from "../core/modelmesh/constants";
import { multiModelRuntimeShape } from "../core/modelmesh/schema";
import type { EnginePreset, PresetRuntimeProps } from "./preset";
import { imageTag, presetRuntimeProps, presetRuntimeShape } from "./preset";

/** The runtimes ModelMesh Serving ships. */
export type ModelMeshRuntimeName = "triton-2.x" | "mlserver-1.x" | "ovms-1.x" | "torchserve-0.x";

/** What the library knows of a ModelMesh runtime (data, from the upstream definitions). */
export interface ModelMeshRuntimeData {
  /** The documented upstream image. */
  readonly image: string;
  readonly serverType: BuiltInServerType;
  readonly modelFormats: readonly ModelFormatProps[];
  readonly protocols: readonly KServeProtocol[];
  /** The server's inference port (grpcDataEndpoint). */
  readonly dataPort: number;
  /** The port the built-in adapter manages the server on. */
  readonly runtimeManagementPort: number;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  /** Container security: whether the image runs as a numeric non-root user (else runAsNonRoot is not asserted). */
  readonly runAsNonRoot: boolean;
}

/** Resources of every upstream ModelMesh runtime container. */
export const MODELMESH_RUNTIME_RESOURCES: ResourcesProps = { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "5", memory: "1Gi" } };

/** The MLServer container settings ModelMesh's mlserver adapter expects (mlserver-1.x and custom MLServer runtimes). */
export const MLSERVER_MODELMESH_ENV: Readonly<Record<string, string>> = {
  MLSERVER_MODELS_DIR: "/models/_mlserver_models/",
  MLSERVER_GRPC_PORT: "8001",
  // MLServer's default HTTP port 8080 is ModelMesh's litelinks port
  MLSERVER_HTTP_PORT: "8002",
  MLSERVER_LOAD_MODELS_AT_STARTUP: "false",
  // a model name, so that MLServer answers RepositoryIndex while no model is loaded
  MLSERVER_MODEL_NAME: "dummy-model",
  // listen inside the pod only; ModelMesh fronts it
  MLSERVER_HOST: "127.0.0.1",
  // unlimited: ModelMesh limits message sizes itself
  MLSERVER_GRPC_MAX_MESSAGE_LENGTH: "-1",
};

/** The ModelMesh runtimes (kserve.md §9 "ModelMesh built-ins"; container settings from modelmesh-serving `config/runtimes/`). */
export const MODELMESH_RUNTIMES: Readonly<Record<ModelMeshRuntimeName, ModelMeshRuntimeData>> = {
  "triton-2.x": {
    image: "nvcr.io/nvidia/tritonserver:23.04-py3",
    serverType: "triton",
    modelFormats: [
      { name: "keras", version: "2", autoSelect: true },
      { name: "onnx", version: "1", autoSelect: true },
      { name: "pytorch", version: "1", autoSelect: true },
      { name: "tensorflow", version: "1", autoSelect: true },
      { name: "tensorflow", version: "2", autoSelect: true },
      { name: "tensorrt", version: "7", autoSelect: true },
      { name: "sklearn", version: "0", autoSelect: false },
      { name: "xgboost", version: "1", autoSelect: false },
      { name: "lightgbm", version: "3", autoSelect: false },
    ],
    protocols: ["grpc-v2"],
    dataPort: 8001,
    runtimeManagementPort: 8001,
    command: ["/bin/sh"],
    args: [
      "-c",
      'mkdir -p /models/_triton_models; chmod 777 /models/_triton_models; exec tritonserver "--model-repository=/models/_triton_models" "--model-control-mode=explicit" "--strict-model-config=false" "--strict-readiness=false" "--allow-http=true" "--allow-sagemaker=false"',
    ],
    annotations: { maxLoadingConcurrency: "2" },
    runAsNonRoot: false,
  },
  "mlserver-1.x": {
    image: "seldonio/mlserver:1.3.2",
    serverType: "mlserver",
    modelFormats: [
      { name: "sklearn", version: "0", autoSelect: true },
      { name: "xgboost", version: "1", autoSelect: true },
      { name: "lightgbm", version: "3", autoSelect: true },
    ],
    protocols: ["grpc-v2"],
    dataPort: 8001,
    runtimeManagementPort: 8001,
    env: MLSERVER_MODELMESH_ENV,
    runAsNonRoot: true,
  },
  "ovms-1.x": {
    image: "openvino/model_server:2022.2",
    serverType: "ovms",
    modelFormats: [
      { name: "openvino_ir", version: "opset1", autoSelect: true },
      { name: "onnx", version: "1", autoSelect: false },
    ],
    protocols: ["grpc-v1"],
    dataPort: 8001,
    runtimeManagementPort: 8888,
    args: [
      "--port=8001",
      "--rest_port=8888",
      "--config_path=/models/model_config_list.json",
      "--file_system_poll_wait_seconds=0",
      "--grpc_bind_address=127.0.0.1",
      "--rest_bind_address=127.0.0.1",
    ],
    runAsNonRoot: false,
  },
  "torchserve-0.x": {
    image: "pytorch/torchserve:0.7.1-cpu",
    serverType: "torchserve",
    modelFormats: [{ name: "pytorch-mar", version: "0", autoSelect: true }],
    protocols: [],
    dataPort: 7070,
    runtimeManagementPort: 7071,
    args: ['while [ ! -e "$TS_CONFIG_FILE" ]; do echo "waiting for config file..."; sleep 1; done;', "exec", "torchserve", "--start", "--foreground"],
    env: { TS_CONFIG_FILE: "/models/_torchserve_models/mmconfig.properties" },
    runAsNonRoot: false,
  },
};

/** Runtime settings every multi-model (ModelMesh) preset shares. */
export interface ModelMeshRuntimeSettings extends PresetRuntimeProps {
  /**
   * Resources of the server container (ModelMesh sizes its models volume from the memory limit).
   * @default requests 500m CPU / 1Gi, limits 5 CPU / 1Gi (as upstream)
   */
  readonly resources?: ResourcesProps;
  /**
   * Environment added to the preset's.
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvValue>>;
  /**
   * Pods of the runtime (multi-model mode).
   * @default ModelMesh's podsPerRuntime
   */
  readonly replicas?: number;
  /**
   * Autoscale the runtime's pods (multi-model mode).
   * @default no HPA
   */
  readonly scaling?: MultiModelScalingProps;
  /**
   * OpenShift AI 2.x, multi-model mode: a Route to the REST proxy for this runtime.
   * @default false
   */
  readonly route?: boolean;
  /**
   * OpenShift AI 2.x, multi-model mode: a token on that Route.
   * @default false
   */
  readonly auth?: boolean;
}

/** Props of a ModelMesh runtime preset (every prop optional). */
export interface ModelMeshPresetProps extends ModelMeshRuntimeSettings {
  /**
   * The server image.
   * @default the documented upstream image (triton 23.04-py3, mlserver 1.3.2, ovms 2022.2, torchserve 0.7.1-cpu)
   */
  readonly image?: string;
  /**
   * Model formats served.
   * @default the upstream runtime's formats
   */
  readonly modelFormats?: readonly ModelFormatProps[];
  /**
   * Annotations on the runtime object (added to the preset's).
   * @default none (triton: maxLoadingConcurrency "2", as upstream)
   */
  readonly annotations?: Readonly<Record<string, string>>;
}

/**
 * Props every preset of a multi-model runtime shares (zod shape).
 * @internal
 */
export const modelMeshRuntimeShape = {
  ...presetRuntimeShape,
  resources: resourcesSchema.optional(),
  env: envSchema.optional(),
  ...multiModelRuntimeShape,
};

/** The settings of {@link ModelMeshRuntimeSettings} that go into the engine's `multiModel` block. */
export const MULTI_MODEL_RUNTIME_KEYS = ["replicas", "scaling", "route", "auth"] as const;

/** The `multiModel` settings a preset's props give (pods, HPA, OpenShift AI route and auth). */
export function multiModelRuntimeSettings(p: ModelMeshRuntimeSettings): Pick<MultiModelProps, (typeof MULTI_MODEL_RUNTIME_KEYS)[number]> {
  return {
    ...(p.replicas !== undefined ? { replicas: p.replicas } : {}),
    ...(p.scaling !== undefined ? { scaling: p.scaling } : {}),
    ...(p.route !== undefined ? { route: p.route } : {}),
    ...(p.auth !== undefined ? { auth: p.auth } : {}),
  };
}

const presetSchema: z.ZodType<ModelMeshPresetProps> = z.strictObject({
  ...modelMeshRuntimeShape,
  image: z.string().regex(/^\S+$/).optional(),
  modelFormats: z.array(modelFormatSchema).min(1).optional(),
});

/**
 * The common part of multi-model engine props from a preset's shared props. `versionKey` is the engine's
 * version key: by default the image's tag ("latest" for untagged or digest images).
 */
export function modelMeshEngineBase(
  p: Omit<ModelMeshPresetProps, "image" | "modelFormats">,
  image: string,
  security: SecurityProps | undefined,
  versionKey?: string,
): Pick<InferenceEngineProps, "versions" | "defaultVersion" | "resources" | "security"> & Partial<InferenceEngineProps> {
  const version = versionKey ?? imageTag(image) ?? "latest";
  const { annotations: _merged, ...runtime } = presetRuntimeProps(p); // annotations are merged with the preset's by the caller
  return {
    ...runtime,
    versions: { [version]: { image: { cpu: image } } },
    defaultVersion: version,
    resources: p.resources ?? MODELMESH_RUNTIME_RESOURCES,
    ...(security !== undefined ? { security } : {}),
  };
}

/** The InferenceEngine props of a ModelMesh runtime preset, or the problems with its props. */
export function modelMeshEngineProps(runtime: ModelMeshRuntimeName, input: ModelMeshPresetProps = {}): { props?: InferenceEngineProps; issues: IssueDraft[] } {
  const parsed = parseProps(presetSchema, input);
  if (parsed.value === undefined) return { issues: parsed.issues };
  const p = parsed.value;
  const data = MODELMESH_RUNTIMES[runtime];
  const image = p.image ?? data.image;
  const props: InferenceEngineProps = {
    ...modelMeshEngineBase(p, image, data.runAsNonRoot ? undefined : { runAsNonRoot: false }),
    ...(data.command !== undefined ? { command: data.command } : {}),
    ...(data.args !== undefined ? { args: data.args } : {}),
    port: data.dataPort,
    protocol: data.protocols as readonly EngineProtocol[],
    modelFormats: p.modelFormats ?? data.modelFormats,
    ...(data.env !== undefined || p.env !== undefined ? { env: { ...data.env, ...p.env } } : {}),
    ...(data.annotations !== undefined || p.annotations !== undefined ? { annotations: { ...data.annotations, ...p.annotations } } : {}),
    openshiftAI: { displayName: runtime, modelType: "predictive" },
    multiModel: {
      adapter: { serverType: data.serverType, runtimeManagementPort: data.runtimeManagementPort },
      grpcDataEndpoint: `port:${data.dataPort}`,
      ...multiModelRuntimeSettings(p),
    },
  };
  return { props, issues: [] };
}

function preset(runtime: ModelMeshRuntimeName, props: ModelMeshPresetProps | undefined): EnginePreset {
  return { preset: runtime, resolve: () => modelMeshEngineProps(runtime, props) };
}

/**
 * The ModelMesh runtimes as engine presets: `new InferenceEngine(chart, "mlserver-1.x", ModelMeshRuntimes.mlserver())`.
 * A runtime the cluster already has is referenced with `ServingRuntime.fromName(name, ModelMeshRuntimes.installed(name))`.
 */
export const ModelMeshRuntimes = {
  /** NVIDIA Triton (`triton-2.x`): keras, onnx, pytorch, tensorflow, tensorrt (and sklearn, xgboost, lightgbm by name). */
  triton(props?: ModelMeshPresetProps): EnginePreset {
    return preset("triton-2.x", props);
  },
  /** Seldon MLServer (`mlserver-1.x`): sklearn, xgboost, lightgbm. For your own Python model code see `MLServer.runtime`. */
  mlserver(props?: ModelMeshPresetProps): EnginePreset {
    return preset("mlserver-1.x", props);
  },
  /** OpenVINO Model Server (`ovms-1.x`): openvino_ir (and onnx by name). */
  ovms(props?: ModelMeshPresetProps): EnginePreset {
    return preset("ovms-1.x", props);
  },
  /** TorchServe (`torchserve-0.x`): pytorch-mar. */
  torchserve(props?: ModelMeshPresetProps): EnginePreset {
    return preset("torchserve-0.x", props);
  },
  /**
   * What to declare for a ModelMesh runtime the cluster already has (OpenShift AI 2.x and the ModelMesh
   * install create them), for `ServingRuntime.fromName(name, ModelMeshRuntimes.installed(name))`.
   * @param kind `ClusterServingRuntime` for the upstream install, `ServingRuntime` for per-namespace copies
   */
  installed(runtime: ModelMeshRuntimeName, kind: "ServingRuntime" | "ClusterServingRuntime" = "ClusterServingRuntime"): ExistingRuntimeOptions {
    const data = MODELMESH_RUNTIMES[runtime];
    return { kind, multiModel: true, modelFormats: data.modelFormats.map((f) => ({ ...f, autoSelect: f.autoSelect ?? true })), protocolVersions: data.protocols };
  },
} as const;
