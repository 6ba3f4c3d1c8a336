/**
 * What each KServe release added. One table, used by every rule that gates on the target version.
 * Versions are the first minor release containing the feature (KServe release notes and sources).
 */

/** What the table says of a feature. */
export interface KServeFeatureFacts {
  /** The first KServe minor release with it. */
  readonly since: string;
  /** What it is, as errors name it. */
  readonly what: string;
  /**
   * The CRD fields that carry it, `Kind:path` (`[]` for array items), absent before `since` and present
   * from it in each release's CRDs (a test walks them). Features that are annotations, URI schemes or
   * mode names have none.
   * @default none
   */
  readonly crd?: readonly string[];
}

/** Features the library emits that not every KServe release has. */
export const KSERVE_FEATURES = {
  "mode-names-standard-knative": { since: "0.16", what: "the deployment mode names Standard and Knative" },
  "storage-spec": { since: "0.9", what: "predictor.model.storage (key and path in the storage-config Secret)", crd: ["InferenceService:spec.predictor.model.storage"] },
  "runtime-image-pull-secrets": { since: "0.10", what: "imagePullSecrets on ServingRuntimes", crd: ["ServingRuntime:spec.imagePullSecrets", "ClusterServingRuntime:spec.imagePullSecrets"] },
  "prometheus-annotations": { since: "0.10", what: "the prometheus.kserve.io runtime annotations and serving.kserve.io/enable-prometheus-scraping" },
  "autoscaler-external": { since: "0.12", what: 'the autoscaler class "external"' },
  "storage-oci": { since: "0.12", what: "oci:// model storage (modelcar)" },
  "deployment-strategy": { since: "0.13", what: "deploymentStrategy on components", crd: ["InferenceService:spec.predictor.deploymentStrategy"] },
  "storage-hf": { since: "0.14", what: "hf:// model storage (Hugging Face Hub)" },
  "runtime-host-ipc": { since: "0.14", what: "hostIPC on ServingRuntimes", crd: ["ServingRuntime:spec.hostIPC", "ClusterServingRuntime:spec.hostIPC"] },
  "runtime-scheduler-name": { since: "0.17", what: "schedulerName on ServingRuntimes (pods of every InferenceService of the runtime)", crd: ["ServingRuntime:spec.schedulerName", "ClusterServingRuntime:spec.schedulerName"] },
  "autoscaler-keda": { since: "0.15", what: 'the autoscaler class "keda" and the autoScaling field', crd: ["InferenceService:spec.predictor.autoScaling.metrics[].external.metric.query"] },
  "autoscaling-external-auth": { since: "0.16", what: "authenticationRef on external autoScaling metrics (a KEDA TriggerAuthentication)", crd: ["InferenceService:spec.predictor.autoScaling.metrics[].external.authenticationRef.authenticationRef.name"] },
  "multi-node": { since: "0.15", what: "multi-node serving (workerSpec, pipelineParallelSize, tensorParallelSize)", crd: ["InferenceService:spec.predictor.workerSpec.pipelineParallelSize", "ServingRuntime:spec.workerSpec.tensorParallelSize"] },
  // "none" arrived in the 0.15.2 patch release, where multi-node began to require it (0.15.0 and 0.15.1 required "external")
  "autoscaler-none": { since: "0.15", what: 'the autoscaler class "none" (KServe 0.15.2)' },
  "storage-uris": { since: "0.16", what: "storageUris (several model sources)", crd: ["InferenceService:spec.predictor.storageUris[].uri"] },
  "multinode-executor-backend": { since: "0.18", what: "the multinode/executor-backend runtime annotation" },
  "storage-oci-native": { since: "0.20", what: "oci+native:// model storage (Kubernetes image volumes)" },
  "canary-predictors": { since: "0.20", what: "spec.canary and predictor.name (Standard-mode canary predictors)", crd: ["InferenceService:spec.canary[].trafficPercent", "InferenceService:spec.canary[].predictor.name", "InferenceService:spec.predictor.name"] },
  "storage-oci-fetch": { since: "0.21", what: "oci+fetch:// model storage" },
  "storage-modelscope": { since: "0.21", what: "modelscope:// model storage" },
  "runtime-resource-claims": { since: "0.21", what: "resourceClaims on ServingRuntimes (dynamic resource allocation)", crd: ["ServingRuntime:spec.resourceClaims", "ClusterServingRuntime:spec.resourceClaims"] },
} as const satisfies Record<string, KServeFeatureFacts>;

