/**
 * Props of an InferenceService: an engine (or existing runtime), a model location, resources,
 * parameters and how it is deployed and scaled.
 */
import type { TargetProps } from "../target/props";
import type { DeploymentMode } from "../target/resolve";
import type { IRuntime } from "../runtime/ref";
import type { ModelLocation } from "../storage/location";
import type { EnvValue } from "../pod/env";
import type { ResourcesProps } from "../pod/resources";
import type { VolumeProps } from "../pod/volumes";
import type { ParameterValue } from "../engine/parameters";
import type { KServeProtocol } from "../engine/protocols";
import type { Toleration } from "../k8s";
import type { HardwareRequest } from "../hardware/request";

/** Autoscalers: `hpa`, `keda`, `external`, `none` in Standard mode; `kpa` (Knative's own) or `hpa` in Knative mode. */
export type Autoscaler = "hpa" | "keda" | "external" | "none" | "kpa";

/** The serving engine's own metrics KEDA can scale on (vLLM's Prometheus metrics). */
export type EngineMetric = "vllm-waiting-requests" | "vllm-kv-cache-usage";

/**
 * A KEDA trigger on a Prometheus query (KServe `autoScaling` metric of type External, backend
 * prometheus): the serving engine's own metrics or your own query. Needs `scaling.autoscaler: "keda"` in
 * Standard mode (KServe 0.15 or later) and the engine's metrics scraped by that Prometheus.
 */
export interface ExternalMetricProps {
  /**
   * What to scale on: `vllm-waiting-requests` (`vllm:num_requests_waiting`, requests queued in the
   * engine), `vllm-kv-cache-usage` (`vllm:kv_cache_usage_perc`, the fraction of KV-cache blocks in use;
   * vLLM 0.9 and later), both summed over this service's predictor pods, or `{ query }`, your own PromQL
   * (the only kind that can scale up from zero: the engine's metrics vanish with its pods).
   */
  readonly metric: EngineMetric | { readonly query: string };
  /**
   * The value per replica KEDA keeps the metric at (KEDA divides the query's value by it): waiting
   * requests per replica, the KV-cache fraction (0 to 1) per replica, or your query's value per replica.
   * @default 10 for vllm-waiting-requests, 0.8 for vllm-kv-cache-usage; required with a query
   */
  readonly threshold?: number;
  /** The Prometheus server KEDA queries, e.g. `https://thanos-querier.openshift-monitoring.svc.cluster.local:9092`. */
  readonly serverAddress: string;
  /**
   * The tenant namespace KEDA sends with the query (Thanos querier's tenancy port on OpenShift).
   * @default none
   */
  readonly namespace?: string;
  /**
   * A KEDA TriggerAuthentication (in the service's namespace) for the Prometheus server, and the auth
   * modes it provides (`bearer`, `basic`, `tls`). Needs KServe 0.16 or later (OpenShift AI 2.25 and 3.x have it).
   * @default none (an unauthenticated server)
   */
  readonly authentication?: { readonly triggerAuthentication: string; readonly modes?: string };
}

/**
 * A canary predictor (KServe 0.20, Standard mode): a new model version served next to the stable
 * predictor by its own Deployment `{isvc}-{name}-predictor`, with fixed replicas and a share of the
 * traffic. Promote it by setting the service's `predictorName` to its name and removing the entry.
 */
export interface CanaryProps {
  /** The canary predictor's name (a DNS label starting with a letter); its Deployment is `{isvc}-{name}-predictor`. */
  readonly name: string;
  /** Percent of the inference traffic the canary gets (0 to 100; the canaries together at most 100). */
  readonly trafficPercent: number;
  /**
   * The model version the canary serves.
   * @default the stable predictor's model
   */
  readonly model?: ModelLocation;
  /**
   * The canary's fixed replica count (at most the stable predictor's `scaling.min`).
   * @default KServe's default (1)
   */
  readonly replicas?: number;
}

