/**
 * The resolved engine spec: props with every default applied (in this one place).
 */
import { ownValue } from "../canonical";
import type { Target } from "../target/resolve";
import type { EnvValue } from "../pod/env";
import type { VolumeProps } from "../pod/volumes";
import type { ResourcesProps } from "../pod/resources";
import type { ProbeSettings } from "../pod/probes";
import type { SecurityProps } from "../pod/security";
import type { ParameterSpec } from "./parameters";
import type { EngineProtocol } from "./protocols";
import type { EngineMultiNodeProps, InferenceEngineProps, TensorParallelProps } from "./props";
import type { AcceleratorFacts } from "../accelerators/types";
import type { HardwareApplication } from "../hardware/apply";
import type { SupportedModelFormat } from "../runtime/ref";
import { compareStrings } from "../canonical";
import { acceleratorFacts, resourceOfTarget } from "../accelerators/registry";
import { requestAccelerator } from "../hardware/request";
import type { MultiModelSpec } from "../modelmesh/spec";
import { resolveMultiModel } from "../modelmesh/spec";

/** An engine with defaults applied. */
export interface EngineSpec {
  readonly name: string;
  readonly namespace?: string;
  readonly kind: "ServingRuntime" | "ClusterServingRuntime";
  /** For `scope: "dashboard"`: the namespace of the Template (OpenShift AI's applications namespace). */
  readonly dashboard?: { readonly namespace: string };
  readonly versions: InferenceEngineProps["versions"];
  readonly defaultVersion: string;
  readonly runtimeImage: string;
  readonly command?: readonly string[];
  readonly args: readonly string[];
  readonly repeatableFlags: readonly string[];
  readonly port: number;
  readonly grpcPort?: number;
  readonly protocols: readonly EngineProtocol[];
  readonly readiness?: ProbeSettings;
  readonly liveness?: ProbeSettings;
  readonly startup?: ProbeSettings;
  readonly parameters: Readonly<Record<string, ParameterSpec>>;
  readonly enforceParameters: boolean;
  readonly modelFormats: readonly SupportedModelFormat[];
  readonly env: Readonly<Record<string, EnvValue>>;
  readonly volumes: readonly VolumeProps[];
  readonly resources?: ResourcesProps;
  readonly multiGpu: boolean;
  readonly tensorParallel?: TensorParallelProps;
  readonly multiNode?: EngineMultiNodeProps & { readonly pipelineParallelSize: number; readonly tensorParallelSize: number };
  /** Facts of the accelerator the runtime's image is for. */
  readonly accelerator?: AcceleratorFacts;
  /** The engine's hardware request, applied. */
  readonly hardware?: HardwareApplication;
  /** The ModelMesh settings of a multi-model runtime. */
  readonly multiModel?: MultiModelSpec;
  /** The inert `builtInAdapter.modelLoadingTimeoutMillis` of a single-model runtime. */
  readonly modelLoadingTimeoutMillis?: number;
  readonly metrics?: { readonly port: number; readonly path: string };
  readonly security?: SecurityProps;
  readonly imagePullSecrets: readonly string[];
  readonly openshiftAI: { readonly displayName: string; readonly modelType: "generative" | "predictive"; readonly showInDashboard: boolean; readonly description?: string; readonly provider?: string };
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly podAnnotations: Readonly<Record<string, string>>;
  readonly recommendedAccelerators: readonly string[];
  readonly target: Target;
}

/**
 * The container security an engine renders with: its `security`, plus what `imageUser` implies on
 * upstream Kubernetes targets (see {@link InferenceEngineProps.imageUser}).
 */
export function effectiveSecurity(props: InferenceEngineProps, target: Target): SecurityProps | undefined {
  const user = props.imageUser;
  if (user === undefined || target.openshiftAI !== undefined) return props.security;
  if (user === "root" || user === 0) return { ...(props.security ?? {}), runAsNonRoot: props.security?.runAsNonRoot ?? false };
  return { ...(props.security ?? {}), runAsUser: props.security?.runAsUser ?? user };
}

/** The default version: the only one, or `undefined` when several and none chosen. */
export function defaultVersionOf(props: InferenceEngineProps): string | undefined {
  if (props.defaultVersion !== undefined) return props.defaultVersion;
  const keys = Object.keys(props.versions);
  return keys.length === 1 ? keys[0] : undefined;
}

/** The image target the runtime uses: the hardware's accelerator, else `cpu` when present, else the only image. */
export function runtimeImageOf(props: InferenceEngineProps, version: string | undefined): string | undefined {
  if (props.runtimeImage !== undefined) return props.runtimeImage;
  const images = version !== undefined ? ownValue(props.versions, version)?.image : undefined;
  if (images === undefined) return undefined;
  const keys = Object.keys(images);
  const hardwareKey = props.hardware !== undefined ? requestAccelerator(props.hardware)?.key : undefined;
  if (hardwareKey !== undefined) return hardwareKey;
  if (keys.includes("cpu")) return "cpu";
  return keys.length === 1 ? keys[0] : undefined;
}

