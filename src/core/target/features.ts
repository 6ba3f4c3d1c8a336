/**
 * What each KServe release added. One table, used by every rule that gates on the target version.
 * Versions are the first minor release containing the feature (KServe release notes and sources).
 */

/** Features the library emits that not every KServe release has. */
export const KSERVE_FEATURES = {
  "mode-names-standard-knative": { since: "0.16", what: "the deployment mode names Standard and Knative" },
  "storage-spec": { since: "0.9", what: "predictor.model.storage (key and path in the storage-config Secret)" },
  "runtime-image-pull-secrets": { since: "0.10", what: "imagePullSecrets on ServingRuntimes" },
  "prometheus-annotations": { since: "0.10", what: "the prometheus.kserve.io runtime annotations and serving.kserve.io/enable-prometheus-scraping" },
  "autoscaler-external": { since: "0.12", what: 'the autoscaler class "external"' },
  "storage-oci": { since: "0.12", what: "oci:// model storage (modelcar)" },
  "deployment-strategy": { since: "0.13", what: "deploymentStrategy on components" },
  "storage-hf": { since: "0.14", what: "hf:// model storage (Hugging Face Hub)" },
  "runtime-host-ipc": { since: "0.14", what: "hostIPC on ServingRuntimes" },
  "autoscaler-keda": { since: "0.15", what: 'the autoscaler class "keda" and the autoScaling field' },
  "multi-node": { since: "0.15", what: "multi-node serving (workerSpec, pipelineParallelSize, tensorParallelSize)" },
  "autoscaler-none": { since: "0.16", what: 'the autoscaler class "none"' },
  "storage-uris": { since: "0.16", what: "storageUris (several model sources)" },
  "multinode-executor-backend": { since: "0.18", what: "the multinode/executor-backend runtime annotation" },
  "storage-oci-native": { since: "0.20", what: "oci+native:// model storage (Kubernetes image volumes)" },
  "canary-predictors": { since: "0.20", what: "spec.canary and predictor.name (Standard-mode canary predictors)" },
  "storage-oci-fetch": { since: "0.21", what: "oci+fetch:// model storage" },
  "storage-modelscope": { since: "0.21", what: "modelscope:// model storage" },
  "runtime-resource-claims": { since: "0.21", what: "resourceClaims on ServingRuntimes (dynamic resource allocation)" },
} as const satisfies Record<string, { since: string; what: string }>;

/** A feature id. */
export type KServeFeature = keyof typeof KSERVE_FEATURES;

/** The oldest KServe release the library renders for (ServingRuntimes and predictor.model arrived in 0.8). */
export const MIN_KSERVE_VERSION = "0.8";

/** The current KServe release, the default target. */
export const CURRENT_KSERVE_VERSION = "0.20";

/** The default OpenShift AI release. */
export const CURRENT_OPENSHIFT_AI_VERSION = "3.0";

/**
 * The KServe level each OpenShift AI release behaves as (its KServe fork): used when the target names
 * an OpenShift AI release and no KServe version. 2.16 is based on KServe 0.14, 2.19 to 2.25 on 0.15;
 * 3.0 to 3.3 run a 0.16-era fork that still uses the legacy mode names, so they are treated as 0.15;
 * 3.4 and later are based on 0.17.
 */
export const OPENSHIFT_AI_KSERVE: readonly { readonly from: string; readonly kserve: string }[] = [
  { from: "2.0", kserve: "0.14" },
  { from: "2.19", kserve: "0.15" },
  { from: "3.4", kserve: "0.17" },
];
