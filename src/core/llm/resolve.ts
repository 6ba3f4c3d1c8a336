/**
 * The resolved LLMInferenceService spec: defaults applied here and only here, nothing reported; the
 * hardware requests are applied with the same code as for InferenceServices (src/core/hardware/apply.ts),
 * and the build's `hardware` rule entry checks them (`LLMSpec.appliedHardware`).
 */
import type { Target } from "../target/resolve";
import type { ModelLocation } from "../storage/location";
import type { HardwareApplication, HardwareBase } from "../hardware/apply";
import { SHM_PATH, hardwareApplication } from "../hardware/apply";
import type { HardwareRequest } from "../hardware/request";
import { requestAccelerator, requestedDevices } from "../hardware/request";
import type { VolumeProps } from "../pod/volumes";
import { isRecord } from "../canonical";
import type { LLMConfigRef, LLMManagedDraProps, LLMParallelismProps, LLMScalingProps, LLMSpecProps, LLMUserRoutingProps, LLMWorkloadProps } from "./props";
import { llmApiVersion } from "./features";
import { WELL_KNOWN_LLM_CONFIGS, openshiftAIPreset } from "./configs";

/** The name of the vLLM container in KServe's well-known configs (the library's settings merge into it). */
export const MAIN_CONTAINER = "main";

/** The /dev/shm volume of KServe's well-known template (the library's replaces it, by name). */
export const SHM_VOLUME = "dshm";

/** A workload's hardware request as it was applied: what the rules on the request and on applying it check. */
export interface AppliedHardware {
  /** Prop path of the workload: "" (main) or "prefill". */
  readonly workload: string;
  /** Prop path of the request inside its workload: `hardware` or `worker.hardware`. */
  readonly at: string;
  /** The request. */
  readonly request: HardwareRequest;
  /** What it was applied to (the workload's own resources and scheduling). */
  readonly base: HardwareBase;
  /**
   * What it adds to the pod, as applied (before the /dev/shm volume takes the well-known template's name).
   * @default none (the request cannot be applied)
   */
  readonly application?: HardwareApplication;
}

/** A workload with its hardware applied and its defaults filled in. */
export interface ResolvedWorkload {
  /** Prop path of the workload: "" (main) or "prefill". */
  readonly path: string;
  readonly props: LLMWorkloadProps;
  readonly hardware?: HardwareApplication;
  readonly workerHardware?: HardwareApplication;
  /** Devices per leader pod (0 without an accelerator). */
  readonly devices: number;
  /** Devices per worker pod. */
  readonly workerDevices: number;
  /** The devices each pod claims through managed DRA, when they come from there (no accelerators in hardware). */
  readonly draDevices?: number;
  /** The accelerator's key (`nvidia`, `amd`, ...), when there is one. */
  readonly acceleratorKey?: string;
  readonly acceleratorResource?: string;
  readonly parallelism?: LLMParallelismProps;
  readonly multiNode: boolean;
  readonly image?: string;
  readonly replicas?: number;
  readonly scaling?: LLMScalingProps & { readonly min: number };
}

/** User routing with its names. */
export interface ResolvedUserRouting {
  readonly props: LLMUserRoutingProps;
  readonly routeName: string;
  readonly poolName: string;
  readonly pathPrefix: string;
}

/** An LLMInferenceServiceConfig built in the same app, as the services that name it in baseRefs see it. */
export interface KnownLLMConfig {
  /** The config's name. */
  readonly name: string;
  /** Its namespace, when known. */
  readonly namespace?: string;
  /** Where it was defined (construct path or resource name). */
  readonly where: string;
  /** The image of the main workload's `main` container it sets. */
  readonly mainImage?: string;
  /** The image of the prefill workload's `main` container it sets. */
  readonly prefillImage?: string;
  /** Whether it sets the main workload's replicas or scaling. */
  readonly mainReplicas?: boolean;
  /** Whether it sets the prefill workload's replicas or scaling. */
  readonly prefillReplicas?: boolean;
}

