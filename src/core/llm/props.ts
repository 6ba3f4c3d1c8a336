/**
 * Props of an LLMInferenceService (KServe's llm-d based resource for large language models) and of an
 * LLMInferenceServiceConfig (a reusable preset it can name in `baseRefs`).
 *
 * The main (decode) workload's fields sit at the top level, as in KServe's spec; `prefill` repeats them
 * for a second workload when prefill and decode are disaggregated.
 */
import type { TargetProps } from "../target/props";
import type { ModelLocation } from "../storage/location";
import type { EnvValue } from "../pod/env";
import type { ResourcesProps } from "../pod/resources";
import type { Toleration } from "../k8s";
import type { HardwareRequest } from "../hardware/request";

/** How a workload splits the model over devices and pods. */
export interface LLMParallelismProps {
  /**
   * Tensor-parallel size: devices one model replica is sharded over inside a pod (vLLM `--tensor-parallel-size`).
   * @default the devices each pod requests divided by `dataLocal` (not set for one device, nor on a single node with `pipeline`, whose stages take the devices)
   */
  readonly tensor?: number;
  /**
   * Pipeline-parallel size: pods one replica is split over, in layers (multi-node with `worker`; excludes data parallelism).
   * @default not set (no pipeline parallelism)
   */
  readonly pipeline?: number;
  /**
   * Data-parallel size: model replicas (ranks) in one LeaderWorkerSet group, across every pod of the group. Set together with `dataLocal`.
   * @default not set (no data parallelism)
   */
  readonly data?: number;
  /**
   * Data-parallel ranks per pod. Pods per group = `data / dataLocal`. Set together with `data`.
   * @default not set
   */
  readonly dataLocal?: number;
  /**
   * Port the data-parallel ranks talk on (vLLM `--data-parallel-rpc-port`).
   * @default 5555 (the well-known config's)
   */
  readonly dataRPCPort?: number;
  /**
   * Expert parallelism for mixture-of-experts models (vLLM `--enable-expert-parallel`); needs data parallelism.
   * @default false
   */
  readonly expert?: boolean;
}

/** KEDA settings shared by WVA's KEDA actuator and direct KEDA scaling (KEDA ScaledObject fields). */
export interface LLMKedaSettings {
  /**
   * Seconds between KEDA's checks of the triggers.
   * @default KEDA's (30)
   */
  readonly pollingInterval?: number;
  /**
   * Seconds to wait after the last active trigger before scaling to `idleReplicaCount`.
   * @default KEDA's (300)
   */
  readonly cooldownPeriod?: number;
  /**
   * Seconds after creation before the first cool-down.
   * @default KEDA's (0)
   */
  readonly initialCooldownPeriod?: number;
  /**
   * Replicas while no trigger is active (below `min`; 0 scales to zero).
   * @default not set (never below `min`)
   */
  readonly idleReplicaCount?: number;
  /**
   * KEDA's fallback when a trigger fails (`{ failureThreshold, replicas }`), passed through.
   * @default none
   */
  readonly fallback?: Readonly<Record<string, unknown>>;
  /**
   * KEDA's `advanced` block, passed through (no `horizontalPodAutoscalerConfig.name`: KServe names the HPA).
   * @default none
   */
  readonly advanced?: Readonly<Record<string, unknown>>;
}

/** Direct KEDA scaling: KEDA triggers on vLLM metrics (KServe after 0.20). */
export interface LLMDirectKedaProps extends LLMKedaSettings {
  /** KEDA triggers (`{ type: "prometheus", metadata: {...} }`), at least one. */
  readonly triggers: readonly Readonly<Record<string, unknown>>[];
}

/** The Workload Variant Autoscaler (llm-d's WVA): scales on the model's saturation, through HPA or KEDA. */
export interface LLMWvaProps {
  /**
   * Relative cost of one replica of this variant (a decimal string such as "10.0").
   * @default "10.0" (KServe's default)
   */
  readonly variantCost?: string;
  /**
   * Actuate through an HPA, with its `behavior` (scale-up and scale-down policies).
   * @default an HPA with Kubernetes' default behavior, unless `keda` is given
   */
  readonly hpa?: { readonly behavior?: Readonly<Record<string, unknown>> };
  /**
   * Actuate through KEDA (no `advanced.scalingModifiers`: WVA computes the target).
   * @default not set (the HPA actuator)
   */
  readonly keda?: LLMKedaSettings;
}

