/**
 * Which LLMInferenceService API a target serves: the API version the library writes and the fields that
 * exist there. Read from the CRDs of each release (../shared/crds): upstream KServe 0.17.1 and 0.20.0, the
 * level after 0.20 (the library's 0.21), and OpenShift AI's forks 3.0, 3.4 and 3.5.
 *
 * - KServe 0.16 introduced the resource as `v1alpha1` (experimental); the OpenShift AI 3.0 to 3.3 forks
 *   serve that level: model, replicas, parallelism, template, worker, prefill, router (scheduler: pool and
 *   template only), baseRefs.
 * - KServe 0.17 (OpenShift AI 3.4) serves `v1alpha2` (storage version) and adds pod labels and annotations,
 *   WVA `scaling`, `storageInitializer`, and the scheduler's config, replicas, labels and annotations.
 * - KServe 0.20 (OpenShift AI 3.5) adds `tracing`, `kvCacheOffloading` and `model.confidential` (v1alpha2
 *   only), and its controller and webhook handle managed DRA annotations; OpenShift AI 3.5
 *   also has `router.scheduler.tokenizer`.
 * - After 0.20 (0.21): `rolloutStrategy`, direct `scaling.keda`, `router.scheduler.tokenizer`.
 */
import type { Target } from "../target/resolve";
import { describeTarget } from "../target/resolve";
import { atLeast, formatVersion } from "../target/version";

/** The group of LLMInferenceService and LLMInferenceServiceConfig. */
export const LLM_GROUP = "serving.kserve.io";

/** Fields and features that not every target has. */
export type LLMFeature = "v1alpha2" | "pod-metadata" | "scaling-wva" | "storage-initializer" | "scheduler-settings" | "tracing" | "kv-cache-offloading" | "rollout-strategy" | "scaling-keda" | "scheduler-tokenizer" | "confidential" | "managed-dra";

/** What each feature is and where it starts (upstream KServe, OpenShift AI). */
export const LLM_FEATURES: Readonly<Record<LLMFeature, { readonly what: string; readonly kserve: string; readonly openshiftAI: string }>> = {
  v1alpha2: { what: "the serving.kserve.io/v1alpha2 LLMInferenceService API", kserve: "0.17", openshiftAI: "3.4" },
  "pod-metadata": { what: "pod labels and annotations of LLMInferenceService workloads", kserve: "0.17", openshiftAI: "3.4" },
  "scaling-wva": { what: "LLMInferenceService scaling with the Workload Variant Autoscaler (scaling.wva)", kserve: "0.17", openshiftAI: "3.4" },
  "storage-initializer": { what: "LLMInferenceService storageInitializer", kserve: "0.17", openshiftAI: "3.4" },
  "scheduler-settings": { what: "the scheduler's config, replicas, labels and annotations (router.scheduler)", kserve: "0.17", openshiftAI: "3.4" },
  tracing: { what: "LLMInferenceService tracing", kserve: "0.20", openshiftAI: "3.5" },
  "kv-cache-offloading": { what: "KV-cache offloading (kvCacheOffloading)", kserve: "0.20", openshiftAI: "3.5" },
  "rollout-strategy": { what: "LLMInferenceService rolloutStrategy", kserve: "0.21", openshiftAI: "99.0" },
  "scaling-keda": { what: "direct KEDA scaling of LLMInferenceServices (scaling.keda)", kserve: "0.21", openshiftAI: "99.0" },
  "scheduler-tokenizer": { what: "the scheduler's tokenizer (router.scheduler.tokenizer)", kserve: "0.21", openshiftAI: "3.5" },
  confidential: { what: "confidential models (model.confidential)", kserve: "0.20", openshiftAI: "3.5" },
  "managed-dra": { what: "managed dynamic resource allocation (the serving.kserve.io/exp-dra-* annotations)", kserve: "0.20", openshiftAI: "3.5" },
};

/** The first upstream KServe release with LLMInferenceService, and the first OpenShift AI release. */
export const LLM_SINCE = { kserve: "0.16", openshiftAI: "3.0" } as const;

/** True when the target has LLMInferenceService at all. */
export function hasLLMInferenceService(target: Target): boolean {
  return target.openshiftAI !== undefined ? atLeast(target.openshiftAI.version, LLM_SINCE.openshiftAI) : atLeast(target.kserve, LLM_SINCE.kserve);
}

/** True when the target has `feature`. OpenShift AI follows its fork's CRDs, not the upstream level it is based on. */
export function llmSupports(target: Target, feature: LLMFeature): boolean {
  const f = LLM_FEATURES[feature];
  return target.openshiftAI !== undefined ? atLeast(target.openshiftAI.version, f.openshiftAI) : atLeast(target.kserve, f.kserve);
}

/** The API version the library writes for the target. */
export function llmApiVersion(target: Target): string {
  return `${LLM_GROUP}/${llmSupports(target, "v1alpha2") ? "v1alpha2" : "v1alpha1"}`;
}

/** The first release with `feature`, as a phrase. */
function since(target: Target, feature: LLMFeature): string {
  const f = LLM_FEATURES[feature];
  if (target.openshiftAI !== undefined) return f.openshiftAI === "99.0" ? "a later OpenShift AI release (upstream KServe after 0.20 has it)" : `OpenShift AI ${f.openshiftAI}`;
  return f.kserve === "0.21" ? "KServe after 0.20 (0.21)" : `KServe ${f.kserve}`;
}

/** Why the target lacks `feature` and how to fix it, or `undefined` when it has it. */
export function missingLLMFeature(target: Target, feature: LLMFeature, path: string): { message: string; fix: string } | undefined {
  if (llmSupports(target, feature)) return undefined;
  return {
    message: `${LLM_FEATURES[feature].what} needs ${since(target, feature)}; the target is ${describeTarget(target)}`,
    fix: `upgrade to ${since(target, feature)} and set the target, or drop ${path}`,
  };
}

/** What the target is and what LLMInferenceService needs, when the target has none. */
export function llmUnavailable(target: Target): { value: string; message: string } | undefined {
  if (hasLLMInferenceService(target)) return undefined;
  const odh = target.openshiftAI;
  return {
    value: odh !== undefined ? `OpenShift AI ${formatVersion(odh.version)}` : `KServe ${formatVersion(target.kserve)}`,
    message: `LLMInferenceService needs ${odh !== undefined ? `OpenShift AI ${LLM_SINCE.openshiftAI}` : `KServe ${LLM_SINCE.kserve}`} or later; the target is ${describeTarget(target)}`,
  };
}
