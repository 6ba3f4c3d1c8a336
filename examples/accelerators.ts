/**
 * One model per accelerator (NVIDIA, AMD, Intel Gaudi, IBM Spyre), a tensor-parallel model on four
 * GPUs and a multi-node model, each on a hardware profile picked once. The specs are in
 * examples/specs/accelerators.ts (the Pulumi program in examples/pulumi uses them too).
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { HardwareProfile, InferenceEngine, InferenceService, ModelStorage } from "kserve-constructs/cdk8s";
import * as spec from "./specs/accelerators";

export class AcceleratorsChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: spec.namespace });

    const models = ModelStorage.pvc(this, "models", spec.models);
    const modelcars = ModelStorage.oci(this, "modelcars", spec.modelcars);

    const h100 = new HardwareProfile(this, "nvidia-h100", spec.nvidiaH100);
    const mi300 = new HardwareProfile(this, "amd-mi300x", spec.amdMi300x);
    const gaudi = new HardwareProfile(this, "intel-gaudi3", spec.intelGaudi3);
    const spyre = new HardwareProfile(this, "ibm-spyre", spec.ibmSpyre);

    const cuda = InferenceEngine.vllm(this, "vllm-cuda", spec.vllmCuda);
    const rocm = InferenceEngine.vllm(this, "vllm-rocm", spec.vllmRocm);
    const habana = InferenceEngine.vllm(this, "vllm-gaudi", spec.vllmGaudi);
    const aiu = InferenceEngine.vllm(this, "vllm-spyre", spec.vllmSpyre);
    const multiNode = InferenceEngine.vllm(this, "vllm-multinode", spec.vllmMultiNode);

    new InferenceService(this, "granite-8b-nvidia", spec.granite8b(cuda, models, h100));
    new InferenceService(this, "granite-8b-amd", spec.granite8b(rocm, models, mi300));
    new InferenceService(this, "granite-8b-gaudi", spec.granite8b(habana, models, gaudi));
    new InferenceService(this, "granite-8b-spyre", spec.granite8b(aiu, models, spyre, { accelerators: 1 }));

    new InferenceService(this, "llama-70b-tp4", spec.llama70bTp4(cuda, models, h100));
    new InferenceService(this, "llama-405b-multinode", spec.llama405bMultiNode(multiNode, modelcars, h100));
  }
}