/** How the predictor scales. */
export interface ScalingProps {
  /**
   * Minimum replicas. 0 (scale to zero) needs Knative mode or the keda autoscaler.
   * @default 1
   */
  readonly min?: number;
  /**
   * Maximum replicas (at least `min`).
   * @default not set (KServe keeps `min` replicas in Standard mode; Knative scales without bound)
   */
  readonly max?: number;
  /**
   * Target value of the scaling metric (a percentage for cpu and memory utilization).
   * @default the autoscaler's default
   */
  readonly target?: number;
  /**
   * Metric to scale on: `cpu` or `memory` (Standard with hpa), `concurrency` or `rps` (Knative).
   * @default cpu in Standard mode, concurrency in Knative mode
   */
  readonly metric?: "cpu" | "memory" | "concurrency" | "rps";
  /**
   * How `target` is read.
   * @default Utilization for cpu and memory
   */
  readonly metricType?: "Utilization" | "Value" | "AverageValue";
  /**
   * The autoscaler.
   * @default "hpa" in Standard mode, "kpa" in Knative mode (emitted only when set)
   */
  readonly autoscaler?: Autoscaler;
  /**
   * KEDA triggers on Prometheus queries (the engine's waiting requests or KV-cache usage, or your own
   * query), with `autoscaler: "keda"` in Standard mode; alongside a cpu or memory `metric` with a `target`.
   * @default none
   */
  readonly external?: readonly ExternalMetricProps[];
}

/** Request and response logging to a sink. */
export interface LoggerProps {
  /**
   * Where KServe's agent sends the logged events.
   * @default the cluster's configured logger URL
   */
  readonly url?: string;
  /** What to log (KServe's webhook rejects a logger without a mode). */
  readonly mode: "all" | "request" | "response";
}

/** How the Deployment rolls out (Standard mode only). */
export interface DeploymentStrategyProps {
  /** `RollingUpdate` or `Recreate` (use Recreate when GPUs cannot hold two versions at once). */
  readonly type: "RollingUpdate" | "Recreate";
  /**
   * Rolling update bounds, for `RollingUpdate`.
   * @default Kubernetes' defaults (25% each)
   */
  readonly rollingUpdate?: { readonly maxSurge?: number | string; readonly maxUnavailable?: number | string };
}

/** Multi-node serving (KServe `workerSpec`): one head and `pipelineParallelSize - 1` workers per replica. */
export interface MultiNodeProps {
  /**
   * Nodes (head plus workers) per replica.
   * @default the runtime's pipelineParallelSize
   */
  readonly pipelineParallelSize?: number;
  /**
   * Devices per node; with `pipelineParallelSize` it must account for every device of head and workers.
   * @default the devices each pod requests
   */
  readonly tensorParallelSize?: number;
}

