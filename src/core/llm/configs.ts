/**
 * LLMInferenceServiceConfigs that exist on clusters already: KServe's well-known configs (installed in the
 * controller's namespace, applied by the controller on its own according to the spec's shape) and OpenShift
 * AI 3.x's accelerator presets (opendatahub-io/kserve `config/overlays/odh/accelerators/`), which set the
 * vLLM image for an accelerator and are named in `baseRefs`.
 */

/** KServe's well-known configs (kserve/kserve `config/llmisvcconfig/`). */
export const WELL_KNOWN_LLM_CONFIGS = {
  /** The main workload's pod: vLLM on port 8000, probes, /dev/shm, model cache. */
  template: "kserve-config-llm-template",
  /** The decode workload when prefill is disaggregated. */
  decodeTemplate: "kserve-config-llm-decode-template",
  /** The prefill workload. */
  prefillTemplate: "kserve-config-llm-prefill-template",
  /** Multi-node data parallelism (LeaderWorkerSet leader and workers). */
  workerDataParallel: "kserve-config-llm-worker-data-parallel",
  /** Multi-node data parallelism of the decode workload. */
  decodeWorkerDataParallel: "kserve-config-llm-decode-worker-data-parallel",
  /** Multi-node data parallelism of the prefill workload. */
  prefillWorkerDataParallel: "kserve-config-llm-prefill-worker-data-parallel",
  /** The managed HTTPRoute. */
  routerRoute: "kserve-config-llm-router-route",
  /** The managed scheduler (endpoint picker) and InferencePool. */
  scheduler: "kserve-config-llm-scheduler",
  /** The scheduler with the latency predictor (KServe 0.20 and later). */
  schedulerLatencyPredictor: "kserve-config-llm-scheduler-latency-predictor",
  /** The scheduler's tokenizer (KServe 0.20 and later; used from 0.21). */
  tokenizer: "kserve-config-llm-tokenizer",
  /** Tracing (KServe 0.20 and later). */
  tracing: "kserve-config-llm-tracing",
} as const;

/** A well-known config's key. */
export type WellKnownLLMConfig = keyof typeof WELL_KNOWN_LLM_CONFIGS;

/**
 * OpenShift AI 3.x's accelerator presets: the config name, the accelerator resource it is for, and the
 * first release that ships it. OpenShift AI 3.3 ships the AMD one only; 3.4 one per accelerator; 3.5 adds
 * NVIDIA presets per topology (single node, multi-node data parallel, each with or without prefill/decode).
 */
export const OPENSHIFT_AI_LLM_CONFIGS = {
  nvidiaCuda: { name: "kserve-config-llm-template-nvidia-cuda", resource: "nvidia.com/gpu", since: "3.4", topology: "any" },
  nvidiaCudaSingleNode: { name: "kserve-config-llm-single-node-template-nvidia-cuda", resource: "nvidia.com/gpu", since: "3.5", topology: "single-node" },
  nvidiaCudaSingleNodePD: { name: "kserve-config-llm-single-node-pd-template-nvidia-cuda", resource: "nvidia.com/gpu", since: "3.5", topology: "single-node-pd" },
  nvidiaCudaMultiNode: { name: "kserve-config-llm-multi-node-template-nvidia-cuda", resource: "nvidia.com/gpu", since: "3.5", topology: "multi-node-data-parallel" },
  nvidiaCudaMultiNodePD: { name: "kserve-config-llm-multi-node-pd-template-nvidia-cuda", resource: "nvidia.com/gpu", since: "3.5", topology: "multi-node-data-parallel-pd" },
  amdRocm: { name: "kserve-config-llm-template-amd-rocm", resource: "amd.com/gpu", since: "3.3", topology: "single-node" },
  intelGaudi: { name: "kserve-config-llm-template-intel-gaudi", resource: "habana.ai/gaudi", since: "3.4", topology: "single-node" },
  ibmSpyreX86: { name: "kserve-config-llm-template-ibm-spyre-x86", resource: "ibm.com/spyre_pf", since: "3.4", topology: "single-node" },
  ibmSpyreS390x: { name: "kserve-config-llm-template-ibm-spyre-s390x", resource: "ibm.com/spyre_vf", since: "3.4", topology: "single-node" },
  ibmSpyrePpc64le: { name: "kserve-config-llm-template-ibm-spyre-ppc64le", resource: "ibm.com/spyre_pf", since: "3.4", topology: "single-node" },
} as const satisfies Readonly<Record<string, { name: string; resource: string; since: string; topology: string }>>;

/** An OpenShift AI preset's key. */
export type OpenShiftAILLMConfig = keyof typeof OPENSHIFT_AI_LLM_CONFIGS;

/** A config named by `baseRefs` (what `LLMConfigs.*` return). */
export interface LLMConfigName {
  /** The LLMInferenceServiceConfig's name. */
  readonly configName: string;
  /** Where it comes from: KServe's well-known configs or OpenShift AI's presets. */
  readonly source: "kserve" | "openshift-ai";
}

function named<K extends string>(table: Readonly<Record<K, string>>, source: LLMConfigName["source"]): Readonly<Record<K, LLMConfigName>> {
  const out = {} as Record<K, LLMConfigName>;
  for (const key of Object.keys(table) as K[]) out[key] = { configName: table[key], source };
  return out;
}

const odhNames = {} as Record<OpenShiftAILLMConfig, string>;
for (const key of Object.keys(OPENSHIFT_AI_LLM_CONFIGS) as OpenShiftAILLMConfig[]) odhNames[key] = OPENSHIFT_AI_LLM_CONFIGS[key].name;

/**
 * Typed names of configs that exist on clusters, for `baseRefs`:
 * `LLMConfigs.kserve.schedulerLatencyPredictor`, `LLMConfigs.openshiftAI.amdRocm`, ...
 */
export const LLMConfigs = {
  /** KServe's well-known configs. */
  kserve: named(WELL_KNOWN_LLM_CONFIGS, "kserve"),
  /** OpenShift AI 3.x's accelerator presets. */
  openshiftAI: named(odhNames, "openshift-ai"),
} as const;

/** The OpenShift AI preset with this config name, if it is one. */
export function openshiftAIPreset(name: string): (typeof OPENSHIFT_AI_LLM_CONFIGS)[OpenShiftAILLMConfig] | undefined {
  return Object.values(OPENSHIFT_AI_LLM_CONFIGS).find((c) => c.name === name);
}
