/**
 * A model pulled from the Hugging Face Hub (hf://) by KServe's storage initializer, served by a
 * custom engine; the Hub token comes from an existing Secret.
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { InferenceEngine, InferenceService, ModelStorage, Parameter } from "kserve-constructs/cdk8s";

export class HuggingFaceChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: "embeddings" });

    const engine = new InferenceEngine(this, "text-embeddings", {
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
    });

    const hub = ModelStorage.huggingFace(this, "hub", { tokenSecret: "hf-token" });

    new InferenceService(this, "bge-small", {
      engine,
      model: hub.path("BAAI/bge-small-en-v1.5"),
      parameters: { MAX_BATCH_TOKENS: 8192 },
      scaling: { min: 1, max: 4, metric: "cpu", target: 70 },
    });
  }
}