/** Applies defaults. Call only after the props' shape and the version choice were validated. */
export function resolveEngineSpec(
  props: InferenceEngineProps,
  name: string,
  namespace: string | undefined,
  target: Target,
  defaultVersion: string,
  runtimeImage: string,
  hardware?: HardwareApplication,
): EngineSpec {
  const protocols = [...new Set(Array.isArray(props.protocol) ? (props.protocol as EngineProtocol[]) : [props.protocol as EngineProtocol])];
  const port = props.port ?? 8080;
  const targets = new Set<string>();
  for (const v of Object.values(props.versions)) for (const key of Object.keys(v.image)) targets.add(key);
  const custom = props.hardware !== undefined ? requestAccelerator(props.hardware) : undefined;
  const recommendedAccelerators = [...new Set([...targets].map((t) => resourceOfTarget(t) ?? (custom?.key === t ? custom.resourceName : undefined)).filter((r): r is string => r !== undefined))].sort(compareStrings);
  const accelerator = custom?.key === runtimeImage ? custom : acceleratorFacts(runtimeImage);
  const scope = props.scope ?? "namespace";
  return {
    name,
    ...(scope === "namespace" && namespace !== undefined ? { namespace } : {}),
    kind: scope === "cluster" ? "ClusterServingRuntime" : "ServingRuntime",
    ...(scope === "dashboard" && target.openshiftAI !== undefined ? { dashboard: { namespace: target.openshiftAI.applicationsNamespace } } : {}),
    versions: props.versions,
    defaultVersion,
    runtimeImage,
    ...(props.command !== undefined ? { command: props.command } : {}),
    args: props.args ?? [],
    repeatableFlags: props.repeatableFlags ?? [],
    port,
    ...(props.grpcPort !== undefined ? { grpcPort: props.grpcPort } : {}),
    protocols,
    ...(props.readiness !== false && (props.multiModel === undefined || props.readiness !== undefined) ? { readiness: props.readiness ?? {} } : {}),
    ...(props.liveness !== undefined && props.liveness !== false ? { liveness: props.liveness } : {}),
    ...(props.startup !== undefined && props.startup !== false ? { startup: props.startup } : {}),
    parameters: props.parameters ?? {},
    enforceParameters: props.enforceParameters ?? false,
    modelFormats: props.modelFormats.map((f) => ({
      name: f.name,
      ...(f.version !== undefined ? { version: f.version } : {}),
      autoSelect: f.autoSelect ?? true,
      ...(f.priority !== undefined ? { priority: f.priority } : {}),
    })),
    env: props.env ?? {},
    volumes: props.volumes ?? [],
    ...(props.resources !== undefined ? { resources: props.resources } : {}),
    multiGpu: props.multiGpu ?? false,
    ...(props.tensorParallel !== undefined ? { tensorParallel: props.tensorParallel } : {}),
    ...(props.multiNode !== undefined
      ? { multiNode: { ...props.multiNode, pipelineParallelSize: props.multiNode.pipelineParallelSize ?? 2, tensorParallelSize: props.multiNode.tensorParallelSize ?? 1 } }
      : {}),
    ...(accelerator !== undefined ? { accelerator } : {}),
    ...(hardware !== undefined ? { hardware } : {}),
    ...(props.multiModel !== undefined ? { multiModel: resolveMultiModel(props.multiModel, port) } : {}),
    ...(props.multiModel === undefined && props.modelLoadingTimeoutMillis !== undefined ? { modelLoadingTimeoutMillis: props.modelLoadingTimeoutMillis } : {}),
    ...(props.metrics !== undefined && props.metrics !== false ? { metrics: { port: props.metrics.port ?? port, path: props.metrics.path ?? "/metrics" } } : {}),
    ...(effectiveSecurity(props, target) !== undefined ? { security: effectiveSecurity(props, target) } : {}),
    imagePullSecrets: props.imagePullSecrets ?? [],
    openshiftAI: {
      displayName: props.openshiftAI?.displayName ?? name,
      modelType: props.openshiftAI?.modelType ?? (protocols.includes("openai") ? "generative" : "predictive"),
      showInDashboard: props.openshiftAI?.showInDashboard ?? true,
      ...(props.openshiftAI?.description !== undefined ? { description: props.openshiftAI.description } : {}),
      ...(props.openshiftAI?.provider !== undefined ? { provider: props.openshiftAI.provider } : {}),
    },
    labels: props.labels ?? {},
    annotations: props.annotations ?? {},
    podLabels: props.podLabels ?? {},
    podAnnotations: props.podAnnotations ?? {},
    recommendedAccelerators,
    target,
  };
}
