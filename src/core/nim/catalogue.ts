/**
 * NVIDIA NIM catalogue: the models NVIDIA publishes KServe examples for, with what each needs.
 * Resources, /dev/shm sizes and GPU counts follow NVIDIA's KServe recipes (nim-deploy); GPU counts are
 * the per-pod counts those recipes deploy the model with.
 *
 * Image tags: the newest release of each model's NIM on the 1.x container line, the line NVIDIA's
 * KServe recipes and this library's NIM runtime (port 8000, NIM_CACHE_PATH under /mnt/models) are
 * written for. Facts as of {@link NIM_CATALOGUE_DATE}, from NVIDIA's NIM for LLMs documentation (model
 * and version tables, release notes), NVIDIA's nim-deploy and k8s-nim-operator repositories and public
 * deployments of the images. The Llama 3.1 8B and 70B NIMs also have model-specific containers on the
 * re-architected 2.x line (2.1.5 and later, {@link NimModelSpec.newerLine}); the library does not pick
 * those by default because their runtime contract differs (one vLLM backend, new configuration); set
 * `version` on the NIM to use one. Older models (Llama 3, Mistral, Mixtral) have had no release
 * since the tags here.
 */

/** The date the image tags of the catalogue were checked. */
export const NIM_CATALOGUE_DATE = "2026-12-01";

/** What a NIM model is for. */
export type NimKind = "llm" | "embedding" | "reranking";

/** One NIM model. */
export interface NimModelSpec {
  /** Catalogue id, also the base of object names, for example `llama-3.1-8b-instruct`. */
  readonly id: string;
  /** Human name. */
  readonly displayName: string;
  /** LLM, embedding or reranking. */
  readonly kind: NimKind;
  /** Image repository on nvcr.io, without tag. */
  readonly image: string;
  /** Image tag (the NIM version): the newest 1.x release as of {@link NIM_CATALOGUE_DATE}. */
  readonly version: string;
  /**
   * The newest tag on NVIDIA's re-architected 2.x NIM line, for models that have one (not the default).
   * @default none (the model has no 2.x container)
   */
  readonly newerLine?: string;
  /** GPU counts per pod the model's profiles support. */
  readonly gpuCounts: readonly number[];
  /** Size of the memory-backed /dev/shm. */
  readonly shmSize: string;
  /** CPU and memory of the serving container. */
  readonly resources: { readonly requests: Readonly<Record<string, string>>; readonly limits: Readonly<Record<string, string>> };
  /**
   * Approximate size of the weights (16-bit, 2 bytes per parameter): it sizes the startup budget of a
   * start that downloads them.
   * @default estimated from the id ("8b", "8x22b"), else 16Gi
   */
  readonly weightsSize?: string;
}

const llmResources: NimModelSpec["resources"] = { requests: { cpu: "12", memory: "32Gi" }, limits: { cpu: "12", memory: "32Gi" } };
const retrieverResources: NimModelSpec["resources"] = { requests: { cpu: "4", memory: "16Gi" }, limits: { cpu: "16", memory: "32Gi" } };

function llm(id: string, displayName: string, publisher: string, version: string, gpuCounts: number[], weightsSize: string, resources: NimModelSpec["resources"] = llmResources, newerLine?: string): NimModelSpec {
  return { id, displayName, kind: "llm", image: `nvcr.io/nim/${publisher}/${id}`, version, gpuCounts, shmSize: "16Gi", resources, weightsSize, ...(newerLine !== undefined ? { newerLine } : {}) };
}

/** The catalogue, by id. */
export const NIM_MODELS = {
  "llama3-8b-instruct": llm("llama3-8b-instruct", "Llama 3 8B Instruct", "meta", "1.0.3", [1, 2], "15Gi"),
  "llama3-70b-instruct": llm("llama3-70b-instruct", "Llama 3 70B Instruct", "meta", "1.0.3", [2, 4], "132Gi"),
  "llama-3.1-8b-instruct": llm("llama-3.1-8b-instruct", "Llama 3.1 8B Instruct", "meta", "1.13.1", [1, 2], "15Gi", llmResources, "2.1.5"),
  "llama-3.1-70b-instruct": llm("llama-3.1-70b-instruct", "Llama 3.1 70B Instruct", "meta", "1.13.1", [2, 4], "132Gi", llmResources, "2.1.5"),
  "mistral-7b-instruct-v03": llm("mistral-7b-instruct-v03", "Mistral 7B Instruct v0.3", "mistralai", "1.1.2", [1], "14Gi"),
  "mixtral-8x7b-instruct-v01": llm("mixtral-8x7b-instruct-v01", "Mixtral 8x7B Instruct v0.1", "mistralai", "1.2.1", [2], "87Gi"),
  "mixtral-8x22b-instruct-v01": llm("mixtral-8x22b-instruct-v01", "Mixtral 8x22B Instruct v0.1", "mistralai", "1.0.0", [8], "263Gi"),
  "llama-3.3-nemotron-super-49b-v1": llm("llama-3.3-nemotron-super-49b-v1", "Llama 3.3 Nemotron Super 49B v1", "nvidia", "1.8.5", [2], "93Gi", {
    requests: { cpu: "12", memory: "256Gi" },
    limits: { cpu: "12", memory: "256Gi" },
  }),
  "nv-embedqa-e5-v5": { id: "nv-embedqa-e5-v5", displayName: "NV-EmbedQA E5 v5", kind: "embedding", image: "nvcr.io/nim/nvidia/nv-embedqa-e5-v5", version: "1.1.0", gpuCounts: [1], shmSize: "16Gi", resources: retrieverResources, weightsSize: "1Gi" },
  "nv-rerankqa-mistral-4b-v3": { id: "nv-rerankqa-mistral-4b-v3", displayName: "NV-RerankQA Mistral 4B v3", kind: "reranking", image: "nvcr.io/nim/nvidia/nv-rerankqa-mistral-4b-v3", version: "1.0.2", gpuCounts: [1], shmSize: "16Gi", resources: retrieverResources, weightsSize: "8Gi" },
} as const satisfies Record<string, NimModelSpec>;

/** Catalogue ids. */
export type NimModelId = keyof typeof NIM_MODELS;
