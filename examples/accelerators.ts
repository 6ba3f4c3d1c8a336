/**
 * One model per accelerator (NVIDIA, AMD, Intel Gaudi, IBM Spyre), a tensor-parallel model on four
 * GPUs and a multi-node model, each on a hardware profile picked once.
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { Accelerator, HardwareProfile, InferenceEngine, InferenceService, ModelStorage } from "kserve-constructs/cdk8s";

export class AcceleratorsChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: "llm-serving" });

    const models = ModelStorage.pvc(this, "models", { claimName: "llm-models", accessModes: ["ReadWriteMany"] });
    const modelcars = ModelStorage.oci(this, "modelcars", { registry: "quay.io/acme-models" });

    const h100 = new HardwareProfile(this, "nvidia-h100", {
      accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8, product: "NVIDIA-H100-80GB-HBM3" }),
      cpu: { min: "4", default: "8", max: "64" },
      memory: { min: "32Gi", default: "64Gi", max: "512Gi" },
    });
    const mi300 = new HardwareProfile(this, "amd-mi300x", {
      accelerator: Accelerator.amd({ min: 1, default: 1, max: 8 }),
      cpu: { min: "4", default: "8", max: "64" },
      memory: { min: "32Gi", default: "64Gi", max: "512Gi" },
      nodeScheduling: { tolerations: [{ key: "amd.com/gpu", operator: "Exists", effect: "NoSchedule" }] },
    });
    const gaudi = new HardwareProfile(this, "intel-gaudi3", {
      accelerator: Accelerator.gaudi({ min: 1, default: 1, max: 8, skipWarmup: false }),
      cpu: { min: "4", default: "16", max: "64" },
      memory: { min: "32Gi", default: "128Gi", max: "512Gi" },
    });
    const spyre = new HardwareProfile(this, "ibm-spyre", {
      accelerator: Accelerator.spyre({ min: 1, default: 1, max: 4 }),
      cpu: { min: "4", default: "8", max: "32" },
      memory: { min: "32Gi", default: "64Gi", max: "256Gi" },
    });

    const cuda = InferenceEngine.vllm(this, "vllm-cuda", { accelerator: "nvidia", version: "v0.12.0" });
    const rocm = InferenceEngine.vllm(this, "vllm-rocm", { accelerator: "amd", image: "docker.io/rocm/vllm:rocm6.4.1_vllm_0.10.1" });
    const habana = InferenceEngine.vllm(this, "vllm-gaudi", { accelerator: "gaudi", image: "vault.habana.ai/gaudi-docker/1.22.0/ubuntu24.04/habanalabs/vllm-installer-2.7.1:latest-vllm-0.10.1" });
    const aiu = InferenceEngine.vllm(this, "vllm-spyre", { accelerator: "spyre", image: "quay.io/ibm-aiu/vllm-spyre:0.9.4" });
    const multiNode = InferenceEngine.vllm(this, "vllm-multinode", { accelerator: "nvidia", version: "v0.12.0", multiNode: true });

    new InferenceService(this, "granite-8b-nvidia", { engine: cuda, model: models.path("granite-3.3-8b-instruct"), hardware: h100.request() });
    new InferenceService(this, "granite-8b-amd", { engine: rocm, model: models.path("granite-3.3-8b-instruct"), hardware: mi300.request() });
    new InferenceService(this, "granite-8b-gaudi", { engine: habana, model: models.path("granite-3.3-8b-instruct"), hardware: gaudi.request() });
    new InferenceService(this, "granite-8b-spyre", { engine: aiu, model: models.path("granite-3.3-8b-instruct"), hardware: spyre.request({ accelerators: 1 }) });

    new InferenceService(this, "llama-70b-tp4", {
      engine: cuda,
      model: models.path("llama-3.3-70b-instruct"),
      hardware: h100.request({ accelerators: 4, memory: "256Gi", shmSize: "16Gi" }),
      args: ["--max-model-len=32768"],
    });

    new InferenceService(this, "llama-405b-multinode", {
      engine: multiNode,
      model: modelcars.path("llama-3.1-405b-instruct-fp8:1.0"),
      hardware: h100.request({ accelerators: 8, cpu: "32", memory: "512Gi" }),
      multiNode: { pipelineParallelSize: 2 },
    });
  }
}
