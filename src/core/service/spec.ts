/**
 * The resolved InferenceService spec: every default applied here, and only here.
 */
import { ownValue } from "../canonical";
import type { Target, CanonicalMode } from "../target/resolve";
import { canonicalMode } from "../target/resolve";
import type { InferenceServiceProps, ScalingProps, LoggerProps, DeploymentStrategyProps, CanaryProps } from "./props";
import type { RuntimeInfo } from "../runtime/ref";
import { runtimeFormats, runtimeMultiModel, runtimeProtocols, runtimeSpec } from "../runtime/ref";
import type { ModelLocation } from "../storage/location";
import type { EnvValue } from "../pod/env";
import { substituteEnv } from "../pod/env";
import type { ResourcesProps } from "../pod/resources";
import type { KServeProtocol } from "../engine/protocols";
import { KSERVE_PROTOCOL_ORDER } from "../engine/protocols";
import { renderParameter } from "../engine/parameters";
import { substitutePlaceholders } from "../templates";
import { isRecord } from "../canonical";
import { KSERVE_CONTAINER } from "../runtime/rules";
import { runtimeContainers } from "../runtime/ref";
import type { Container, Toleration } from "../k8s";
import type { VolumeProps } from "../pod/volumes";
import type { HardwareApplication, HardwareBase } from "../hardware/apply";
import { hardwareApplication } from "../hardware/apply";

/** A resolved InferenceService. */
export interface ServiceSpec {
  readonly name: string;
  readonly namespace?: string;
  readonly runtime: RuntimeInfo;
  readonly model: ModelLocation;
  readonly modelFormat: { readonly name: string; readonly version?: string };
  readonly protocolVersion?: KServeProtocol;
  readonly pinRuntime: boolean;
  /** Image set on the model when it differs from the runtime's. */
  readonly image?: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, EnvValue>>;
  readonly resources?: ResourcesProps;
  readonly mode: CanonicalMode;
  readonly scaling: ScalingProps & { readonly min: number };
  /** The fixed replicas given (already in `scaling`'s bounds), for the rule that excludes both. */
  readonly replicas?: number;
  /** The scaling bounds given beside them, if any. */
  readonly scalingBounds?: { readonly min?: number; readonly max?: number };
  readonly containerConcurrency?: number;
  readonly timeoutSeconds?: number;
  readonly canaryTrafficPercent?: number;
  readonly canaries?: readonly CanaryProps[];
  readonly predictorName?: string;
  readonly serviceAccountName?: string;
  readonly imagePullSecrets: readonly string[];
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly tolerations?: readonly Toleration[];
  readonly visibility: "cluster-local" | "exposed";
  readonly auth?: boolean;
  readonly displayName: string;
  readonly metrics: boolean;
  readonly logger?: LoggerProps;
  readonly deploymentStrategy?: DeploymentStrategyProps;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly podAnnotations: Readonly<Record<string, string>>;
  readonly predictorOverrides?: Readonly<Record<string, unknown>>;
  /** The hardware request, applied (resources, scheduling, env and volumes are already merged in). */
  readonly hardware?: HardwareApplication;
  /** Pod volumes added for the model (accelerator volumes, /dev/shm). */
  readonly volumes: readonly VolumeProps[];
  readonly schedulerName?: string;
  readonly runtimeClassName?: string;
  /** Accelerator devices per pod. */
  readonly devices: number;
  /** Multi-node layout. */
  readonly multiNode?: { readonly pipelineParallelSize: number; readonly tensorParallelSize: number };
  readonly target: Target;
}

/** The formats KServe's defaulter gives protocol v2 when the model sets none. */
export const V2_DEFAULT_FORMATS = ["triton", "vLLM"] as const;

/** The image target the InferenceService runs on (the runtime's, until an accelerator is chosen). */
export function imageTargetOf(runtime: RuntimeInfo, accelerator: string | undefined): string | undefined {
  return accelerator ?? runtime.engine?.runtimeImage;
}

/**
 * The deployment mode: the one given, else ModelMesh for a multi-model runtime (the only mode it serves)
 * and Standard otherwise. Switching a model between single- and multi-model serving is switching its engine.
 */
export function deploymentModeOf(props: Pick<InferenceServiceProps, "deploymentMode" | "engine">): CanonicalMode {
  return canonicalMode(props.deploymentMode ?? (runtimeMultiModel(props.engine.runtime) === true ? "ModelMesh" : "Standard"));
}

/**
 * What an InferenceService's props resolve to before its spec, defaults applied and nothing reported:
 * its hardware request applied to the runtime's container (when the request can be applied). The
 * props-level rules (`./rules.ts`) run on it; {@link resolveServiceSpec} then builds the spec.
 */
export interface ServiceInput {
  /** The parsed props. */
  readonly props: InferenceServiceProps;
  /** The resolved target. */
  readonly target: Target;
  /**
   * What the hardware request is applied to: the user's resources and scheduling and the runtime's container.
   * @default undefined (no hardware request)
   */
  readonly hardwareBase?: HardwareBase;
  /**
   * The hardware request, applied.
   * @default undefined (no hardware request, or one that cannot be applied)
   */
  readonly hardware?: HardwareApplication;
}

