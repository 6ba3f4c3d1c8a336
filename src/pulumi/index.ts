/**
 * kserve-constructs/pulumi: the Pulumi components (ComponentResources over the same core as the cdk8s
 * constructs, so the same props give the same manifests).
 */
import "./peers"; // first: a missing peer is one clear error, not a "Cannot find module" from inside
export * from "../index";
export { MissingPeerDependencyError } from "../peers";
export { KServeTarget, KServeProgram } from "./program";
export { KServeComponent } from "./component";
export type { BuildFunction, ComponentOptions } from "./component";
export { RuntimeComponent } from "./runtime-component";
export { PULUMI_WAIT_FOR, PULUMI_TIMEOUT_SECONDS, awaitAnnotations } from "./readiness";
export type { ReadinessArgs } from "./readiness";
export type { SecretInput, ClaimInput, ServiceAccountInput } from "./references";
export { Env } from "./env";
export type { Inputify, ArgOf, ImageArg, Widened } from "./args";
export type { ConfigMapInput } from "./env";
export { InferenceEngine } from "./inference-engine";
export type { InferenceEngineArgs, EngineVersionArgs, EnvInput, PresetArgs, VllmPresetArgs, GpuStackImportArgs, ChariotImportArgs } from "./inference-engine";
export { ServingRuntime } from "./serving-runtime";
export type { ServingRuntimeArgs } from "./serving-runtime";
export { ModelStorage } from "./model-storage";
export type {
  StorageArgs,
  S3StorageArgs,
  S3CredentialsArgs,
  PvcStorageArgs,
  OciStorageArgs,
  HuggingFaceStorageArgs,
  GcsStorageArgs,
  AzureBlobStorageArgs,
  UriStorageArgs,
} from "./model-storage";
export { HardwareProfile } from "./hardware-profile";
export type { HardwareProfileArgs } from "./hardware-profile";
export { InferenceService } from "./inference-service";
export type { InferenceServiceArgs } from "./inference-service";
export { Nim, NimAccount } from "./nim";
export type { NimArgs, NimPresetArgs, NimNgcArgs, NimAccountArgs, SecretRefArgs } from "./nim";
export { StorageConfig } from "./storage-config";
export type { StorageConfigArgs, StorageConfigEntryArgs, StorageConfigJobArgs, EntryArgs, CredentialsArgs } from "./storage-config";
export { ModelServing } from "./model-serving";
export type { ModelServingArgs } from "./model-serving";
export { ModelFleet } from "./model-fleet";
export type { ModelFleetArgs } from "./model-fleet";
export { ModelMeshNamespace } from "./modelmesh-namespace";
export type { ModelMeshNamespaceArgs } from "./modelmesh-namespace";
export { LanguageModel, LLMInferenceService, LLMInferenceServiceConfig } from "./llm-inference-service";
export type { LanguageModelArgs, LLMInferenceServiceArgs, LLMInferenceServiceConfigArgs } from "./llm-inference-service";
