/**
 * The props of an InferenceEngine: a custom serving engine, rendered as a ServingRuntime (or a
 * ClusterServingRuntime). The same props drive the cdk8s construct and the Pulumi component.
 */
import type { TargetProps } from "../target/props";
import type { EnvValue } from "../pod/env";
import type { VolumeProps } from "../pod/volumes";
import type { ResourcesProps } from "../pod/resources";
import type { ProbeSettings } from "../pod/probes";
import type { SecurityProps } from "../pod/security";
import type { ParameterSpec } from "./parameters";
import type { EngineProtocol } from "./protocols";
import type { HardwareRequest } from "../hardware/request";
import type { MultiModelProps } from "../modelmesh/props";

/** Where an engine's runtime lives: a namespace, the cluster, or OpenShift AI's dashboard catalogue. */
export type EngineScope = "namespace" | "cluster" | "dashboard";

/** Accelerator keys an engine can have images for; custom accelerators use their own lowercase key. */
export type ImageTarget = "cpu" | "nvidia" | "amd" | "gaudi" | "spyre" | (string & {});

/** One released version of an engine. */
export interface EngineVersionProps {
  /**
   * Image per target: `cpu` and accelerator keys (`nvidia`, `amd`, `gaudi`, `spyre`, or a custom
   * accelerator's key). An InferenceService on an accelerator the version has no image for is an error.
   */
  readonly image: Readonly<Partial<Record<ImageTarget, string>>>;
  /**
   * Environment variables this version adds to (or changes in) the engine's `env`.
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvValue>>;
}

/** A model format an engine serves (matched exactly, case included, by KServe). */
export interface ModelFormatProps {
  /** Format name, for example `vLLM`, `sklearn`, `onnx`. */
  readonly name: string;
  /**
   * Format version: "major", "major.minor" or "major.minor.patch". A model that names a version
   * matches only an entry with the same version string.
   * @default any version
   */
  readonly version?: string;
  /**
   * KServe may pick this runtime automatically for models of this format.
   * @default true
   */
  readonly autoSelect?: boolean;
  /**
   * Preference among runtimes that auto-select the same format (higher wins; at least 1).
   * @default not set (after every runtime that sets one)
   */
  readonly priority?: number;
}

/** How the engine is told to split a model across the devices of one pod. */
export interface TensorParallelProps {
  /**
   * Flag that takes the device count, for example `--tensor-parallel-size` (rendered `--flag=N`).
   * @default none
   */
  readonly arg?: string;
  /**
   * Environment variable that takes the device count.
   * @default none
   */
  readonly env?: string;
}

/** The worker side of a multi-node engine (KServe `workerSpec`): pods that join the head over the network. */
export interface EngineMultiNodeProps {
  /**
   * Worker command; KServe sets `HEAD_SVC`, `WORKER_SVC`, `ISVC_NAME`, `TENSOR_PARALLEL_SIZE` and
   * `PIPELINE_PARALLEL_SIZE` in head and workers. Placeholders are substituted.
   * @default the head's command
   */
  readonly command?: readonly string[];
  /**
   * Worker arguments.
   * @default the head's args
   */
  readonly args?: readonly string[];
  /**
   * Extra environment of the workers.
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvValue>>;
  /**
   * Default number of nodes (head plus workers) per replica.
   * @default 2
   */
  readonly pipelineParallelSize?: number;
  /**
   * Default devices per node.
   * @default 1
   */
  readonly tensorParallelSize?: number;
  /**
   * How the nodes cooperate: `ray` (KServe's default) or `mp` (runtime annotation `multinode/executor-backend`, KServe 0.18+).
   * @default ray (no annotation)
   */
  readonly executorBackend?: "ray" | "mp";
}

/** Metrics the engine exposes for Prometheus. */
export interface MetricsProps {
  /**
   * Port of the metrics endpoint.
   * @default the container port
   */
  readonly port?: number;
  /**
   * Path of the metrics endpoint.
   * @default "/metrics"
   */
  readonly path?: string;
}

/** OpenShift AI dashboard metadata of an engine (emitted only when the target is OpenShift AI). */
export interface OpenShiftAIEngineProps {
  /**
   * The name shown in the dashboard.
   * @default the runtime name
   */
  readonly displayName?: string;
  /**
   * What the engine serves, shown by the dashboard: `generative` (LLMs) or `predictive`.
   * @default "generative" when the engine speaks openai, else "predictive"
   */
  readonly modelType?: "generative" | "predictive";
  /**
   * List the runtime in the dashboard (label `opendatahub.io/dashboard`).
   * @default true
   */
  readonly showInDashboard?: boolean;
  /**
   * A sentence about the runtime, shown by the dashboard (`description` on a `scope: "dashboard"` Template).
   * @default none
   */
  readonly description?: string;
  /**
   * Who provides the runtime (`openshift.io/provider-display-name` on a `scope: "dashboard"` Template).
   * @default none
   */
  readonly provider?: string;
}

/** Props of an InferenceEngine. */
export interface InferenceEngineProps {
  /**
   * The runtime's name (a Kubernetes object name).
   * @default the construct id (cdk8s) or resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * Namespace of a namespaced runtime.
   * @default the chart's namespace (cdk8s) or the provider's default namespace (Pulumi)
   */
  readonly namespace?: string;
  /**
   * `namespace` renders a ServingRuntime; `cluster` a ClusterServingRuntime usable from every namespace;
   * `dashboard` (OpenShift AI targets) an OpenShift `Template` in OpenShift AI's applications namespace
   * holding the ServingRuntime, with the dashboard's labels and annotations: the runtime then appears in
   * the dashboard's list of serving runtimes for every project (display name, API protocol, model type,
   * recommended accelerators), and the dashboard copies it into a project when a model is deployed from
   * the UI. InferenceServices defined in code need a `namespace` or `cluster` engine.
   * @default "namespace"
   */
  readonly scope?: EngineScope;
  /** Released versions, by version string, each with its images. */
  readonly versions: Readonly<Record<string, EngineVersionProps>>;
  /**
   * The version the runtime runs; InferenceServices may pick another with `engineVersion`.
   * @default the only version (required when there are several)
   */
  readonly defaultVersion?: string;
  /**
   * Which image of the default version the runtime's container uses; InferenceServices on another
   * accelerator get their image set on the model.
   * @default "cpu" when the default version has a cpu image, else its only image (required when several)
   */
  readonly runtimeImage?: ImageTarget;
  /**
   * The container command (the image's entrypoint when unset). Placeholders `{{model_path}}`,
   * `{{port}}` and `{{model_name}}` are substituted.
   * @default the image's entrypoint
   */
  readonly command?: readonly string[];
  /**
   * Arguments, with the same placeholders as `command`.
   * @default none
   */
  readonly args?: readonly string[];
  /**
   * Flags that may appear more than once after engine and model args are merged (other repeated flags are errors).
   * @default none
   */
  readonly repeatableFlags?: readonly string[];
  /**
   * The HTTP (or, for gRPC-only engines, gRPC) port the server listens on.
   * @default 8080
   */
  readonly port?: number;
  /**
   * A second port for gRPC, for engines that serve HTTP and gRPC on separate ports.
   * @default none
   */
  readonly grpcPort?: number;
  /**
   * The protocol(s) the server speaks: `v1`, `v2`, `grpc-v1`, `grpc-v2` (KServe) or `openai`. A multi-model
   * runtime whose inference API is none of these (TorchServe's own gRPC API) gives `[]`.
   */
  readonly protocol: EngineProtocol | readonly EngineProtocol[];
  /**
   * Readiness probe; `false` for none.
   * @default on, at the path the first HTTP protocol implies (openai: /v1/models, v2: /v2/health/ready, v1: /v1/models/{{.Name}}), TCP for gRPC; off for multi-model engines (ModelMesh manages readiness and rejects the probe)
   */
  readonly readiness?: ProbeSettings | false;
  /**
   * Liveness probe; give settings (even `{}`) to turn it on. Pair it with a startup probe for slow-loading models.
   * @default off
   */
  readonly liveness?: ProbeSettings | false;
  /**
   * Startup probe; give settings (even `{}`) to turn it on.
   * @default off
   */
  readonly startup?: ProbeSettings | false;
  /**
   * Typed per-model settings, rendered as environment variables (see `Parameter`).
   * @default none
   */
  readonly parameters?: Readonly<Record<string, ParameterSpec>>;
  /**
   * Reject parameters an InferenceService sets that the engine does not declare.
   * @default false (undeclared parameters pass through as strings)
   */
  readonly enforceParameters?: boolean;
  /** Model formats the engine serves (at least one). */
  readonly modelFormats: readonly ModelFormatProps[];
  /**
   * Environment variables of the container (values or references).
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvValue>>;
  /**
   * Volumes and their mounts.
   * @default none
   */
  readonly volumes?: readonly VolumeProps[];
  /**
   * Default resources of the container; InferenceServices override them per resource.
   * @default none
   */
  readonly resources?: ResourcesProps;
  /**
   * The engine can use more than one accelerator in one pod (tensor parallelism).
   * @default false
   */
  readonly multiGpu?: boolean;
  /**
   * How InferenceServices that use several devices tell the engine (needs `multiGpu`).
   * @default nothing is added (the engine finds the devices itself)
   */
  readonly tensorParallel?: TensorParallelProps;
  /**
   * Multi-node serving: the runtime gets a `workerSpec` (KServe 0.15+).
   * @default single-node
   */
  readonly multiNode?: EngineMultiNodeProps;
  /**
   * Hardware the runtime's pods default to (resources, scheduling, the accelerator's env and volumes);
   * InferenceServices override it with their own request.
   * @default none (the accelerator of runtimeImage still adds its scheduler, env and volumes)
   */
  readonly hardware?: HardwareRequest;
  /**
   * Make the engine a ModelMesh multi-model runtime (`multiModel: true`): its models share its pods and
   * are served with `deploymentMode: "ModelMesh"`. Give the adapter (built-in for triton, mlserver, ovms
   * and torchserve, or a custom adapter container) and the endpoints. Readiness probes are off (ModelMesh
   * manages readiness), `port` is the server's inference port and must not be one ModelMesh reserves.
   * @default a single-model runtime
   */
  readonly multiModel?: MultiModelProps;
  /**
   * ModelMesh's model loading timeout written on a single-model runtime
   * (`builtInAdapter.modelLoadingTimeoutMillis`), where KServe ignores it: only so that a runtime matches
   * an OpenShift AI template field for field (its Gaudi vLLM template carries 90000). Multi-model engines
   * set it in `multiModel.adapter`.
   * @default not written
   */
  readonly modelLoadingTimeoutMillis?: number;
  /**
   * Prometheus metrics endpoint; `false` when the engine has none.
   * @default none
   */
  readonly metrics?: MetricsProps | false;
  /**
   * Container security settings.
   * @default no privilege escalation, all capabilities dropped, RuntimeDefault seccomp, runAsNonRoot
   */
  readonly security?: SecurityProps;
  /**
   * The user the engine's image runs as (its `USER`): a numeric uid, or `"root"` (also `0`).
   *
   * The container asserts `runAsNonRoot`, and the kubelet refuses to start a container whose image runs
   * as root (or as a user name it cannot check) when that is set. On upstream Kubernetes targets:
   * `"root"` drops `runAsNonRoot` (the other hardening stays), a uid sets `runAsUser` to it (so the
   * kubelet can check it) unless `security` says otherwise. On OpenShift AI targets nothing changes:
   * the restricted SCC assigns the pod a non-root uid from the namespace's range, and a fixed uid
   * outside it would be refused.
   *
   * Which engines warn when this is not declared (rule `engine/image-user`): only engines imported from
   * GPUStack or Chariot definitions on upstream Kubernetes targets, whose images the library knows
   * nothing about and which often run as root (llama.cpp's server image does). Presets declare their
   * default images' users; hand-written engines are not warned about (their authors set `security`), so
   * existing apps do not fill with warnings.
   * @default undeclared: the container keeps `runAsNonRoot` and no `runAsUser`
   */
  readonly imageUser?: number | "root";
  /**
   * Image pull secrets (names of existing Secrets).
   * @default none
   */
  readonly imagePullSecrets?: readonly string[];
  /**
   * OpenShift AI dashboard metadata.
   * @default the runtime name as display name, model type from the protocol
   */
  readonly openshiftAI?: OpenShiftAIEngineProps;
  /**
   * Extra labels on the runtime object.
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Extra annotations on the runtime object.
   * @default none
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Labels KServe adds to the serving pods (runtime `spec.labels`).
   * @default none
   */
  readonly podLabels?: Readonly<Record<string, string>>;
  /**
   * Annotations KServe adds to the serving pods (runtime `spec.annotations`).
   * @default the Prometheus annotations when `metrics` is set
   */
  readonly podAnnotations?: Readonly<Record<string, string>>;
  /**
   * Override the target platform for this engine.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}