/** The runtime's main container (kserve-container), when the runtime's spec is known. */
function mainContainer(runtime: RuntimeInfo): Container | undefined {
  const rs = runtimeSpec(runtime);
  return rs ? runtimeContainers(rs).find((c) => c.name === KSERVE_CONTAINER) : undefined;
}

/** Resolves what the rules of an InferenceService's props look at (defaults only, nothing reported). */
export function resolveServiceInput(props: InferenceServiceProps, target: Target): ServiceInput {
  if (props.hardware === undefined) return { props, target };
  const runtime = props.engine.runtime;
  const main = mainContainer(runtime);
  const runtimeScheduler = runtimeSpec(runtime)?.["schedulerName"];
  const hardwareBase: HardwareBase = {
    ...(props.resources !== undefined ? { resources: props.resources } : {}),
    ...(props.nodeSelector !== undefined ? { nodeSelector: props.nodeSelector } : {}),
    ...(props.tolerations !== undefined ? { tolerations: props.tolerations } : {}),
    ...(main !== undefined ? { runtimeContainer: main } : {}),
    ...(typeof runtimeScheduler === "string" ? { runtimeSchedulerName: runtimeScheduler } : {}),
    openshiftAI: target.openshiftAI !== undefined,
    ...(props.multiNode?.tensorParallelSize !== undefined ? { tensorParallel: props.multiNode.tensorParallelSize } : {}),
  };
  const hardware = hardwareApplication(props.hardware, hardwareBase);
  return { props, target, hardwareBase, ...(hardware !== undefined ? { hardware } : {}) };
}

/** The model format: the one given, else the runtime's only format. */
export function modelFormatOf(props: InferenceServiceProps): { readonly name: string; readonly version?: string } | undefined {
  if (props.modelFormat !== undefined) return props.modelFormat;
  const names = [...new Set((runtimeFormats(props.engine.runtime) ?? []).map((f) => f.name))];
  return names.length === 1 ? { name: names[0] as string } : undefined;
}

/** The engine version an InferenceService runs: the one given, else the engine's default. */
export function engineVersionOf(props: InferenceServiceProps): string | undefined {
  const engine = props.engine.runtime.engine;
  return engine === undefined ? undefined : (props.engineVersion ?? engine.defaultVersion);
}

/**
 * Resolves an InferenceService's spec from its input, every default applied (here and only here). The
 * input must have passed the props-level rules (`checkServiceInput` in `./rules.ts`).
 */
