/**
 * GPUStack custom inference backends on KServe: the backend definitions GPUStack exports, imported as
 * they are (TensorRT-LLM, llama.cpp for GGUF models, Kokoro text-to-speech), and models served on them.
 * The specs are in examples/specs/gpustack-backends.ts (the Pulumi program in examples/pulumi uses them too).
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { InferenceEngine, InferenceService, ModelStorage } from "kserve-constructs/cdk8s";
import * as spec from "./specs/gpustack-backends";

export class GpuStackBackendsChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: spec.namespace });

    InferenceEngine.fromGpuStack(this, "tensorrt-llm", spec.tensorRtLlm, spec.tensorRtLlmProps);
    const llamaCpp = InferenceEngine.fromGpuStack(this, "llama-cpp", spec.llamaCpp, spec.llamaCppProps);
    const kokoro = InferenceEngine.fromGpuStack(this, "kokoro-tts", spec.kokoro, spec.kokoroProps);
    const gguf = ModelStorage.pvc(this, "gguf-models", spec.ggufModels);
    new InferenceService(this, "qwen-gguf", spec.qwenGguf(llamaCpp, gguf));
    new InferenceService(this, "kokoro", spec.kokoroTts(kokoro));
  }
}