/** Autoscaling of a workload (instead of fixed `replicas`). */
export interface LLMScalingProps {
  /**
   * Fewest replicas (at least 1; use KEDA's `idleReplicaCount` for zero).
   * @default 1
   */
  readonly min?: number;
  /** Most replicas (at least `min`). */
  readonly max: number;
  /**
   * Scale with WVA (KServe 0.17 and later). Prefill and decode must use the same mode and actuator.
   * @default WVA with the HPA actuator, unless `keda` is given
   */
  readonly wva?: LLMWvaProps;
  /**
   * Scale with KEDA directly on triggers (KServe after 0.20; excludes `wva`).
   * @default not set
   */
  readonly keda?: LLMDirectKedaProps;
}

/** Rolling-update bounds of a workload (KServe after 0.20). */
export interface LLMRolloutStrategyProps {
  /**
   * Pods (or groups) that may be unavailable during an update: a count or a percentage ("25%").
   * @default the workload controller's: 25% for a Deployment, 1 for the LeaderWorkerSet of a multi-node workload
   */
  readonly maxUnavailable?: number | string;
  /**
   * Extra pods (or groups) during an update: a count or a percentage.
   * @default the workload controller's: 25% for a Deployment, 0 for the LeaderWorkerSet of a multi-node workload
   */
  readonly maxSurge?: number | string;
}

/** A secondary KV-cache tier on a file system. */
export type LLMKvCacheTier =
  | { readonly emptyDir: { readonly size: string } }
  | { readonly pvc: { readonly claimName: string; readonly path?: string } }
  | { readonly pvc: { readonly size: string; readonly storageClassName?: string; readonly accessModes?: readonly string[] } };

/** KV-cache offloading from GPU memory (KServe 0.20 and later, v1alpha2). */
export interface LLMKvCacheOffloadingProps {
  /** CPU memory for the offloaded KV cache (a quantity such as "64Gi"). */
  readonly cpu: string;
  /**
   * Eviction policy of the CPU tier.
   * @default "lru"
   */
  readonly evictionPolicy?: "lru" | "arc";
  /**
   * File-system tiers below the CPU tier.
   * @default none
   */
  readonly secondary?: readonly LLMKvCacheTier[];
}

/** Multi-node serving: each replica is a LeaderWorkerSet group (leader plus workers). */
export interface LLMWorkerProps {
  /**
   * Hardware of each worker pod. Every pod of a group must have the same devices (each holds ranks of the same model).
   * @default the workload's hardware
   */
  readonly hardware?: HardwareRequest;
  /**
   * Extra environment of the worker's `main` container.
   * @default the workload's env
   */
  readonly env?: Readonly<Record<string, EnvValue>>;
}

