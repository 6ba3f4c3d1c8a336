/**
 * A model pulled from the Hugging Face Hub (hf://) by KServe's storage initializer, served by a
 * custom engine; the Hub token comes from an existing Secret. The specs are in
 * examples/specs/huggingface.ts (the Pulumi program in examples/pulumi uses them too).
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { InferenceEngine, InferenceService, ModelStorage } from "kserve-constructs/cdk8s";
import * as spec from "./specs/huggingface";

export class HuggingFaceChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: spec.namespace });

    const engine = new InferenceEngine(this, "text-embeddings", spec.textEmbeddings);
    const hub = ModelStorage.huggingFace(this, "hub", spec.hub);
    new InferenceService(this, "bge-small", spec.bgeSmall(engine, hub));
  }
}