/** A resolved LLMInferenceService or LLMInferenceServiceConfig. */
export interface LLMSpec {
  readonly kind: "LLMInferenceService" | "LLMInferenceServiceConfig";
  readonly name: string;
  readonly namespace?: string;
  readonly apiVersion: string;
  readonly target: Target;
  readonly props: LLMSpecProps & {
    readonly baseRefs?: unknown;
    readonly userRouting?: LLMUserRoutingProps;
    readonly dra?: LLMManagedDraProps;
    readonly displayName?: string;
    readonly auth?: boolean;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly model?: ModelLocation;
  readonly main: ResolvedWorkload;
  readonly prefill?: ResolvedWorkload;
  /** The hardware requests of the workloads as applied (the main workload's, its workers', then the prefill workload's), for the hardware rules. */
  readonly appliedHardware: readonly AppliedHardware[];
  readonly baseRefs: readonly string[];
  /** The configs of `baseRefs` that were built in the same app, by name. */
  readonly knownConfigs?: ReadonlyMap<string, KnownLLMConfig>;
  readonly userRouting?: ResolvedUserRouting;
  readonly auth?: boolean;
  readonly displayName: string;
}

/** The name a base ref points to. */
export function configRefName(ref: LLMConfigRef): string {
  return typeof ref === "string" ? ref : ref.configName;
}

/** Renames the hardware's /dev/shm volume to the well-known template's, so that it replaces it. */
function llmVolumes(volumes: readonly VolumeProps[]): VolumeProps[] {
  return volumes.map((v) => (v.mountPath === SHM_PATH ? { ...v, name: SHM_VOLUME } : v));
}

function resolveParallelism(props: LLMWorkloadProps, devices: number): LLMParallelismProps | undefined {
  const given = props.parallelism;
  const local = given?.dataLocal ?? 1;
  if (given?.tensor !== undefined || devices <= 1) return given;
  // tensor parallel over a pod's devices (per data-parallel rank), unless pipeline parallelism already spans them
  if (given?.pipeline !== undefined && (props.worker === undefined || props.worker === false)) return given;
  const tensor = Math.floor(devices / Math.max(1, local));
  return tensor > 1 ? { ...given, tensor } : given;
}

function resolveWorkload(path: string, props: LLMWorkloadProps, target: Target, applied: AppliedHardware[], defaultReplicas: boolean, draDevices: number | undefined): ResolvedWorkload {
  const odh = target.openshiftAI !== undefined;
  const request = props.hardware;
  const hardwareDevices = request !== undefined ? requestedDevices(request) : 0;
  // devices claimed through managed DRA count where hardware requests none
  const fromDra = hardwareDevices === 0 && draDevices !== undefined;
  const devices = fromDra ? draDevices : hardwareDevices;
  const accelerator = request !== undefined ? requestAccelerator(request) : undefined;
  const parallelism = resolveParallelism(props, devices);
  const tp = (parallelism?.tensor ?? 1) * (parallelism?.dataLocal ?? 1) * (props.worker === undefined || props.worker === false ? (parallelism?.pipeline ?? 1) : 1);
  const base: HardwareBase = {
    ...(props.resources !== undefined ? { resources: props.resources } : {}),
    ...(props.nodeSelector !== undefined ? { nodeSelector: props.nodeSelector } : {}),
    ...(props.tolerations !== undefined ? { tolerations: props.tolerations } : {}),
    openshiftAI: odh,
    ...(tp > 1 ? { tensorParallel: tp } : {}),
  };
  const apply = (at: string, req: HardwareRequest): HardwareApplication | undefined => {
    const application = hardwareApplication(req, base);
    applied.push({ workload: path, at, request: req, base, ...(application !== undefined ? { application } : {}) });
    return application === undefined ? undefined : { ...application, volumes: llmVolumes(application.volumes) };
  };
  const hardware = request !== undefined ? apply("hardware", request) : undefined;
  const multiNode = props.worker !== undefined && props.worker !== false;
  const workerProps = typeof props.worker === "object" ? props.worker : undefined;
  const workerRequest = workerProps?.hardware;
  const workerHardware = multiNode ? (workerRequest !== undefined ? apply("worker.hardware", workerRequest) : hardware) : undefined;
  const workerDevices = multiNode ? (workerRequest !== undefined && requestedDevices(workerRequest) > 0 ? requestedDevices(workerRequest) : devices) : 0;
  const image = typeof props.image === "string" ? props.image : isRecord(props.image) ? props.image[accelerator?.key ?? "cpu"] : undefined;
  const s = props.scaling;
  // WVA with the HPA actuator unless the spec names another autoscaler or actuator
  const wva = s === undefined ? undefined : s.wva !== undefined ? (s.wva.hpa === undefined && s.wva.keda === undefined ? { ...s.wva, hpa: {} } : s.wva) : s.keda === undefined ? { hpa: {} } : undefined;
  const scaling = s !== undefined ? { ...s, min: s.min ?? 1, ...(wva !== undefined ? { wva } : {}) } : undefined;
  const replicas = props.replicas ?? (props.scaling === undefined && defaultReplicas ? 1 : undefined);
  return {
    path,
    props,
    ...(hardware !== undefined ? { hardware } : {}),
    ...(workerHardware !== undefined ? { workerHardware } : {}),
    devices,
    workerDevices,
    ...(fromDra ? { draDevices } : {}),
    ...(accelerator?.resourceName !== undefined ? { acceleratorKey: accelerator.key, acceleratorResource: accelerator.resourceName } : {}),
    ...(parallelism !== undefined ? { parallelism } : {}),
    multiNode,
    ...(image !== undefined ? { image } : {}),
    ...(replicas !== undefined ? { replicas } : {}),
    ...(scaling !== undefined ? { scaling } : {}),
  };
}

/** The names `baseRefs` props give. */
export function baseRefNames(baseRefs: unknown): string[] {
  return Array.isArray(baseRefs) ? (baseRefs as LLMConfigRef[]).map(configRefName) : [];
}

/**
 * Whether a config in `refs` may set the replicas or scaling of a workload (`prefill` or the main one): a
 * config of the app when it does, any config the app does not define unless it is one of KServe's
 * well-known configs or OpenShift AI's presets (which set neither).
 */
function refsMaySetReplicas(refs: readonly string[], known: ReadonlyMap<string, KnownLLMConfig>, prefill: boolean): boolean {
  return refs.some((r) => {
    const c = known.get(r);
    if (c !== undefined) return (prefill ? c.prefillReplicas : c.mainReplicas) === true;
    return !(Object.values(WELL_KNOWN_LLM_CONFIGS) as string[]).includes(r) && openshiftAIPreset(r) === undefined;
  });
}

/**
 * Resolves props (already shape-checked) into a spec: defaults only (the build's rules check the
 * hardware requests, from `appliedHardware`). `known` are the configs of `baseRefs` built in the same
 * app: a service writes its default `replicas: 1` only where no config may set the replicas.
 */
export function resolveLLMSpec(
  kind: LLMSpec["kind"],
  props: LLMSpec["props"],
  name: string,
  namespace: string | undefined,
  target: Target,
  known: ReadonlyMap<string, KnownLLMConfig> = new Map(),
): LLMSpec {
  const service = kind === "LLMInferenceService";
  const refs = baseRefNames(props.baseRefs);
  const dra = service ? props.dra : undefined;
  const draDevices = dra !== undefined ? (dra.count ?? 1) : undefined;
  const appliedHardware: AppliedHardware[] = [];
  const main = resolveWorkload("", props, target, appliedHardware, service && !refsMaySetReplicas(refs, known, false), draDevices);
  const prefill = props.prefill !== undefined ? resolveWorkload("prefill", props.prefill, target, appliedHardware, service && !refsMaySetReplicas(refs, known, true), draDevices) : undefined;
  const u = props.userRouting;
  const userRouting: ResolvedUserRouting | undefined =
    u !== undefined
      ? {
          props: u,
          routeName: u.httpRoute?.name ?? `${name}-route`,
          poolName: u.inferencePool.name ?? `${name}-pool`,
          pathPrefix: u.httpRoute?.pathPrefix ?? `/${name}`,
        }
      : undefined;
  const odh = target.openshiftAI !== undefined;
  return {
    kind,
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    apiVersion: llmApiVersion(target),
    target,
    props,
    ...(props.model !== undefined ? { model: props.model } : {}),
    main,
    ...(prefill !== undefined ? { prefill } : {}),
    appliedHardware,
    baseRefs: refs,
    ...(known.size > 0 ? { knownConfigs: known } : {}),
    ...(userRouting !== undefined ? { userRouting } : {}),
    ...(props.auth !== undefined ? { auth: props.auth } : odh && service ? { auth: true } : {}),
    displayName: props.displayName ?? name,
  };
}