/** One vLLM workload: the main (decode) one at the top level, or `prefill`. */
export interface LLMWorkloadProps {
  /**
   * Fixed replicas (LeaderWorkerSet groups when multi-node). Excludes `scaling`.
   * @default 1, unless `scaling` is set or a config in `baseRefs` may set the workload's replicas or scaling (then the config's, else KServe's 1); an LLMInferenceServiceConfig writes none
   */
  readonly replicas?: number;
  /**
   * Autoscaling (excludes `replicas`).
   * @default fixed replicas
   */
  readonly scaling?: LLMScalingProps;
  /**
   * Parallelism; checked against the devices of every pod.
   * @default tensor parallel over the devices of a pod, when it has more than one
   */
  readonly parallelism?: LLMParallelismProps;
  /**
   * Hardware: `profile.request({ accelerators, cpu, memory })` or `Hardware.accelerator(...)`, applied as for
   * InferenceServices (requests equal limits, scheduling, the accelerator's env and volumes, /dev/shm sized
   * for the tensor-parallel group, OpenShift AI profile annotations, Kueue labels).
   * @default no hardware (KServe's well-known config decides; it assumes NVIDIA)
   */
  readonly hardware?: HardwareRequest;
  /**
   * Extra resources of the `main` container (CPU, memory; devices come from `hardware`).
   * @default none
   */
  readonly resources?: ResourcesProps;
  /**
   * The vLLM image: one image, or one per accelerator key (`nvidia`, `amd`, `gaudi`, `spyre`, `cpu`, ...), the
   * hardware's accelerator picking it.
   * @default the image of the well-known config (llm-d's CUDA image) or of a config in `baseRefs`
   */
  readonly image?: string | Readonly<Record<string, string>>;
  /**
   * Arguments appended to the vLLM command line of the `main` container (parallelism flags belong in `parallelism`).
   * @default none
   */
  readonly args?: readonly string[];
  /**
   * Environment of the `main` container.
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvValue>>;
  /**
   * Serve each replica across several nodes (LeaderWorkerSet); needs data or pipeline parallelism.
   * `true` gives workers the workload's hardware.
   * @default single-node
   */
  readonly worker?: boolean | LLMWorkerProps;
  /**
   * KV-cache offloading to CPU memory and file systems.
   * @default none
   */
  readonly kvCacheOffloading?: LLMKvCacheOffloadingProps;
  /**
   * Rolling-update bounds.
   * @default the workload controller's (a Deployment's, or a multi-node workload's LeaderWorkerSet's)
   */
  readonly rolloutStrategy?: LLMRolloutStrategyProps;
  /**
   * Node selector of the pods (merged with the hardware's).
   * @default none
   */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /**
   * Tolerations of the pods (after the hardware's).
   * @default none
   */
  readonly tolerations?: readonly Toleration[];
  /**
   * Labels of the workload's pods (KServe `labels`).
   * @default none
   */
  readonly podLabels?: Readonly<Record<string, string>>;
  /**
   * Annotations of the workload's pods (KServe `annotations`).
   * @default none
   */
  readonly podAnnotations?: Readonly<Record<string, string>>;
}

/** A LoRA adapter served next to the base model. */
export interface LLMLoraAdapter {
  /** The name clients ask for (unique, not the base model's served name). */
  readonly name: string;
  /** Where the adapter is: `storage.path("...")` or `ModelLocation.fromUri("hf://...")` (hf, s3, pvc or oci). */
  readonly model: ModelLocation;
}

/** LoRA adapters and their limits. */
export interface LLMLoraProps {
  /** The adapters. */
  readonly adapters: readonly LLMLoraAdapter[];
  /**
   * Highest LoRA rank of any adapter (vLLM `--max-lora-rank`).
   * @default vLLM's (16)
   */
  readonly maxRank?: number;
  /**
   * Adapters in one batch on the GPU (vLLM `--max-loras`).
   * @default vLLM's (1)
   */
  readonly maxAdapters?: number;
  /**
   * Adapters cached in CPU memory (vLLM `--max-cpu-loras`).
   * @default `maxAdapters`
   */
  readonly maxCpuAdapters?: number;
}

/** A reference to an existing Gateway (Gateway API). */
export interface LLMGatewayRef {
  /** Gateway name. */
  readonly name: string;
  /**
   * Gateway namespace.
   * @default the LLMInferenceService's namespace (not written: KServe and Gateway API read an unset namespace as the referrer's)
   */
  readonly namespace?: string;
  /**
   * The listener to attach to.
   * @default every listener that allows the route
   */
  readonly sectionName?: string;
}

/** The HTTPRoute. */
export interface LLMRouteProps {
  /**
   * Existing HTTPRoutes (names in the namespace), or an inline HTTPRoute spec the controller creates.
   * @default a managed HTTPRoute (`{}`: the controller's well-known route)
   */
  readonly http?: { readonly refs: readonly string[] } | { readonly spec: Readonly<Record<string, unknown>> };
  /**
   * Traffic group (a DNS label): services of one group share traffic by `weight`. Set with `weight`.
   * @default not set
   */
  readonly group?: string;
  /**
   * Traffic weight within `group` (0 to 1000000). Set with `group`.
   * @default not set
   */
  readonly weight?: number;
}

/**
 * A pod the controller runs for the router: the scheduler (llm-d's endpoint picker) or its tokenizer.
 * Only what is given here is written; KServe merges it over its well-known config by container name
 * (`main`), so the config's command, ports, probes and volumes stay.
 */
