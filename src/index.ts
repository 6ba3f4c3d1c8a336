/**
 * kserve-constructs: the framework-agnostic core.
 *
 * Specs (props interfaces with zod schemas), validation and rendering to plain manifest objects.
 * The cdk8s constructs are in `kserve-constructs/cdk8s`, the Pulumi components in `kserve-constructs/pulumi`.
 */
export * from "./core/errors";
export * from "./core/rules/registry";
export type { Json, JsonObject } from "./core/canonical";
export { asCanonical, canonicalize } from "./core/canonical";
export { isPlainObject, mapTree, someInTree } from "./core/tree";
export type { TreeLeaf } from "./core/tree";
export type { Manifest, ObjectMeta, EnvVar, EnvVarSource, KeySelector, Container, ContainerPort, SecurityContext, VolumeMount, Volume, Toleration, ResourceRequirements, Probe } from "./core/k8s";
export * from "./core/names";
export { checkDns1035, checkDns1123Label, checkDns1123Subdomain, checkForeignValidation } from "./core/rules/common";
export { parseQuantity, compareQuantities, isQuantity, formatBytes } from "./core/quantity";
export type { Quantity } from "./core/quantity";
export * from "./core/target";
export type { BuildContext, BuildDraft, BuildResult } from "./core/context";
export { CLUSTER_SCOPED_KINDS, factsOf, isClusterScoped, planOf, shareKeyOf } from "./core/plan";
export type { EmitEntry, EmitPlan, ManifestFacts, ManifestFactsMap, OwnedObject, Ownership, PatchOfExisting, PatchStrategy } from "./core/plan";
export { Registry } from "./core/context";
export { SECRET_OVERLAY_ANNOTATIONS, SYNC_WAVE_ANNOTATION, DEFAULT_SYNC_WAVES, syncWaveOf, withSyncWave, checkSyncWaves, assertSyncWaves } from "./core/gitops";
export type { SyncWaves } from "./core/gitops";
export { READY_CONDITIONS, DEFAULT_READY_TIMEOUT_SECONDS, checkReadiness, readinessOf } from "./core/readiness";
export type { ReadinessProps } from "./core/readiness";
export { checkPropsObject } from "./core/props-object";
export { REFERENCE_FIELDS, isObjectHandle, checkReference, checkCreated, checkOverlayAnnotation, referencedKind } from "./core/references";
export type { ReferenceKind, ReferenceKey, HandleKey, ReferenceSubject, CreatedSubject, OverlayAnnotationSubject } from "./core/references";
export { MANAGED_BY, KSERVE as KSERVE_KEYS, ODH as OPENSHIFT_AI_KEYS } from "./core/keys";
export { MODEL_MOUNT_PATH, substitutePlaceholders } from "./core/templates";
export { checkTemplate } from "./core/runtime/rules";
export type { PlaceholderValues } from "./core/templates";

export { Env, envFactories } from "./core/pod/env";
export type { EnvValue, EnvSource, EnvFactories } from "./core/pod/env";
export type { VolumeProps } from "./core/pod/volumes";
export type { ResourcesProps } from "./core/pod/resources";
export type { ProbeSettings } from "./core/pod/probes";
export type { SecurityProps } from "./core/pod/security";

export { Parameter } from "./core/engine/parameters";
export type { ParameterSpec, ParameterType, ParameterValue, ParameterOptions, NumberParameterOptions, StringParameterOptions } from "./core/engine/parameters";
export type { EngineProtocol, KServeProtocol } from "./core/engine/protocols";
export type { InferenceEngineProps, EngineVersionProps, ModelFormatProps, MetricsProps, OpenShiftAIEngineProps, ImageTarget } from "./core/engine/props";
export { buildInferenceEngine } from "./core/engine/build";
export { importGpuStack, gpuStackPreset, GPUSTACK_FRAMEWORKS, GPU_COUNT_ENV, MODEL_FILE_PARAMETER } from "./core/engine/import/gpustack";
export type { GpuStackBackendDefinition, GpuStackVersionConfig, GpuStackImportProps, ImportResult } from "./core/engine/import/gpustack";
export { importChariot, chariotPreset, CHARIOT_PROTOCOLS, CHARIOT_MODEL_ID_ENV } from "./core/engine/import/chariot";
export type { ChariotEngineVersion, ChariotReadinessProbe, ChariotPredictorEnv, ChariotImportProps } from "./core/engine/import/chariot";
export type { EngineImportProps, DefinitionSource } from "./core/engine/import/source";
export type { EngineScope } from "./core/engine/props";
export { splitCommand } from "./core/engine/import/source";
export type { SplitCommand } from "./core/engine/import/source";

export type { ServingRuntimeProps, ExistingRuntimeOptions } from "./core/runtime/props";
export type { RuntimeInfo, IRuntime, SupportedModelFormat, EngineDetails, DeclaredRuntime } from "./core/runtime/ref";
export { buildServingRuntime, existingRuntime } from "./core/runtime/build";

