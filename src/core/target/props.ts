/**
 * The platform a spec is rendered for: the KServe version and whether the cluster runs OpenShift AI.
 * Set once per app or chart; every construct may override it.
 */

/** OpenShift AI (Red Hat OpenShift AI / Open Data Hub) settings of a target. */
export interface OpenShiftAIProps {
  /**
   * The OpenShift AI release, `"major.minor"` (for example `"2.25"` or `"3.0"`). Releases before 3.0
   * still reconcile Knative (Serverless) and ModelMesh; 3.0 and later reconcile Standard mode only.
   * @default "3.0"
   */
  readonly version?: string;
  /**
   * The namespace OpenShift AI keeps its shared objects in (dashboard templates and hardware profiles).
   * @default "redhat-ods-applications"
   */
  readonly applicationsNamespace?: string;
}

/** Where the manifests go. */
export interface TargetProps {
  /**
   * The KServe version of the cluster, `"major.minor"` (for example `"0.15"`). It decides the names
   * that changed between versions (deployment modes were renamed in 0.16) and which features exist.
   * @default "0.20" (the current KServe release)
   */
  readonly kserveVersion?: string;
  /**
   * The Kubernetes version of the cluster, `"major.minor"` (for example `"1.33"`). It decides what the
   * API server accepts where Kubernetes changed its validation: from 1.32 (RelaxedEnvironmentVariableValidation,
   * beta and on by default; GA in 1.34) an environment variable name may be any printable ASCII text
   * without `=`; before, only letters, digits, `_`, `-` and `.`, not starting with a digit.
   * @default unknown: the rules every supported Kubernetes version accepts (the stricter, older ones)
   */
  readonly kubernetesVersion?: string;
  /**
   * Whether the cluster runs OpenShift AI: `true` for the current release, or its settings.
   * On OpenShift AI the library emits the metadata its dashboard and controllers read, and applies its
   * rules (53-character InferenceService names, the modes the release reconciles, exposure and auth).
   * @default false
   */
  readonly openshiftAI?: boolean | OpenShiftAIProps;
  /**
   * Knative feature flags enabled in the cluster's `config-features` ConfigMap (for example
   * `"kubernetes.podspec-tolerations"`). Knative mode rejects pod fields whose flag is off.
   * @default [] (Knative's defaults)
   */
  readonly knativeFeatures?: readonly string[];
  /**
   * Whether the cluster runs ModelMesh Serving (multi-model serving, `deploymentMode: "ModelMesh"`).
   * OpenShift AI releases before 3.0 ship it; OpenShift AI 3.0 removed it (an error whatever this says);
   * on upstream KServe it is a separate install (kserve/modelmesh-serving, archived upstream), so say
   * `true` when the cluster has it.
   * @default true on OpenShift AI before 3.0, false otherwise
   */
  readonly modelMesh?: boolean;
}
