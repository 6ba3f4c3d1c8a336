/**
 * Renders NIM objects: the KServe runtime's engine props, the cache download Job, the NIM Operator's
 * NIMCache and NIMService, and OpenShift AI's NIM Account.
 */
import type { Manifest, ObjectMeta, Toleration } from "../k8s";
import type { InferenceEngineProps } from "../engine/props";
import type { EnvValue } from "../pod/env";
import { Env, renderEnv } from "../pod/env";
import type { VolumeProps } from "../pod/volumes";
import type { SecurityProps } from "../pod/security";
import { renderSecurityContext } from "../pod/security";
import { canonicalize, compact, nonEmpty } from "../canonical";
import { KSERVE, MANAGED_BY } from "../keys";
import type { ProbeSettings } from "../pod/probes";
import { isQuantity, quantityToNumber } from "../quantity";
import type { ResourcesProps } from "../pod/resources";
import { renderResources } from "../pod/resources";
import type { HardwareApplication } from "../hardware/apply";
import type { NimModelSpec } from "./catalogue";

/** Where the NIM's runtime caches models on a KServe model claim (NVIDIA's KServe recipe). */
export const NIM_KSERVE_CACHE_PATH = "/mnt/models/cache";
/** Where the NIM caches when the cache is an emptyDir. */
export const NIM_EMPTYDIR_CACHE_PATH = "/opt/nim/.cache";
/** The concurrency per pod Knative scales NIMs at in NVIDIA's KServe recipe (`autoscaling.knative.dev/target: "10"`). */
export const NIM_KNATIVE_CONCURRENCY = 10;
/** The port NIMs serve on. */
export const NIM_PORT = 8000;
/** The user NIM images run as, and the group the NIM Operator uses. */
export const NIM_USER = 1000;
export const NIM_GROUP = 2000;

/** OpenShift AI writable paths for NIMs running as an arbitrary user. */
const ODH_WRITABLE = ["/opt/nim/workspace", "/.cache", "/opt/nim/nginx", "/opt/nim/generated_configs", "/opt/nim/.config", "/opt/nim/.triton"];

/** The NIM container's security: its own user outside OpenShift AI (which assigns one). */
function nimSecurity(openshiftAI: boolean): SecurityProps {
  return openshiftAI ? { runAsNonRoot: true } : { runAsNonRoot: true, runAsUser: NIM_USER };
}

/** What a NIM container on a KServe cache claim reads: the cache path and the NGC API key. */
function claimCacheEnv(apiKey: { readonly name: string; readonly key: string }): Record<string, EnvValue> {
  return { NIM_CACHE_PATH: NIM_KSERVE_CACHE_PATH, NGC_API_KEY: Env.fromSecret(apiKey.name, apiKey.key) };
}

/** Metadata of the objects rendered here: the name, the namespace when known, and our label. */
function metadata(name: string, namespace: string | undefined, labels: Readonly<Record<string, string>> = {}): ObjectMeta {
  return { name, ...(namespace !== undefined ? { namespace } : {}), labels: { [MANAGED_BY.key]: MANAGED_BY.value, ...labels } };
}

/**
 * How long a NIM may take to start (its startup probe's budget): a fixed part for the server to start,
 * pick a profile and build or load its engine, and a part per GiB of weights, larger when the weights
 * are downloaded at start (about 50 MiB/s) than when the cache is filled.
 */
export const NIM_STARTUP = { baseSeconds: 900, filledSecondsPerGi: 5, downloadSecondsPerGi: 25, initialDelaySeconds: 30, periodSeconds: 10 } as const;

/** The weights' size in GiB: the model's `weightsSize`, else estimated from its id ("8b", "8x22b": 2 bytes per parameter), else 16. */
export function nimWeightsGi(model: NimModelSpec): number {
  if (model.weightsSize !== undefined && isQuantity(model.weightsSize)) return Math.max(1, Math.ceil(quantityToNumber(model.weightsSize) / 2 ** 30));
  const moe = /(\d+)x(\d+(?:\.\d+)?)b/.exec(model.id);
  const dense = /(\d+(?:\.\d+)?)b(?![a-z])/.exec(model.id);
  const billions = moe !== null ? Number(moe[1]) * Number(moe[2]) : dense !== null ? Number(dense[1]) : undefined;
  return billions !== undefined ? Math.max(1, Math.ceil((billions * 2e9) / 2 ** 30)) : 16;
}

/** The startup budget in seconds of a NIM (see {@link NIM_STARTUP}). */
export function nimStartupSeconds(model: NimModelSpec, cacheFilled: boolean): number {
  return NIM_STARTUP.baseSeconds + nimWeightsGi(model) * (cacheFilled ? NIM_STARTUP.filledSecondsPerGi : NIM_STARTUP.downloadSecondsPerGi);
}