export { ModelLocation } from "./core/storage/location";
export type { StorageKind } from "./core/storage/location";
export type {
  StorageBaseProps,
  S3StorageProps,
  S3CredentialsProps,
  PvcStorageProps,
  PvcCreateProps,
  OciStorageProps,
  HuggingFaceStorageProps,
  GcsStorageProps,
  AzureBlobStorageProps,
  UriStorageProps,
} from "./core/storage/props";
export type { StorageHandle } from "./core/storage/build";
export { locateChecked, checkPathArgument } from "./core/storage/build";
export { buildS3Storage, buildPvcStorage, buildOciStorage, buildHuggingFaceStorage, buildGcsStorage, buildAzureBlobStorage, buildUriStorage } from "./core/storage/build";

export type { InferenceServiceProps, ScalingProps, Autoscaler, LoggerProps, DeploymentStrategyProps, ExternalMetricProps, EngineMetric, CanaryProps } from "./core/service/props";
export type { ServiceHandle } from "./core/service/build";
export { buildInferenceService } from "./core/service/build";

export { Accelerator, ACCELERATORS, ACCELERATOR_RESOURCES, KSERVE_GPU_RESOURCES, NVIDIA_PRODUCT_LABEL, acceleratorFacts, isAcceleratorResource } from "./core/accelerators";
export type {
  AcceleratorFacts,
  AcceleratorSpec,
  AcceleratorCounts,
  AcceleratorKey,
  Architecture,
  AcceleratorOptions,
  NvidiaOptions,
  GaudiOptions,
  SpyreOptions,
  CustomAcceleratorOptions,
} from "./core/accelerators";

export { Hardware, profileRequest } from "./core/hardware/request";
export type { HardwareRequest, HardwareProfileInfo, ResolvedIdentifier, ResolvedScheduling } from "./core/hardware/request";
export type { HardwareProfileProps, HardwareRequestProps, ResourceBounds, HardwareIdentifierProps, NodeSchedulingProps, QueueSchedulingProps } from "./core/hardware/props";
export { buildHardwareProfile } from "./core/hardware/build";
export { defaultShmSize } from "./core/hardware/apply";
export type { HardwareApplication } from "./core/hardware/apply";

export type { EnginePreset } from "./presets/preset";
export { isEnginePreset } from "./presets/preset";
export { EnginePresets, vllmEngineProps, VLLM_ACCELERATORS, VLLM_UPSTREAM_IMAGE, VLLM_DEFAULT_VERSION } from "./presets/vllm";
export type { VllmPresetProps, VllmAccelerator } from "./presets/vllm";
export type { TensorParallelProps, EngineMultiNodeProps } from "./core/engine/props";
export type { MultiNodeProps } from "./core/service/props";

export { NIM_CATALOGUE_DATE, NIM_MODELS } from "./core/nim/catalogue";
export type { NimModelSpec, NimModelId, NimKind } from "./core/nim/catalogue";
export { NgcSecrets } from "./core/nim/props";
export type { NimProps, NimNgcProps, NimCacheProps, NimAccountProps, NgcApiKeySecret, NgcPullSecret, NimAccountSecret, HfTokenSecret, NamedSecret } from "./core/nim/props";
export { nimStartupSeconds, nimWeightsGi, NIM_STARTUP } from "./core/nim/render";
export { buildNim, buildNimAccount, declareNimRuntime, nimRuntime, nimRuntimeShareKey, nimRuntimeSharing } from "./core/nim/build";
export type { NimHandle, NimAccountHandle, NimRuntimeSharing } from "./core/nim/build";
export { NIM_PROFILE } from "./core/nim/rules";

export type { MultiModelProps, BuiltInAdapterProps, AdapterContainerProps, MultiModelScalingProps } from "./core/modelmesh/props";
export { BUILT_IN_SERVER_TYPES, MODELMESH_ENABLED_LABEL, MODELMESH_SERVICE } from "./core/modelmesh/constants";
export type { BuiltInServerType } from "./core/modelmesh/constants";
export { buildModelMeshNamespace } from "./core/modelmesh/namespace";
export type { ModelMeshNamespaceProps, NamespaceHandle } from "./core/modelmesh/namespace";
export { ModelMeshRuntimes, MODELMESH_RUNTIMES, modelMeshEngineProps } from "./presets/modelmesh";
export type { ModelMeshPresetProps, ModelMeshRuntimeName, ModelMeshRuntimeData } from "./presets/modelmesh";
export { MLServer, mlserverEngineProps, MLSERVER_PORTS } from "./presets/mlserver";
export type { MLServerPresetProps, MLServerModelDefaults } from "./presets/mlserver";
export type { MLServerServerSettings, MLServerModelSettings, MLServerModelParameters } from "./core/mlserver/settings";
export type { SecretKeyProps, StorageConfigProps, StorageConfigEntryProps, StorageConfigSource, StorageConfigJobProps, S3EntryProps, GcsEntryProps, AzureEntryProps, PvcEntryProps } from "./core/storageconfig/props";
export { buildStorageConfig, STORAGE_CONFIG_SECRET, locateInStorageConfig } from "./core/storageconfig/build";
export type { StorageConfigHandle, StorageConfigPathOptions } from "./core/storageconfig/build";
export type { StorageConfigReference } from "./core/storage/location";
export type { ServingMode, ModelServingProps, ModelServingHandle, IModelServing } from "./core/serving/props";
export { buildModelServing } from "./core/serving/build";
export type { ModelFleetProps, FleetModelProps, FleetServiceProps, FleetStorage } from "./core/fleet/props";
export { buildModelFleet } from "./core/fleet/build";
export type { FleetHandle } from "./core/fleet/build";

export * from "./core/llm";