export interface LLMRouterPodProps {
  /**
   * Image of the `main` container.
   * @default the well-known config's image
   */
  readonly image?: string;
  /**
   * Arguments of the `main` container.
   * @default the well-known config's
   */
  readonly args?: readonly string[];
  /**
   * Extra environment of the `main` container.
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvValue>>;
  /**
   * Requests and limits of the `main` container (CPU, memory).
   * @default the well-known config's
   */
  readonly resources?: ResourcesProps;
  /**
   * Node selector of the pod.
   * @default none
   */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /**
   * Tolerations of the pod.
   * @default none
   */
  readonly tolerations?: readonly Toleration[];
}

/**
 * The scheduler's standalone tokenizer (vLLM's render endpoint, which the endpoint picker's token-producer
 * and precise-prefix-cache-scorer plugins call). KServe after 0.20 and OpenShift AI 3.5.
 */
export interface LLMTokenizerProps {
  /**
   * The tokenizer pod (merged over the well-known `kserve-config-llm-tokenizer`).
   * @default the well-known tokenizer pod
   */
  readonly template?: LLMRouterPodProps;
}

/** The inference scheduler (llm-d's endpoint picker) and its InferencePool. */
export interface LLMSchedulerProps {
  /**
   * The InferencePool: an existing one by name, or an inline InferencePool spec.
   * @default a managed InferencePool
   */
  readonly pool?: { readonly ref: string } | { readonly spec: Readonly<Record<string, unknown>> };
  /**
   * The endpoint picker's config: inline (EndpointPickerConfig as an object), or a key of a ConfigMap.
   * @default the well-known scheduler config
   */
  readonly config?: { readonly inline: Readonly<Record<string, unknown>> } | { readonly configMap: { readonly name: string; readonly key: string } };
  /**
   * Scheduler replicas (at least 1).
   * @default the controller's (1)
   */
  readonly replicas?: number;
  /**
   * Labels of the scheduler pods.
   * @default none
   */
  readonly podLabels?: Readonly<Record<string, string>>;
  /**
   * Annotations of the scheduler pods.
   * @default none
   */
  readonly podAnnotations?: Readonly<Record<string, string>>;
  /**
   * The scheduler (endpoint picker) pod: image, args, env, resources, scheduling.
   * @default the well-known scheduler pod
   */
  readonly template?: LLMRouterPodProps;
  /**
   * Deploy the standalone tokenizer (`{}` for the well-known one). KServe also deploys it by itself when an
   * inline scheduler config uses the token-producer or precise-prefix-cache-scorer plugin.
   * @default not set (only when the scheduler config needs it)
   */
  readonly tokenizer?: LLMTokenizerProps;
}

/**
 * How requests reach the model. Empty objects mean "managed by the controller": `{ gateway: {}, route: {},
 * scheduler: {} }` is the usual llm-d setup.
 */
export interface LLMRouterProps {
  /**
   * The Gateway: `{}` for the cluster's managed gateway, or refs to existing Gateways.
   * @default not set (no gateway attachment)
   */
  readonly gateway?: { readonly refs?: readonly LLMGatewayRef[] };
  /**
   * The HTTPRoute (see {@link LLMRouteProps}).
   * @default not set (no route)
   */
  readonly route?: LLMRouteProps;
  /**
   * The scheduler and its InferencePool (see {@link LLMSchedulerProps}).
   * @default not set (requests go to the workload Service without an endpoint picker)
   */
  readonly scheduler?: LLMSchedulerProps;
  /**
   * Existing Ingresses (names) instead of Gateway API.
   * @default not set
   */
  readonly ingress?: { readonly refs: readonly LLMIngressRef[] };
}

/** A reference to an existing Ingress. */
export interface LLMIngressRef {
  /** Ingress name. */
  readonly name: string;
  /**
   * Ingress namespace.
   * @default the LLMInferenceService's namespace (not written)
   */
  readonly namespace?: string;
}

/**
 * Routing the library writes itself, for platforms that manage routes outside KServe: an HTTPRoute
 * attached to an existing Gateway and an InferencePool with your endpoint picker, both emitted next to the
 * LLMInferenceService, which then refers to them.
 */
