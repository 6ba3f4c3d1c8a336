/**
 * Specs of the Hugging Face example: a model pulled from the Hub (hf://) by KServe's storage
 * initializer, served by a custom engine; the Hub token comes from an existing Secret. Shared by the
 * cdk8s chart (examples/huggingface.ts) and the Pulumi program (examples/pulumi).
 */
import { Parameter } from "kserve-constructs";
import type { HuggingFaceStorageProps, InferenceEngineProps, InferenceServiceProps, IRuntime } from "kserve-constructs";
import type { ModelSource } from "./types";

/** The namespace of this example. */
export const namespace = "embeddings";

/** Text Embeddings Inference, as a ClusterServingRuntime. */
export const textEmbeddings: InferenceEngineProps = {
  scope: "cluster",
  versions: { "1.6.0": { image: { cpu: "ghcr.io/huggingface/text-embeddings-inference:cpu-1.6" } } },
  args: ["--model-id={{model_path}}", "--port={{port}}", "--hostname=0.0.0.0"],
  port: 8080,
  protocol: "openai",
  readiness: { path: "/health" },
  parameters: { MAX_BATCH_TOKENS: Parameter.int({ default: 16384, min: 1 }) },
  modelFormats: [{ name: "text-embeddings" }],
  resources: { requests: { cpu: "2", memory: "4Gi" }, limits: { cpu: "4", memory: "8Gi" } },
  volumes: [{ name: "data", mountPath: "/data", emptyDir: {} }],
};

/** The Hub; the token is in the existing Secret `hf-token` (key `HF_TOKEN`). */
export const hub: HuggingFaceStorageProps = { tokenSecret: "hf-token" };

/** BGE small, autoscaled on CPU. */
export function bgeSmall(engine: IRuntime, hub: ModelSource): InferenceServiceProps {
  return {
    engine,
    model: hub.path("BAAI/bge-small-en-v1.5"),
    parameters: { MAX_BATCH_TOKENS: 8192 },
    scaling: { min: 1, max: 4, metric: "cpu", target: 70 },
  };
}
