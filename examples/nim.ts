/**
 * NVIDIA NIM: Llama 3.1 8B Instruct on KServe (NVIDIA's recipe: a ClusterServingRuntime and an
 * InferenceService, the cache on a writable claim), the same model with the NIM Operator (NIMCache and
 * NIMService), and an embedding NIM. NGC credentials are references to two different Secrets. The specs
 * are in examples/specs/nim.ts (the Pulumi program in examples/pulumi uses them too).
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { HardwareProfile, Nim } from "kserve-constructs/cdk8s";
import * as spec from "./specs/nim";

export class NimChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: spec.namespace });

    const ngc = spec.ngc;
    const l40s = new HardwareProfile(this, "nvidia-l40s", spec.nvidiaL40s);

    Nim.llama31_8bInstruct(this, "llama-3-1-8b-kserve", { ngc, ...spec.llamaKServe(l40s) });
    Nim.llama31_8bInstruct(this, "llama-3-1-8b-operator", { ngc, ...spec.llamaOperator(l40s) });
    Nim.nvEmbedqaE5V5(this, "embedqa", { ngc, ...spec.embedqa(l40s) });
  }
}