export interface LLMUserRoutingProps {
  /** The existing Gateway the HTTPRoute attaches to. */
  readonly gateway: LLMGatewayRef;
  /**
   * The HTTPRoute.
   * @default named `<name>-route`, path prefix `/<name>` rewritten to `/`, no host names
   */
  readonly httpRoute?: {
    /**
     * HTTPRoute name.
     * @default `<name>-route`
     */
    readonly name?: string;
    /**
     * Host names it matches.
     * @default any host
     */
    readonly hostnames?: readonly string[];
    /**
     * Path prefix it matches (rewritten to `/`).
     * @default `/<name>`
     */
    readonly pathPrefix?: string;
    /**
     * Request timeout (Gateway API duration, "0s" = none).
     * @default "0s" (long generations are not cut off)
     */
    readonly timeout?: string;
  };
  /** The InferencePool and the endpoint picker (EPP) it consults. */
  readonly inferencePool: {
    /**
     * InferencePool name.
     * @default `<name>-pool`
     */
    readonly name?: string;
    /** The endpoint picker's Service (you run it, for example with llm-d's inference scheduler chart). */
    readonly endpointPicker: {
      /** Service name. */
      readonly service: string;
      /**
       * gRPC port of the endpoint picker.
       * @default 9002
       */
      readonly port?: number;
      /**
       * What the gateway does when the picker is down.
       * @default "FailOpen"
       */
      readonly failureMode?: "FailOpen" | "FailClose";
    };
  };
  /**
   * An InferenceObjective (llm-d.ai/v1alpha2) for the pool: the priority of its requests when the
   * endpoint picker sheds load (higher is served first).
   * @default none
   */
  readonly inferenceObjective?: {
    /**
     * InferenceObjective name.
     * @default `<name>-objective`
     */
    readonly name?: string;
    /**
     * Priority of the pool's requests.
     * @default the endpoint picker's (0)
     */
    readonly priority?: number;
  };
  /**
   * An InferenceModelRewrite for the pool (see {@link LLMModelRewriteProps}).
   * @default none
   */
  readonly modelRewrite?: LLMModelRewriteProps;
}

/** One rule of an InferenceModelRewrite: the models requests ask for, and the models that serve them. */
export interface LLMModelRewriteRule {
  /**
   * The model names (the `model` field of the request body) this rule applies to, matched exactly.
   * @default every request of the pool
   */
  readonly models?: readonly string[];
  /**
   * The models that serve these requests: names the pool serves (the served model name or a LoRA adapter),
   * with weights for a split (set on every target or on none).
   */
  readonly targets: readonly { readonly model: string; readonly weight?: number }[];
}

/**
 * An InferenceModelRewrite (llm-d.ai/v1alpha2) for the pool: the endpoint picker rewrites the model a
 * request names, for aliases and weighted splits between the base model and its LoRA adapters.
 */
export interface LLMModelRewriteProps {
  /**
   * InferenceModelRewrite name.
   * @default `<name>-rewrite`
   */
  readonly name?: string;
  /** The rules. */
  readonly rules: readonly LLMModelRewriteRule[];
}

/** Distributed tracing of every managed component (OpenTelemetry; KServe 0.20 and later). */
export interface LLMTracingProps {
  /**
   * OTLP endpoint.
   * @default KServe's ("http://otel-collector:4317")
   */
  readonly exporterEndpoint?: string;
  /**
   * Sampler (`OTEL_TRACES_SAMPLER`).
   * @default KServe's ("parentbased_traceidratio")
   */
  readonly sampler?: string;
  /**
   * Sampler argument, for example the ratio "0.1".
   * @default KServe's ("0.05")
   */
  readonly samplerArg?: string;
  /**
   * Exporter (`OTEL_TRACES_EXPORTER`).
   * @default KServe's ("otlp")
   */
  readonly exporter?: string;
}

/** A confidential model: encrypted weights, decrypted in the pod with a key from a Key Broker Service (KServe 0.20 and later, OpenShift AI 3.5). */
export interface LLMConfidentialProps {
  /**
   * Turn decryption on.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * The key's resource in the Key Broker Service, `kbs:///<repository>/<type>/<tag>`.
   * @default KServe's (derived by the controller)
   */
  readonly resourceId?: string;
}

/**
 * Managed dynamic resource allocation (KServe 0.20 and later, OpenShift AI 3.5; experimental): the
 * controller creates a ResourceClaimTemplate and claims the devices for every workload pod (main, worker,
 * prefill), instead of extended resources such as `nvidia.com/gpu`. Written as KServe's `exp-dra-*`
 * annotations.
 */
