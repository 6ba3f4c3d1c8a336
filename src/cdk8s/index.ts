/**
 * kserve-constructs/cdk8s: the cdk8s constructs.
 */
import "./peers"; // first: a missing peer is one clear error, not a "Cannot find module" from inside
export * from "../index";
export { MissingPeerDependencyError } from "../peers";
export { KServeTarget } from "./target";
export { GitOps } from "./gitops";
export { Env } from "./env";
export type { ConfigMapReference } from "./env";
export type { GitOpsProps } from "./gitops";
export type { ObjectHandle, SecretReference, ClaimReference, ServiceAccountReference, ServiceAccountClass, ClaimClass, WithHandles, WithHandle } from "./plus";
export { InferenceEngine } from "./inference-engine";
export { ServingRuntime } from "./serving-runtime";
export { ModelStorage } from "./model-storage";
export { InferenceService } from "./inference-service";
export { StorageConfig } from "./storage-config";
export { ModelServing } from "./model-serving";
export { ModelFleet } from "./model-fleet";
export { ModelMeshNamespace } from "./modelmesh-namespace";
export { HardwareProfile } from "./hardware-profile";
export { Nim, NimAccount } from "./nim";
export type { NimPresetProps } from "./nim";
export { issuesOf } from "./state";
export { OutputError, markOutputFolder, synthAtomically } from "./synth";
export type { AtomicSynthOptions, AtomicSynthResult, RecoveryReport } from "./synth";
export { LanguageModel, LLMInferenceService, LLMInferenceServiceConfig } from "./llm-inference-service";
export type { OutputErrorReason } from "../output/errors";
export type { OutputFs, EntryKind } from "../output/fs";
