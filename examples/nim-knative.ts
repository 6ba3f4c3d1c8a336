/**
 * NVIDIA NIM on KServe in Knative mode, as NVIDIA's KServe recipe deploys it: shared
 * ClusterServingRuntimes with the recipe's annotations, concurrency autoscaling, filled caches and a
 * startup budget per model size. The specs are in examples/specs/nim-knative.ts (the Pulumi program in
 * examples/pulumi uses them too).
 */
import { Chart } from "cdk8s";
import type { TargetProps } from "kserve-constructs";
import type { Construct } from "constructs";
import { KServeTarget, Nim } from "kserve-constructs/cdk8s";
import * as spec from "./specs/nim-knative";

/** Props of the example. */
export interface NimKnativeChartProps {
  /**
   * Fields replacing the example's own target (the conformance matrix runs it on every release).
   * @default the example's target
   */
  readonly target?: TargetProps;
}

export class NimKnativeChart extends Chart {
  constructor(scope: Construct, id: string, props: NimKnativeChartProps = {}) {
    super(scope, id, { namespace: spec.namespace });
    KServeTarget.set(this, { ...spec.target, ...props.target });

    Nim.mistral7bInstructV03(this, "mistral-7b", { ngc: spec.ngc, ...spec.mistral7b });
    Nim.llama31_70bInstruct(this, "llama-3-1-70b", { ngc: spec.ngc, ...spec.llama70b });
  }
}