/** The startup probe of a NIM with a budget of `seconds`. */
export function nimStartupProbe(seconds: number): ProbeSettings {
  return { path: "/v1/health/ready", initialDelaySeconds: NIM_STARTUP.initialDelaySeconds, periodSeconds: NIM_STARTUP.periodSeconds, failureThreshold: Math.max(1, Math.ceil((seconds - NIM_STARTUP.initialDelaySeconds) / NIM_STARTUP.periodSeconds)) };
}

/** The runtime's name: `nvidia-nim-<model>-<version>`. */
export function nimRuntimeName(model: NimModelSpec, version: string): string {
  return `nvidia-nim-${model.id}-${version}`;
}

/** The model format the runtime serves. */
export function nimFormat(model: NimModelSpec): string {
  return `nvidia-nim-${model.id}`;
}

/** Engine props of a NIM runtime for KServe (and OpenShift AI). */
export function nimEngineProps(args: {
  readonly model: NimModelSpec;
  readonly version: string;
  readonly apiKey: { readonly name: string; readonly key: string };
  readonly pullSecret: string;
  readonly hfToken?: { readonly name: string; readonly key: string };
  readonly scope: "cluster" | "namespace";
  readonly namespace?: string;
  readonly openshiftAI: boolean;
}): InferenceEngineProps {
  const { model, version } = args;
  const env: Record<string, EnvValue> = {
    ...claimCacheEnv(args.apiKey),
    ...(args.hfToken !== undefined ? { HF_TOKEN: Env.fromSecret(args.hfToken.name, args.hfToken.key) } : {}),
  };
  const volumes: VolumeProps[] = [
    { name: "dshm", mountPath: "/dev/shm", emptyDir: { medium: "Memory", sizeLimit: model.shmSize } },
    ...(args.openshiftAI ? ODH_WRITABLE.map((path, i) => ({ name: `nim-writable-${i}`, mountPath: path, emptyDir: {} })) : []),
  ];
  return {
    name: nimRuntimeName(model, version),
    scope: args.scope,
    ...(args.scope === "namespace" && args.namespace !== undefined ? { namespace: args.namespace } : {}),
    versions: { [version]: { image: { nvidia: `${model.image}:${version}` } } },
    runtimeImage: "nvidia",
    port: NIM_PORT,
    protocol: ["v2", "grpc-v2"],
    readiness: { path: "/v1/health/ready" },
    liveness: { path: "/v1/health/live", periodSeconds: 30 },
    startup: nimStartupProbe(nimStartupSeconds(model, false)),
    modelFormats: [{ name: nimFormat(model), version, autoSelect: true, priority: 1 }],
    env,
    volumes,
    resources: { requests: { ...model.resources.requests }, limits: { ...model.resources.limits } },
    imagePullSecrets: [args.pullSecret],
    multiGpu: true,
    metrics: { port: NIM_PORT, path: args.openshiftAI ? "/v1/metrics" : "/metrics" },
    // NVIDIA's KServe recipe: KServe's agent aggregates the NIM's metrics with its own and Prometheus scrapes the pod
    ...(args.openshiftAI ? {} : { podAnnotations: { [KSERVE.enableMetricAggregation]: "true", [KSERVE.enablePrometheusScraping]: "true" } }),
    security: nimSecurity(args.openshiftAI),
    ...(args.openshiftAI ? { annotations: { "runtimes.opendatahub.io/nvidia-nim": "true" } } : {}),
    openshiftAI: { displayName: `NVIDIA NIM ${model.displayName}`, modelType: model.kind === "llm" ? "generative" : "predictive" },
  };
}

/** Scheduling of NIM pods outside KServe (NIMCache, NIMService, download Job). */
export interface NimScheduling {
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly tolerations?: readonly Toleration[];
  readonly runtimeClassName?: string;
}

/** The scheduling a hardware application gives NIM pods outside KServe. */
export function nimScheduling(application: HardwareApplication): NimScheduling {
  return { nodeSelector: application.nodeSelector, tolerations: application.tolerations, ...(application.runtimeClassName ? { runtimeClassName: application.runtimeClassName } : {}) };
}

/** The pod-spec fields of a {@link NimScheduling} (empty ones left out). */
function renderScheduling(scheduling: NimScheduling): Record<string, unknown> {
  return {
    nodeSelector: compact(scheduling.nodeSelector),
    tolerations: nonEmpty(scheduling.tolerations?.map((t) => ({ ...t }))),
    runtimeClassName: scheduling.runtimeClassName,
  };
}