/** Props of an InferenceService. */
export interface InferenceServiceProps {
  /**
   * The InferenceService name (a DNS-1035 label; KServe derives host names from it).
   * @default the construct id (cdk8s) or resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * Namespace.
   * @default the chart's namespace (cdk8s) or the provider's default namespace (Pulumi)
   */
  readonly namespace?: string;
  /** The serving runtime: an `InferenceEngine`, a `ServingRuntime`, or `ServingRuntime.fromName(...)`. */
  readonly engine: IRuntime;
  /** Where the model is: `storage.path("...")` or `ModelLocation.fromUri("...")`. */
  readonly model: ModelLocation;
  /**
   * The model's format (must be one the runtime serves, matched exactly).
   * @default the runtime's only format (required when it serves several)
   */
  readonly modelFormat?: { readonly name: string; readonly version?: string };
  /**
   * The engine version to run (its image replaces the runtime's for this model).
   * @default the engine's default version
   */
  readonly engineVersion?: string;
  /**
   * The protocol clients use.
   * @default v2 for the triton and vLLM formats (as KServe's defaulter does), else the runtime's lowest
   * protocol; not set for engines that only speak openai
   */
  readonly protocolVersion?: KServeProtocol;
  /**
   * Name the runtime in the InferenceService. When false, KServe picks a runtime by format, protocol
   * and priority, and the runtime's format must have autoSelect.
   * @default true
   */
  readonly pinRuntime?: boolean;
  /**
   * Values for the engine's typed parameters (rendered as environment variables).
   * @default none (the engine's defaults apply)
   */
  readonly parameters?: Readonly<Record<string, ParameterValue>>;
  /**
   * Arguments appended to the engine's args (KServe concatenates them). Placeholders are substituted.
   * @default none
   */
  readonly args?: readonly string[];
  /**
   * Environment variables for this model (override the runtime's by name).
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvValue>>;
  /**
   * Resources of the model server container (override the engine's per resource).
   * @default the engine's resources
   */
  readonly resources?: ResourcesProps;
  /**
   * Hardware: `profile.request({ accelerators, cpu, memory })` or `Hardware.accelerator(...)`. Sets
   * resources (requests = limits, as OpenShift AI's webhook writes them), scheduling, the accelerator's
   * image, env and volumes, /dev/shm and the engine's tensor-parallel setting for several devices.
   * @default CPU, the engine's resources
   */
  readonly hardware?: HardwareRequest;
  /**
   * Extra volumes of the serving pods, mounted in the model server container.
   * @default none
   */
  readonly volumes?: readonly VolumeProps[];
  /**
   * Serve one replica across several nodes (Standard mode, KServe 0.15+, a multi-node runtime).
   * @default single-node
   */
  readonly multiNode?: MultiNodeProps;
  /**
   * Deployment mode: `Standard` (a Deployment; formerly `RawDeployment`) or `Knative` (formerly
   * `Serverless`). Either name is accepted; the output uses the name the target's KServe understands,
   * and the annotation is always set because cluster defaults vary. `ModelMesh` serves the model on a
   * multi-model runtime (ModelMesh reads only the model's format, runtime and storage).
   * @default "ModelMesh" when the engine is a multi-model runtime, else "Standard"
   */
  readonly deploymentMode?: DeploymentMode;
  /**
   * Fixed replicas (minReplicas = maxReplicas), as on a Nim, a ModelMesh runtime and an
   * LLMInferenceService; excludes `scaling.min` and `scaling.max`.
   * @default 1, unless `scaling` gives bounds
   */
  readonly replicas?: number;
  /**
   * Replicas and autoscaling.
   * @default one replica, the mode's default autoscaler
   */
  readonly scaling?: ScalingProps;
  /**
   * Hard limit of concurrent requests per replica (Knative mode only).
   * @default unlimited
   */
  readonly containerConcurrency?: number;
  /**
   * Request timeout in seconds.
   * @default KServe's default (60 seconds in Knative mode)
   */
  readonly timeoutSeconds?: number;
  /**
   * Percent of traffic for the latest revision (Knative mode only: Knative splits traffic between revisions).
   * @default 100 (no canary)
   */
  readonly canaryTrafficPercent?: number;
  /**
   * Canary predictors (KServe 0.20 or later, Standard mode): new model versions served next to the
   * stable predictor, each with a share of the traffic (`spec.canary[]`).
   * @default none
   */
  readonly canaries?: readonly CanaryProps[];
  /**
   * The stable predictor's name (KServe 0.20 or later): its Deployment becomes `{isvc}-{name}-predictor`
   * instead of `{isvc}-predictor`. To promote a canary, set this to the canary's name and remove the canary.
   * @default none (`{isvc}-predictor`)
   */
  readonly predictorName?: string;
  /**
   * ServiceAccount of the serving pods.
   * @default the model storage's ServiceAccount when it has one, else the namespace's default
   */
  readonly serviceAccountName?: string;
  /**
   * Image pull secrets (names of existing Secrets), added to the model storage's.
   * @default the model storage's pull secrets
   */
  readonly imagePullSecrets?: readonly string[];
  /**
   * Node selector of the serving pods.
   * @default none
   */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /**
   * Tolerations of the serving pods.
   * @default none
   */
  readonly tolerations?: readonly Toleration[];
  /**
   * Who can reach the service: `cluster-local` (inside the cluster) or `exposed` (through the ingress
   * or, on OpenShift AI, a Route).
   * @default "cluster-local"
   */
  readonly visibility?: "cluster-local" | "exposed";
  /**
   * OpenShift AI: require a bearer token (annotation `security.opendatahub.io/enable-auth`).
   * Upstream KServe has no such switch (put auth in your gateway).
   * @default true on OpenShift AI
   */
  readonly auth?: boolean;
  /**
   * OpenShift AI: the name shown in the dashboard.
   * @default the InferenceService name
   */
  readonly displayName?: string;
  /**
   * Ask KServe to add Prometheus scrape annotations to the pods (annotation
   * `serving.kserve.io/enable-prometheus-scraping`).
   * @default true when the engine declares metrics
   */
  readonly metrics?: boolean;
  /**
   * Request/response logging.
   * @default none
   */
  readonly logger?: LoggerProps;
  /**
   * Rollout strategy of the Deployment (Standard mode only).
   * @default Kubernetes' RollingUpdate
   */
  readonly deploymentStrategy?: DeploymentStrategyProps;
  /**
   * Labels on the InferenceService.
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Annotations on the InferenceService.
   * @default none
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Labels on the serving pods.
   * @default none
   */
  readonly podLabels?: Readonly<Record<string, string>>;
  /**
   * Annotations on the serving pods.
   * @default none
   */
  readonly podAnnotations?: Readonly<Record<string, string>>;
  /**
   * Fields deep-merged into `spec.predictor` after rendering, for KServe features without a prop
   * (objects merge, arrays and values replace). The result goes through the same KServe rules as
   * everything else, but not through the CRD schema: prefer typed props.
   * @default none
   */
  readonly predictorOverrides?: Readonly<Record<string, unknown>>;
  /**
   * Override the target platform.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}