export interface LLMManagedDraProps {
  /** The DeviceClass to allocate from (a DNS subdomain, for example "gpu.nvidia.com"). */
  readonly deviceClass: string;
  /**
   * Devices per pod.
   * @default 1
   */
  readonly count?: number;
  /**
   * CEL expressions a device must satisfy (all of them), one line each.
   * @default any device of the class
   */
  readonly selectors?: readonly string[];
  /**
   * The container that gets the claim (a DNS label).
   * @default the first container of each pod template
   */
  readonly containerName?: string;
}

/** A config an LLMInferenceService builds on: a config construct, a well-known name, or a name. */
export type LLMConfigRef = string | { readonly configName: string; readonly valid?: boolean; readonly where?: string };

/** The fields an LLMInferenceService and an LLMInferenceServiceConfig share. */
export interface LLMSpecProps extends LLMWorkloadProps {
  /**
   * The model: `storage.path("...")` or `ModelLocation.fromUri("hf://org/model")` (hf, s3, pvc, oci, gs, https).
   * Required on an LLMInferenceService; optional on a config.
   * @default none (configs only)
   */
  readonly model?: ModelLocation;
  /**
   * The model name clients send (vLLM `--served-model-name`).
   * @default the LLMInferenceService name
   */
  readonly servedModelName?: string;
  /**
   * LoRA adapters served on the base model.
   * @default none
   */
  readonly lora?: LLMLoraProps;
  /**
   * A confidential (encrypted) model, decrypted in the pod.
   * @default not confidential
   */
  readonly confidential?: LLMConfidentialProps;
  /**
   * Download the model with KServe's storage initializer (false: vLLM reads the URI itself).
   * @default true (KServe's default; not written)
   */
  readonly storageInitializer?: boolean;
  /**
   * A prefill workload for prefill/decode disaggregation (its own hardware, parallelism and scaling).
   * @default none (one workload does both)
   */
  readonly prefill?: LLMWorkloadProps;
  /**
   * Routing: gateway, HTTPRoute, scheduler.
   * @default none (the workload Service only)
   */
  readonly router?: LLMRouterProps;
  /**
   * Distributed tracing.
   * @default off
   */
  readonly tracing?: LLMTracingProps;
}

/** Props of an LLMInferenceService. */
export interface LLMInferenceServiceProps extends LLMSpecProps {
  /**
   * The name (a DNS-1035 label: KServe names Services and pods after it).
   * @default the construct id (cdk8s) or resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * Namespace.
   * @default the chart's namespace (cdk8s) or the provider's default namespace (Pulumi)
   */
  readonly namespace?: string;
  /** The model. */
  readonly model: ModelLocation;
  /**
   * Configs merged under this spec in order (later wins, this spec over all): `LLMInferenceServiceConfig`
   * constructs, `LLMConfigs.*` names (KServe's well-known and OpenShift AI's presets), or names.
   * @default none (the controller applies its well-known configs by itself)
   */
  readonly baseRefs?: readonly LLMConfigRef[];
  /**
   * Routing written by the library (HTTPRoute and InferencePool objects) instead of KServe's managed ones.
   * Excludes `router.route` and `router.scheduler.pool`.
   * @default none
   */
  readonly userRouting?: LLMUserRoutingProps;
  /**
   * Devices through managed dynamic resource allocation instead of `hardware` accelerators.
   * @default none (devices from `hardware`)
   */
  readonly dra?: LLMManagedDraProps;
  /**
   * OpenShift AI: the name shown in the dashboard.
   * @default the name
   */
  readonly displayName?: string;
  /**
   * OpenShift AI: require a bearer token (annotation `security.opendatahub.io/enable-auth`).
   * @default true on OpenShift AI
   */
  readonly auth?: boolean;
  /**
   * Labels on the LLMInferenceService.
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Annotations on the LLMInferenceService.
   * @default none
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Override the target platform.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}

/** Props of an LLMInferenceServiceConfig: the same spec, every field optional, no `baseRefs`. */
export interface LLMInferenceServiceConfigProps extends LLMSpecProps {
  /**
   * The config name (what `baseRefs` name).
   * @default the construct id (cdk8s) or resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * Namespace (an LLMInferenceService finds configs in its own namespace, then in KServe's).
   * @default the chart's namespace (cdk8s) or the provider's default namespace (Pulumi)
   */
  readonly namespace?: string;
  /**
   * Labels on the config.
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Annotations on the config.
   * @default none
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Override the target platform.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}
