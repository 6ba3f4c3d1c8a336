/**
 * Label and annotation keys the library emits, in one place.
 */

/** Set on every object the library renders. */
export const MANAGED_BY = { key: "app.kubernetes.io/managed-by", value: "kserve-constructs" } as const;

/** KServe keys. */
export const KSERVE = {
  deploymentMode: "serving.kserve.io/deploymentMode",
  autoscalerClass: "serving.kserve.io/autoscalerClass",
  enablePrometheusScraping: "serving.kserve.io/enable-prometheus-scraping",
  enableMetricAggregation: "serving.kserve.io/enable-metric-aggregation",
  knativeTarget: "autoscaling.knative.dev/target",
  prometheusPort: "prometheus.kserve.io/port",
  prometheusPath: "prometheus.kserve.io/path",
  storageReadonly: "storage.kserve.io/readonly",
  storageSecretName: "serving.kserve.io/storageSecretName",
  visibility: "networking.kserve.io/visibility",
  knativeVisibility: "networking.knative.dev/visibility",
  knativeClass: "autoscaling.knative.dev/class",
  gpuResourceTypes: "serving.kserve.io/gpu-resource-types",
  s3Endpoint: "serving.kserve.io/s3-endpoint",
  s3UseHttps: "serving.kserve.io/s3-usehttps",
  s3Region: "serving.kserve.io/s3-region",
  s3VerifySsl: "serving.kserve.io/s3-verifyssl",
  s3UseVirtualBucket: "serving.kserve.io/s3-usevirtualbucket",
  s3UseAnonymousCredential: "serving.kserve.io/s3-useanoncredential",
  s3CaBundleConfigMap: "serving.kserve.io/s3-cabundle-configmap",
  s3CaBundle: "serving.kserve.io/s3-cabundle",
} as const;

/** OpenShift AI (Open Data Hub) keys. */
export const ODH = {
  dashboard: "opendatahub.io/dashboard",
  displayName: "openshift.io/display-name",
  description: "openshift.io/description",
  apiProtocol: "opendatahub.io/apiProtocol",
  modelServingSupport: "opendatahub.io/modelServingSupport",
  modelType: "opendatahub.io/model-type",
  recommendedAccelerators: "opendatahub.io/recommended-accelerators",
  runtimeVersion: "opendatahub.io/runtime-version",
  enableAuth: "security.opendatahub.io/enable-auth",
  hardwareProfileName: "opendatahub.io/hardware-profile-name",
  hardwareProfileNamespace: "opendatahub.io/hardware-profile-namespace",
  prometheusPort: "prometheus.io/port",
  prometheusPath: "prometheus.io/path",
} as const;
