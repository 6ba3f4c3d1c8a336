/**
 * OpenShift AI: hardware profiles (node scheduling and Kueue queue scheduling) in the applications
 * namespace, a vLLM runtime the dashboard lists, and models bound to the profiles exactly as OpenShift
 * AI's webhook would write them (no drift after admission); the NIM Account and a NIM reranker. The
 * specs are in examples/specs/openshift-ai-hardware.ts (the Pulumi program in examples/pulumi uses them too).
 */
import { Chart } from "cdk8s";
import type { TargetProps } from "kserve-constructs";
import type { Construct } from "constructs";
import { HardwareProfile, InferenceEngine, InferenceService, KServeTarget, ModelStorage, Nim, NimAccount } from "kserve-constructs/cdk8s";
import * as spec from "./specs/openshift-ai-hardware";

/** Props of the example. */
export interface OpenShiftAIHardwareChartProps {
  /**
   * Fields replacing the example's own target (the conformance matrix runs it on every release).
   * @default the example's target
   */
  readonly target?: TargetProps;
}

export class OpenShiftAIHardwareChart extends Chart {
  constructor(scope: Construct, id: string, props: OpenShiftAIHardwareChartProps = {}) {
    super(scope, id, { namespace: spec.namespace });
    KServeTarget.set(this, { ...spec.target, ...props.target });

    const a100 = new HardwareProfile(this, "nvidia-a100-80gb", spec.nvidiaA100);
    const queued = new HardwareProfile(this, "nvidia-queued", spec.nvidiaQueued);

    const vllm = InferenceEngine.vllm(this, "vllm-cuda-runtime", spec.vllmCudaRuntime);
    const connection = ModelStorage.s3(this, "models", spec.models);

    new InferenceService(this, "granite-8b", spec.granite8b(vllm, connection, a100));
    new InferenceService(this, "mistral-7b", spec.mistral7b(vllm, connection, queued));

    new NimAccount(this, "nim-account", spec.nimAccount);
    Nim.nvRerankqaMistral4bV3(this, "reranker", spec.reranker(a100));
  }
}
