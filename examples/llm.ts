/**
 * Large language models with KServe's LLMInferenceService (llm-d): one GPU, tensor parallel on one node,
 * multi-node data and expert parallel, prefill/decode disaggregation, an existing Gateway with an
 * HTTPRoute and InferencePool written by the library, LoRA adapters, and OpenShift AI 3.5. The specs are
 * in examples/specs/llm.ts (the Pulumi program in examples/pulumi uses them too).
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { HardwareProfile, KServeTarget, LLMInferenceService, ModelStorage } from "kserve-constructs/cdk8s";
import type { TargetProps } from "kserve-constructs";
import * as spec from "./specs/llm";

/** The upstream KServe scenario; `target` overrides the app's (the conformance test builds it per declared target). */
export class LLMServingChart extends Chart {
  constructor(scope: Construct, id: string, options: { readonly target?: TargetProps } = {}) {
    super(scope, id, { namespace: spec.namespace });
    if (options.target !== undefined) KServeTarget.set(this, options.target);

    const hub = ModelStorage.huggingFace(this, "hub", spec.hub);
    const bucket = ModelStorage.s3(this, "models", spec.bucket);
    const weights = ModelStorage.pvc(this, "weights", spec.weights);
    const h100 = new HardwareProfile(this, "nvidia-h100", spec.h100);
    const a100 = new HardwareProfile(this, "nvidia-a100", spec.a100);

    new LLMInferenceService(this, "llama-8b", spec.llama8b(hub, h100));
    new LLMInferenceService(this, "llama-70b", spec.llama70bTp4(bucket, h100));
    new LLMInferenceService(this, "deepseek-v3", spec.deepseekMultiNode(weights, h100));
    new LLMInferenceService(this, "qwen-32b-pd", spec.qwenPrefillDecode(bucket, h100, a100));
    new LLMInferenceService(this, "granite-8b", spec.graniteExistingGateway(bucket, h100));
    new LLMInferenceService(this, "llama-8b-lora", spec.llamaLora(hub, weights, h100));
  }
}

/** The OpenShift AI 3.5 scenario; `target` fields replace its own. */
export class LLMOpenShiftAIChart extends Chart {
  constructor(scope: Construct, id: string, options: { readonly target?: TargetProps } = {}) {
    super(scope, id, { namespace: spec.openshiftAINamespace });
    KServeTarget.set(this, { ...spec.openshiftAITarget, ...options.target });

    const bucket = ModelStorage.s3(this, "models", spec.bucket);
    const h100 = new HardwareProfile(this, "nvidia-h100", spec.h100);
    new LLMInferenceService(this, "granite-8b", spec.graniteOpenShiftAI(bucket, h100));
  }
}