export function resolveServiceSpec(input: ServiceInput, name: string, namespace: string | undefined): ServiceSpec {
  const { props, target, hardware } = input;
  const runtime = props.engine.runtime;
  const engine = runtime.engine;
  const modelFormat = modelFormatOf(props) as { readonly name: string; readonly version?: string };
  const rs = runtimeSpec(runtime);
  const main = mainContainer(runtime);
  const devices = hardware?.devices ?? 0;

  // engine version and image
  let image: string | undefined;
  let versionEnv: Readonly<Record<string, EnvValue>> = {};
  const version = engineVersionOf(props);
  const chosen = engine !== undefined && version !== undefined ? ownValue(engine.versions, version) : undefined;
  if (engine !== undefined && chosen !== undefined) {
    const wanted = chosen.image[imageTargetOf(runtime, hardware?.imageTarget) as string];
    if (wanted !== undefined && main !== undefined && main.image !== wanted) image = wanted;
    if (version !== engine.defaultVersion) versionEnv = chosen.env ?? {};
  }

  // parameters
  const paramEnv: Record<string, EnvValue> = {};
  for (const [key, value] of Object.entries(props.parameters ?? {})) {
    const spec = ownValue(engine?.parameters, key);
    const rendered = spec !== undefined ? renderParameter(spec, value).text : typeof value === "string" ? value : undefined;
    if (rendered !== undefined) paramEnv[key] = rendered;
  }

  // protocol (ModelMesh picks runtimes by format and name only, so none is defaulted there)
  const mode = deploymentModeOf(props);
  const runtimeProtos = runtimeProtocols(runtime);
  let protocolVersion = props.protocolVersion;
  if (protocolVersion === undefined && mode !== "ModelMesh" && modelFormat !== undefined && (V2_DEFAULT_FORMATS as readonly string[]).includes(modelFormat.name)) protocolVersion = "v2";
  if (protocolVersion === undefined && mode !== "ModelMesh" && runtimeProtos !== undefined && runtimeProtos.length > 0) {
    protocolVersion = KSERVE_PROTOCOL_ORDER.find((p) => runtimeProtos.includes(p));
  }

  // service account
  const sa = props.serviceAccountName ?? props.model.serviceAccountName;

  // multi-node and tensor parallelism
  let multiNode: ServiceSpec["multiNode"];
  const parallelArgs: string[] = [];
  const parallelEnv: Record<string, string> = {};
  if (props.multiNode !== undefined) {
    const worker = rs?.["workerSpec"];
    const runtimePp = isRecord(worker) && typeof worker["pipelineParallelSize"] === "number" ? worker["pipelineParallelSize"] : undefined;
    multiNode = { pipelineParallelSize: props.multiNode.pipelineParallelSize ?? runtimePp ?? 2, tensorParallelSize: props.multiNode.tensorParallelSize ?? Math.max(1, devices) };
  } else if (devices > 1 && engine?.tensorParallel !== undefined && !engine.multiNode) {
    if (engine.tensorParallel.arg !== undefined) parallelArgs.push(`${engine.tensorParallel.arg}=${devices}`);
    if (engine.tensorParallel.env !== undefined) parallelEnv[engine.tensorParallel.env] = String(devices);
  }

  const fixed = props.replicas !== undefined && props.scaling?.min === undefined && props.scaling?.max === undefined ? { min: props.replicas, max: props.replicas } : {};
  const scaling = { ...props.scaling, ...fixed, min: fixed.min ?? props.scaling?.min ?? 1, ...(props.multiNode !== undefined && props.scaling?.autoscaler === undefined ? { autoscaler: "none" as const } : {}) };
  const port = engine?.port ?? 8080;
  const odh = target.openshiftAI !== undefined;
  const pullSecrets = [...new Set([...(props.model.imagePullSecrets ?? []), ...(props.imagePullSecrets ?? [])])];
  const runtimeAnnotations = isRecord(rs?.["annotations"]) ? rs["annotations"] : {};
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    runtime,
    model: props.model,
    modelFormat,
    ...(protocolVersion !== undefined ? { protocolVersion } : {}),
    pinRuntime: props.pinRuntime ?? true,
    ...(image !== undefined ? { image } : {}),
    args: [...(props.args ?? []).map((a) => substitutePlaceholders(a, { port })), ...parallelArgs],
    env: { ...(hardware?.env ?? {}), ...parallelEnv, ...versionEnv, ...paramEnv, ...substituteEnv(props.env ?? {}, port) },
    ...(hardware !== undefined ? { resources: hardware.resources } : props.resources !== undefined ? { resources: props.resources } : {}),
    mode,
    scaling,
    ...(props.replicas !== undefined ? { replicas: props.replicas } : {}),
    ...(props.replicas !== undefined && (props.scaling?.min !== undefined || props.scaling?.max !== undefined) ? { scalingBounds: { ...(props.scaling.min !== undefined ? { min: props.scaling.min } : {}), ...(props.scaling.max !== undefined ? { max: props.scaling.max } : {}) } } : {}),
    ...(props.containerConcurrency !== undefined ? { containerConcurrency: props.containerConcurrency } : {}),
    ...(props.timeoutSeconds !== undefined ? { timeoutSeconds: props.timeoutSeconds } : {}),
    ...(props.canaryTrafficPercent !== undefined ? { canaryTrafficPercent: props.canaryTrafficPercent } : {}),
    ...(props.canaries !== undefined ? { canaries: props.canaries } : {}),
    ...(props.predictorName !== undefined ? { predictorName: props.predictorName } : {}),
    ...(sa !== undefined ? { serviceAccountName: sa } : {}),
    imagePullSecrets: pullSecrets,
    ...(hardware !== undefined ? { nodeSelector: hardware.nodeSelector } : props.nodeSelector !== undefined ? { nodeSelector: props.nodeSelector } : {}),
    ...(hardware !== undefined ? { tolerations: hardware.tolerations } : props.tolerations !== undefined ? { tolerations: props.tolerations } : {}),
    visibility: props.visibility ?? "cluster-local",
    ...(props.auth !== undefined ? { auth: props.auth } : odh && mode !== "ModelMesh" ? { auth: true } : {}),
    displayName: props.displayName ?? name,
    metrics: props.metrics ?? (mode !== "ModelMesh" && "prometheus.kserve.io/port" in runtimeAnnotations),
    ...(props.logger !== undefined ? { logger: props.logger } : {}),
    ...(props.deploymentStrategy !== undefined ? { deploymentStrategy: props.deploymentStrategy } : {}),
    labels: props.labels ?? {},
    annotations: props.annotations ?? {},
    podLabels: props.podLabels ?? {},
    podAnnotations: props.podAnnotations ?? {},
    ...(props.predictorOverrides !== undefined ? { predictorOverrides: props.predictorOverrides } : {}),
    ...(hardware !== undefined ? { hardware } : {}),
    volumes: [...(props.volumes ?? []), ...(hardware?.volumes ?? []).filter((v) => !(props.volumes ?? []).some((u) => u.mountPath === v.mountPath || u.name === v.name))],
    ...(hardware?.schedulerName !== undefined ? { schedulerName: hardware.schedulerName } : runtime.engine?.podSchedulerName !== undefined ? { schedulerName: runtime.engine.podSchedulerName } : {}),
    ...(hardware?.runtimeClassName !== undefined ? { runtimeClassName: hardware.runtimeClassName } : {}),
    devices,
    ...(multiNode !== undefined ? { multiNode } : {}),
    target,
  };
}

