/**
 * A custom OpenAI-compatible inference server (the shape of a watsonx.ai custom inference server or a
 * GPUStack custom backend) serving a model from a PersistentVolumeClaim. The specs are in
 * examples/specs/openai-engine-pvc.ts (the Pulumi program in examples/pulumi uses them too).
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { InferenceEngine, InferenceService, ModelStorage } from "kserve-constructs/cdk8s";
import * as spec from "./specs/openai-engine-pvc";

export class OpenAIEnginePvcChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: spec.namespace });

    const engine = new InferenceEngine(this, "chat-server", spec.chatServer);
    const models = ModelStorage.pvc(this, "model-store", spec.modelStore);
    new InferenceService(this, "support-bot", spec.supportBot(engine, models));
  }
}
