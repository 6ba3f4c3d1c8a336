/**
 * ModelMesh Serving facts (kserve/modelmesh-serving, archived upstream): what its controller reserves
 * in a multi-model runtime, its built-in adapters and their defaults, and the keys it reads.
 * Source: `controllers/servingruntime_validator.go`, `controllers/modelmesh/runtime.go`,
 * `config/runtimes/*.yaml`, `controllers/hpa/hpa_reconciler.go` (see ../shared/reference/kserve.md §5).
 */
import { KSERVE } from "../keys";

/** Containers ModelMesh injects into every runtime pod (and the prefix it keeps for itself). */
export const RESERVED_CONTAINERS = ["mm", "rest-proxy", "puller"] as const;

/** Names starting with this are reserved for ModelMesh (containers, volumes, port names). */
export const RESERVED_PREFIX = "mm-";

/** Ports ModelMesh uses inside the pod: 8080 litelinks, 8085 built-in adapter, 8089 probes, 8090 preStop. */
export const RESERVED_PORTS: Readonly<Record<number, string>> = {
  8080: "ModelMesh's litelinks traffic",
  8085: "the built-in adapter",
  8089: "ModelMesh's probes",
  8090: "ModelMesh's preStop hook",
};

/** The port range ModelMesh keeps for future use. */
export const RESERVED_PORT_RANGE = { from: 11881, to: 11899 } as const;

/** Port names ModelMesh uses. */
export const RESERVED_PORT_NAMES = ["grpc", "http", "prometheus"] as const;

/** Volumes ModelMesh adds to the pod (no runtime volume may have these names). */
export const RESERVED_VOLUMES = ["storage-config", "etcd-config", "tc-config", "domain-socket", "models-dir"] as const;

/** Volumes a runtime container may not mount (models-dir is mounted at /models for every container). */
export const INTERNAL_ONLY_MOUNTS = ["storage-config", "etcd-config", "tc-config", "domain-socket"] as const;

/** Server types with a built-in adapter (`builtInAdapter.serverType`). */
export const BUILT_IN_SERVER_TYPES = ["triton", "mlserver", "ovms", "torchserve"] as const;

/** A server type with a built-in adapter. */
export type BuiltInServerType = (typeof BUILT_IN_SERVER_TYPES)[number];

/** Defaults of the upstream runtimes' built-in adapters. */
export const ADAPTER_DEFAULTS = { memBufferBytes: 134217728, modelLoadingTimeoutMillis: 90000 } as const;

/** The form of a ModelMesh endpoint (grpcEndpoint, grpcDataEndpoint, httpDataEndpoint). */
export const ENDPOINT_FORM = /^(port:\d{1,5}|unix:\/\S+)$/;

/** The management endpoint the built-in adapter listens on. */
export const DEFAULT_GRPC_ENDPOINT = "port:8085";

/** Where ModelMesh puts the models inside each runtime container. */
export const MODELS_DIR = "/models";

/** Namespace label that turns ModelMesh on for a namespace (ModelMesh and OpenShift AI 2.x). */
export const MODELMESH_ENABLED_LABEL = "modelmesh-enabled";

/** Runtime metadata annotations ModelMesh reads to autoscale a runtime's pods with an HPA. */
export const RUNTIME_SCALING_KEYS = {
  autoscalerClass: KSERVE.autoscalerClass,
  minScale: "serving.kserve.io/min-scale",
  maxScale: "serving.kserve.io/max-scale",
  metric: "serving.kserve.io/metrics",
  targetUtilization: "serving.kserve.io/targetUtilizationPercentage",
} as const;

/** OpenShift AI 2.x runtime annotations for the ModelMesh route (stable-2.x `mm_route_reconciler.go`). */
export const ODH_MODELMESH_KEYS = { enableRoute: "enable-route", enableAuth: "enable-auth" } as const;

/** The shared endpoints every ModelMesh InferenceService is served on. */
export const MODELMESH_SERVICE = { name: "modelmesh-serving", grpcPort: 8033, restPort: 8008 } as const;

/** The fields of `predictor.model` ModelMesh reads. */
export const MODELMESH_MODEL_FIELDS = ["modelFormat", "runtime", "storage", "storageUri"] as const;

/** storageUri schemes ModelMesh can pull from. */
export const MODELMESH_URI_SCHEMES = ["s3://", "gs://", "pvc://", "http://", "https://"] as const;
