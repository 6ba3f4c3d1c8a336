/**
 * OpenShift AI: serving runtimes for the whole dashboard. A custom engine, a vLLM preset and an engine
 * imported from GPUStack published as dashboard Templates in the applications namespace. The specs are in examples/specs/openshift-ai-dashboard.ts
 * (the Pulumi program in examples/pulumi uses them too).
 */
import { Chart } from "cdk8s";
import type { TargetProps } from "kserve-constructs";
import type { Construct } from "constructs";
import { InferenceEngine, KServeTarget } from "kserve-constructs/cdk8s";
import * as spec from "./specs/openshift-ai-dashboard";

/** Props of the example. */
export interface OpenShiftAIDashboardChartProps {
  /**
   * Fields replacing the example's own target (the conformance matrix runs it on every release).
   * @default the example's target
   */
  readonly target?: TargetProps;
}

export class OpenShiftAIDashboardChart extends Chart {
  constructor(scope: Construct, id: string, props: OpenShiftAIDashboardChartProps = {}) {
    super(scope, id, { namespace: spec.namespace });
    KServeTarget.set(this, { ...spec.target, ...props.target });

    new InferenceEngine(this, "platform-chat-server", spec.chatServer);
    InferenceEngine.vllm(this, "vllm-gaudi-runtime", spec.vllmGaudi);
    InferenceEngine.fromGpuStack(this, "llama-cpp-runtime", spec.llamaCpp, spec.llamaCppProps);
  }
}