/** A feature id. */
export type KServeFeature = keyof typeof KSERVE_FEATURES;

/** The oldest KServe release the library renders for (ServingRuntimes and predictor.model arrived in 0.8). */
export const MIN_KSERVE_VERSION = "0.8";

/** The current KServe release, the default target. */
export const CURRENT_KSERVE_VERSION = "0.20";

/** The default OpenShift AI release (when `target.openshiftAI` is `true`). */
export const CURRENT_OPENSHIFT_AI_VERSION = "3.0";

/** A line of OpenShift AI releases that behave the same for the library. */
export interface OpenShiftAIRelease {
  /** The first release of the line ("major.minor"). */
  readonly from: string;
  /** The last release of the line ("major.minor"). */
  readonly to: string;
  /** The upstream KServe level of the line's KServe fork (opendatahub-io/kserve). */
  readonly kserve: string;
  /** The fork's branch or tag. */
  readonly fork: string;
  /** The version of `infrastructure.opendatahub.io` HardwareProfile the operator serves. */
  readonly hardwareProfileVersion: "v1alpha1" | "v1";
  /** Whether the release ships ModelMesh (multi-model serving). */
  readonly modelMesh: boolean;
  /** Whether the release reconciles Knative (Serverless) mode. */
  readonly knative: boolean;
  /** Features the fork has although its upstream level does not (backports). */
  readonly adds: readonly KServeFeature[];
  /** Features of its upstream level that the fork lacks. */
  readonly lacks: readonly KServeFeature[];
}

/**
 * The OpenShift AI releases the library supports, from the forks' own CRDs (../shared/crds/kserve-releases):
 * - 2.25, the last 2.x release: KServe 0.15 fork (branch stable-2.x), ModelMesh and Knative (Serverless),
 *   HardwareProfile `infrastructure.opendatahub.io/v1alpha1` only (the 2.x operator, Open Data Hub 2.35);
 *   the fork has external-metric `authenticationRef` (upstream from 0.16) and no ServingRuntime
 *   `schedulerName` (upstream from 0.17);
 * - 3.0 to 3.3: KServe 0.15 fork (tag odh-v3.0), the same API as 2.x's fork; Standard mode only, no
 *   ModelMesh, HardwareProfile `v1`;
 * - 3.4: KServe 0.17 fork (odh-v3.4);
 * - 3.5: KServe 0.20 fork (odh-v3.5), which also has ServingRuntime `resourceClaims` (upstream after 0.20).
 * Earlier 2.x releases are out of support (before the infrastructure HardwareProfile they used the
 * dashboard's AcceleratorProfile and legacy profile kinds, which the operator now refuses); later
 * releases are refused until their fork's CRDs are known.
 */
export const OPENSHIFT_AI_RELEASES: readonly OpenShiftAIRelease[] = [
  { from: "2.25", to: "2.25", kserve: "0.15", fork: "stable-2.x", hardwareProfileVersion: "v1alpha1", modelMesh: true, knative: true, adds: ["autoscaling-external-auth"], lacks: [] },
  { from: "3.0", to: "3.3", kserve: "0.15", fork: "odh-v3.0", hardwareProfileVersion: "v1", modelMesh: false, knative: false, adds: ["autoscaling-external-auth"], lacks: [] },
  { from: "3.4", to: "3.4", kserve: "0.17", fork: "odh-v3.4", hardwareProfileVersion: "v1", modelMesh: false, knative: false, adds: [], lacks: [] },
  { from: "3.5", to: "3.5", kserve: "0.20", fork: "odh-v3.5", hardwareProfileVersion: "v1", modelMesh: false, knative: false, adds: ["runtime-resource-claims"], lacks: [] },
];

/** The oldest OpenShift AI release the library supports. */
export const MIN_OPENSHIFT_AI_VERSION = "2.25";

/** The newest OpenShift AI release the library knows. */
export const NEWEST_OPENSHIFT_AI_VERSION = "3.5";
