/**
 * The resolved InferenceService spec: every default applied here, and only here.
 */
import { ownValue } from "../canonical";
import type { IssueDraft } from "../errors";
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
import { checkParameterValues, renderParameter, closest } from "../engine/parameters";
import { substitutePlaceholders } from "../templates";
import { compareStrings, isRecord } from "../canonical";
import { KSERVE_CONTAINER } from "../runtime/rules";
import { runtimeContainers } from "../runtime/ref";
import type { Toleration } from "../k8s";
import type { VolumeProps } from "../pod/volumes";
import type { HardwareApplication } from "../hardware/apply";
import { applyHardware } from "../hardware/apply";
import { runtimeAccelerators } from "../runtime/ref";

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

/** Resolves props into a spec, or returns the problems that prevent it. */
export function resolveServiceSpec(props: InferenceServiceProps, name: string, namespace: string | undefined, target: Target): { spec?: ServiceSpec; issues: IssueDraft[] } {
  const issues: IssueDraft[] = [];
  const runtime = props.engine.runtime;
  const engine = runtime.engine;

  // model format
  let modelFormat = props.modelFormat;
  const formats = runtimeFormats(runtime);
  if (modelFormat === undefined) {
    const names = [...new Set((formats ?? []).map((f) => f.name))];
    if (names.length === 1) {
      modelFormat = { name: names[0] as string };
    } else {
      issues.push({
        path: "modelFormat",
        value: undefined,
        rule: "isvc/model-format-required",
        message: formats === undefined ? `the formats of runtime "${runtime.name}" are unknown, so the model's format cannot be inferred` : `runtime "${runtime.name}" serves several formats (${names.join(", ")})`,
        fix: formats === undefined ? "set modelFormat: { name: ... }" : `set modelFormat to one of ${names.map((n) => `{ name: "${n}" }`).join(", ")}`,
      });
    }
  }

  // hardware
  let hardware: HardwareApplication | undefined;
  const rs = runtimeSpec(runtime);
  const main = rs ? runtimeContainers(rs).find((c) => c.name === KSERVE_CONTAINER) : undefined;
  const runtimeScheduler = rs?.["schedulerName"];
  if (props.hardware !== undefined) {
    const applied = applyHardware("hardware", props.hardware, {
      ...(props.resources !== undefined ? { resources: props.resources } : {}),
      ...(props.nodeSelector !== undefined ? { nodeSelector: props.nodeSelector } : {}),
      ...(props.tolerations !== undefined ? { tolerations: props.tolerations } : {}),
      ...(main !== undefined ? { runtimeContainer: main } : {}),
      ...(typeof runtimeScheduler === "string" ? { runtimeSchedulerName: runtimeScheduler } : {}),
      openshiftAI: target.openshiftAI !== undefined,
      ...(props.multiNode?.tensorParallelSize !== undefined ? { tensorParallel: props.multiNode.tensorParallelSize } : {}),
    });
    issues.push(...applied.issues);
    hardware = applied.application;
    const resource = hardware?.accelerator?.resourceName;
    const recommended = engine === undefined ? runtimeAccelerators(runtime) : undefined;
    if (resource !== undefined && recommended !== undefined && recommended.length > 0 && !recommended.includes(resource)) {
      issues.push({
        path: "hardware",
        value: resource,
        rule: "isvc/runtime-accelerator",
        message: `runtime "${runtime.name}" is built for ${recommended.join(", ")}, and the hardware requests ${resource}`,
        fix: "use a runtime for this accelerator, or hardware with the runtime's accelerator",
      });
    }
  }
  const devices = hardware?.devices ?? 0;

  // engine version and image
  let image: string | undefined;
  let versionEnv: Readonly<Record<string, EnvValue>> = {};
  if (engine !== undefined) {
    const versions = Object.keys(engine.versions).sort(compareStrings);
    const version = props.engineVersion ?? engine.defaultVersion;
    const chosen = ownValue(engine.versions, version);
    if (chosen === undefined) {
      const near = closest(version, versions);
      issues.push({
        path: "engineVersion",
        value: version,
        rule: "isvc/engine-version",
        message: `engine "${runtime.name}" has no version ${version}`,
        fix: near !== undefined ? `did you mean ${near}? Versions: ${versions.join(", ")}` : `use one of ${versions.join(", ")}`,
      });
    } else {
      const imageTarget = imageTargetOf(runtime, hardware?.imageTarget) as string;
      const wanted = chosen.image[imageTarget];
      if (wanted === undefined) {
        issues.push({
          path: props.hardware !== undefined && props.engineVersion === undefined ? "hardware" : "engineVersion",
          value: props.hardware !== undefined && props.engineVersion === undefined ? imageTarget : version,
          rule: "isvc/engine-image",
          message: `version ${version} of engine "${runtime.name}" has no ${imageTarget} image (it has ${Object.keys(chosen.image).sort(compareStrings).join(", ")})`,
          fix: `add a ${imageTarget} image to version ${version}, ${props.hardware !== undefined ? "request hardware the engine has an image for, " : ""}or pick another version`,
        });
      } else {
        if (main !== undefined && main.image !== wanted) image = wanted;
        if (version !== engine.defaultVersion) versionEnv = chosen.env ?? {};
      }
    }
  } else if (props.engineVersion !== undefined) {
    issues.push({
      path: "engineVersion",
      value: props.engineVersion,
      rule: "isvc/engine-version",
      message: `runtime "${runtime.name}" is not an InferenceEngine of this app, so it has no versions to pick from`,
      fix: "remove engineVersion, or define the engine with InferenceEngine",
    });
  }

  // parameters
  const paramEnv: Record<string, EnvValue> = {};
  const values = props.parameters ?? {};
  issues.push(...checkParameterValues("parameters", engine?.parameters ?? {}, values, engine?.enforceParameters ?? false, runtime.name));
  for (const [key, value] of Object.entries(values)) {
    const spec = ownValue(engine?.parameters, key);
    const rendered = spec !== undefined ? renderParameter(spec, value).text : typeof value === "string" ? value : undefined;
    if (rendered !== undefined) paramEnv[key] = rendered;
    if (ownValue(props.env, key) !== undefined) {
      issues.push({ path: `env.${key}`, value: ownValue(props.env, key), rule: "isvc/parameter-env-clash", message: `${key} is set both as a parameter and in env`, fix: `set it once, through parameters.${key}` });
    }
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
  if (props.serviceAccountName !== undefined && props.model.serviceAccountName !== undefined && props.serviceAccountName !== props.model.serviceAccountName) {
    issues.push({
      path: "serviceAccountName",
      value: props.serviceAccountName,
      rule: "isvc/storage-service-account",
      message: `the model's storage reads its credentials through ServiceAccount "${props.model.serviceAccountName}"; with "${props.serviceAccountName}" KServe would not find them`,
      fix: `drop serviceAccountName, or give the storage serviceAccountName: "${props.serviceAccountName}"`,
    });
  }

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

  const scaling = { ...props.scaling, min: props.scaling?.min ?? 1, ...(props.multiNode !== undefined && props.scaling?.autoscaler === undefined ? { autoscaler: "none" as const } : {}) };
  if (issues.length > 0 || modelFormat === undefined) return { issues };
  const port = engine?.port ?? 8080;
  const odh = target.openshiftAI !== undefined;
  const pullSecrets = [...new Set([...(props.model.imagePullSecrets ?? []), ...(props.imagePullSecrets ?? [])])];
  const runtimeAnnotations = isRecord(rs?.["annotations"]) ? rs["annotations"] : {};
  return {
    issues,
    spec: {
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
    },
  };
}