/** A Job that fills a KServe cache claim with the model (the NIM image's `download-to-cache`). */
export function renderDownloadJob(args: {
  readonly name: string;
  readonly namespace?: string;
  readonly image: string;
  readonly claimName: string;
  readonly apiKey: { readonly name: string; readonly key: string };
  readonly pullSecret: string;
  readonly resources: ResourcesProps;
  /** A profile id the NIM is pinned to (not `auto`). */
  readonly profile?: string;
  readonly scheduling: NimScheduling;
  readonly openshiftAI: boolean;
}): Manifest {
  return canonicalize({
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: metadata(args.name, args.namespace),
    spec: {
      backoffLimit: 3,
      template: {
        metadata: { labels: { [MANAGED_BY.key]: MANAGED_BY.value } },
        spec: {
          restartPolicy: "OnFailure",
          imagePullSecrets: [{ name: args.pullSecret }],
          ...(args.openshiftAI ? {} : { securityContext: { fsGroup: NIM_GROUP } }),
          ...renderScheduling(args.scheduling),
          containers: [
            {
              name: "download",
              image: args.image,
              args: ["download-to-cache"],
              env: renderEnv({ ...claimCacheEnv(args.apiKey), ...(args.profile !== undefined ? { NIM_MODEL_PROFILE: args.profile } : {}) }),
              resources: renderResources(args.resources),
              securityContext: renderSecurityContext(nimSecurity(args.openshiftAI)),
              volumeMounts: [{ name: "cache", mountPath: "/mnt/models" }],
            },
          ],
          volumes: [{ name: "cache", persistentVolumeClaim: { claimName: args.claimName } }],
        },
      },
    },
  }) as Manifest;
}

/** The NIM Operator's NIMCache. */
export function renderNimCache(args: {
  readonly name: string;
  readonly namespace?: string;
  readonly image: string;
  readonly apiKeySecret: string;
  readonly pullSecret: string;
  readonly gpus: number;
  /** A profile id the NIM is pinned to (not `auto`); else the profile for `gpus` GPUs is cached. */
  readonly profile?: string;
  readonly pvc: { readonly create: boolean; readonly name: string; readonly size?: string; readonly storageClass?: string; readonly accessMode?: string };
  readonly scheduling: NimScheduling;
}): Manifest {
  return canonicalize({
    apiVersion: "apps.nvidia.com/v1alpha1",
    kind: "NIMCache",
    metadata: metadata(args.name, args.namespace),
    spec: {
      source: {
        ngc: {
          authSecret: args.apiKeySecret,
          modelPuller: args.image,
          pullSecret: args.pullSecret,
          model: args.profile !== undefined ? { profiles: [args.profile] } : { tensorParallelism: String(args.gpus) },
        },
      },
      storage: {
        pvc: {
          create: args.pvc.create,
          name: args.pvc.name,
          ...(args.pvc.size !== undefined ? { size: args.pvc.size } : {}),
          ...(args.pvc.storageClass !== undefined ? { storageClass: args.pvc.storageClass } : {}),
          ...(args.pvc.accessMode !== undefined ? { volumeAccessMode: args.pvc.accessMode } : {}),
        },
      },
      ...renderScheduling(args.scheduling),
    },
  }) as Manifest;
}

/** The NIM Operator's NIMService. */
export function renderNimService(args: {
  readonly name: string;
  readonly namespace?: string;
  readonly image: string;
  readonly version: string;
  readonly apiKeySecret: string;
  readonly pullSecret: string;
  readonly storage: Record<string, unknown>;
  readonly shmSize: string;
  readonly resources: ResourcesProps;
  readonly replicas: { readonly min: number; readonly max: number };
  readonly env: Readonly<Record<string, EnvValue>>;
  readonly scheduling: NimScheduling;
  readonly labels: Readonly<Record<string, string>>;
}): Manifest {
  const scaled = args.replicas.max > args.replicas.min;
  return canonicalize({
    apiVersion: "apps.nvidia.com/v1alpha1",
    kind: "NIMService",
    metadata: metadata(args.name, args.namespace, args.labels),
    spec: {
      image: { repository: args.image, tag: args.version, pullPolicy: "IfNotPresent", pullSecrets: [args.pullSecret] },
      authSecret: args.apiKeySecret,
      storage: { ...args.storage, sharedMemorySizeLimit: args.shmSize },
      resources: renderResources(args.resources),
      expose: { service: { type: "ClusterIP", port: NIM_PORT } },
      ...(scaled ? { scale: { enabled: true, hpa: { minReplicas: args.replicas.min, maxReplicas: args.replicas.max } } } : { replicas: args.replicas.min }),
      env: renderEnv(args.env),
      ...renderScheduling(args.scheduling),
    },
  }) as Manifest;
}

/** OpenShift AI's NIM Account. */
export function renderNimAccount(args: { readonly name: string; readonly namespace?: string; readonly secret: { readonly name: string; readonly namespace?: string }; readonly validationRefreshRate?: string; readonly nimConfigRefreshRate?: string }): Manifest {
  return canonicalize({
    apiVersion: "nim.opendatahub.io/v1",
    kind: "Account",
    metadata: metadata(args.name, args.namespace),
    spec: {
      apiKeySecret: { name: args.secret.name, ...(args.secret.namespace !== undefined ? { namespace: args.secret.namespace } : {}) },
      ...(args.validationRefreshRate !== undefined ? { validationRefreshRate: args.validationRefreshRate } : {}),
      ...(args.nimConfigRefreshRate !== undefined ? { nimConfigRefreshRate: args.nimConfigRefreshRate } : {}),
    },
  }) as Manifest;
}
