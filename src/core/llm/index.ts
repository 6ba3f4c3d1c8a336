/**
 * LLMInferenceService and LLMInferenceServiceConfig (KServe's llm-d based serving of large language models).
 */
export type * from "./props";
export { buildLLMInferenceService, buildLLMInferenceServiceConfig } from "./build";
export type { LLMServiceHandle, LLMConfigHandle } from "./build";
export { LLMConfigs, WELL_KNOWN_LLM_CONFIGS, OPENSHIFT_AI_LLM_CONFIGS } from "./configs";
export type { LLMConfigName, WellKnownLLMConfig, OpenShiftAILLMConfig } from "./configs";
export { LLM_FEATURES, LLM_SINCE, llmApiVersion, llmSupports, hasLLMInferenceService } from "./features";
export type { LLMFeature } from "./features";
export { workloadSelector, DRA_ANNOTATIONS, HTTPROUTE_API_VERSION, INFERENCE_POOL_API_VERSION, INFERENCE_OBJECTIVE_API_VERSION, INFERENCE_MODEL_REWRITE_API_VERSION } from "./render";
export { DERIVED_SUFFIXES, devicesPerPod } from "./rules";
export { buildLanguageModel } from "./switch";
export type { LanguageModelProps, LanguageModelHandle, LanguageModelServing } from "./switch";
export type { ResolvedWorkload } from "./resolve";
