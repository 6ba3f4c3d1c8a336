/**
 * OpenShift AI: hardware profiles (node scheduling and Kueue queue scheduling) in the applications
 * namespace, a vLLM runtime the dashboard lists, and models bound to the profiles exactly as OpenShift
 * AI's webhook would write them (no drift after admission); the NIM Account and a NIM reranker.
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { Accelerator, HardwareProfile, InferenceEngine, InferenceService, KServeTarget, ModelStorage, Nim, NimAccount } from "kserve-constructs/cdk8s";

export class OpenShiftAIHardwareChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: "data-science" });
    KServeTarget.set(this, { openshiftAI: { version: "3.4" } });

    const a100 = new HardwareProfile(this, "nvidia-a100-80gb", {
      displayName: "NVIDIA A100 80GB",
      description: "Dedicated A100 nodes for model serving",
      accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8, product: "NVIDIA-A100-SXM4-80GB" }),
      cpu: { min: 2, default: 8, max: 32 },
      memory: { min: "16Gi", default: "64Gi", max: "256Gi" },
      nodeScheduling: { tolerations: [{ key: "dedicated", operator: "Equal", value: "model-serving", effect: "NoSchedule" }] },
    });
    const queued = new HardwareProfile(this, "nvidia-queued", {
      displayName: "NVIDIA GPU (Kueue)",
      accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 4 }),
      cpu: { min: 2, default: 4, max: 16 },
      memory: { min: "16Gi", default: "32Gi", max: "128Gi" },
      queueScheduling: { localQueue: "gpu-serving", priorityClass: "production" },
    });

    const vllm = InferenceEngine.vllm(this, "vllm-cuda-runtime", { accelerator: "nvidia", image: "quay.io/modh/vllm:rhoai-3.4-cuda" });
    const connection = ModelStorage.s3(this, "models", { bucket: "models", credentials: { storageConfigKey: "aws-connection-models" } });

    new InferenceService(this, "granite-8b", {
      engine: vllm,
      model: connection.path("granite-3.3-8b-instruct"),
      hardware: a100.request({ accelerators: 2 }),
      displayName: "Granite 3.3 8B Instruct",
      visibility: "exposed",
    });
    new InferenceService(this, "mistral-7b", {
      engine: vllm,
      model: connection.path("mistral-7b-instruct-v0.3"),
      hardware: queued.request(),
      displayName: "Mistral 7B Instruct",
    });

    new NimAccount(this, "nim-account", { apiKeySecret: "ngc-api-key" });
    Nim.nvRerankqaMistral4bV3(this, "reranker", {
      ngc: { apiKeySecret: "nvidia-nim-secrets", pullSecret: "ngc-secret" },
      hardware: a100.request({ accelerators: 1 }),
      cache: { create: { size: "40Gi" } },
    });
  }
}
