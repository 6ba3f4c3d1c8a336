/**
 * Specs of the LLMInferenceService examples (KServe's llm-d stack): a single-GPU model, a tensor-parallel
 * model on one node, a multi-node data- and expert-parallel model, prefill/decode disaggregation with a
 * managed router and scheduler, a model behind an existing Gateway with an HTTPRoute and InferencePool the
 * library writes, LoRA adapters, and an OpenShift AI 3.5 variant. Shared by the cdk8s charts
 * (examples/llm.ts) and the Pulumi program (examples/pulumi).
 */
import { Accelerator, LLMConfigs } from "kserve-constructs";
import type { HardwareProfileProps, HuggingFaceStorageProps, LLMConfigRef, LLMInferenceServiceProps, PvcStorageProps, S3StorageProps, TargetProps } from "kserve-constructs";
import type { ModelSource, ProfileSource } from "./types";

/** The namespace of the upstream KServe scenario. */
export const namespace = "llm";

/**
 * The targets the upstream scenario is written for (each is checked against its CRDs): KServe 0.20 and
 * the level after 0.20.
 */
export const targets: readonly TargetProps[] = [{ kserveVersion: "0.20" }, { kserveVersion: "0.21" }];

/** The Hugging Face Hub; the token is in the existing Secret `hf-token` (key `HF_TOKEN`). */
export const hub: HuggingFaceStorageProps = { tokenSecret: "hf-token" };

/** Model weights in S3 (MinIO); the keys are in the existing Secret `minio-credentials`. */
export const bucket: S3StorageProps = { bucket: "llm-models", endpoint: "https://minio.storage:9000", credentials: { secretName: "minio-credentials" } };

/** A claim holding large models, mounted by every node. */
export const weights: PvcStorageProps = { claimName: "llm-weights", accessModes: ["ReadOnlyMany"] };

/** NVIDIA H100 nodes with eight GPUs each. */
export const h100: HardwareProfileProps = {
  accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8, product: "NVIDIA-H100-80GB-HBM3" }),
  cpu: { min: "4", default: "8", max: "96" },
  memory: { min: "32Gi", default: "64Gi", max: "1536Gi" },
};

/** NVIDIA A100 nodes (for prefill: compute-bound, cheaper GPUs of the same vendor). */
export const a100: HardwareProfileProps = {
  accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8, product: "NVIDIA-A100-SXM4-80GB" }),
  cpu: { min: "4", default: "8", max: "64" },
  memory: { min: "32Gi", default: "64Gi", max: "1024Gi" },
};

/** The usual llm-d setup: the cluster's gateway, KServe's HTTPRoute and the endpoint picker. */
const managedRouter = { gateway: {}, route: {}, scheduler: {} } as const;

/** Llama 3.1 8B Instruct on one GPU, from the Hub. */
export function llama8b(hubSource: ModelSource, gpus: ProfileSource): LLMInferenceServiceProps {
  return {
    model: hubSource.path("meta-llama/Llama-3.1-8B-Instruct"),
    servedModelName: "llama-3.1-8b-instruct",
    hardware: gpus.request({ accelerators: 1, memory: "48Gi" }),
    args: ["--max-model-len=16384"],
    router: managedRouter,
  };
}

/** Llama 3.3 70B on four H100s of one node (tensor parallel 4), autoscaled by WVA, KV cache offloaded to CPU memory. */
export function llama70bTp4(models: ModelSource, gpus: ProfileSource): LLMInferenceServiceProps {
  return {
    model: models.path("llama-3.3-70b-instruct/"),
    hardware: gpus.request({ accelerators: 4, cpu: "32", memory: "384Gi" }),
    parallelism: { tensor: 4 },
    scaling: { min: 1, max: 4, wva: { variantCost: "40.0" } },
    kvCacheOffloading: { cpu: "128Gi" },
    router: managedRouter,
  };
}

/** DeepSeek-V3 (a mixture of experts) over two nodes of eight H100s: data parallel 16, eight ranks per pod, expert parallel. */
export function deepseekMultiNode(models: ModelSource, gpus: ProfileSource): LLMInferenceServiceProps {
  return {
    model: models.path("deepseek-ai/DeepSeek-V3"),
    hardware: gpus.request({ accelerators: 8, cpu: "64", memory: "1024Gi", shmSize: "64Gi" }),
    parallelism: { tensor: 1, data: 16, dataLocal: 8, expert: true },
    worker: true,
    replicas: 1,
    router: managedRouter,
  };
}

/** Qwen3 32B with prefill and decode apart: decode on H100s, prefill on A100s, both scaled by WVA; two scheduler replicas. */
export function qwenPrefillDecode(models: ModelSource, decodeGpus: ProfileSource, prefillGpus: ProfileSource): LLMInferenceServiceProps {
  return {
    model: models.path("Qwen/Qwen3-32B"),
    hardware: decodeGpus.request({ accelerators: 2, memory: "192Gi" }),
    parallelism: { tensor: 2 },
    scaling: { min: 1, max: 6, wva: {} },
    prefill: {
      hardware: prefillGpus.request({ accelerators: 1, memory: "128Gi" }),
      scaling: { min: 1, max: 4, wva: {} },
    },
    router: { gateway: {}, route: {}, scheduler: { replicas: 2 } },
  };
}

/** Granite 3.3 8B behind the platform's existing Gateway, with an HTTPRoute, InferencePool and InferenceObjective the library writes. */
export function graniteExistingGateway(models: ModelSource, gpus: ProfileSource): LLMInferenceServiceProps {
  return {
    model: models.path("granite-3.3-8b-instruct/"),
    hardware: gpus.request({ accelerators: 1 }),
    userRouting: {
      gateway: { name: "inference-gateway", namespace: "gateway-system", sectionName: "https" },
      httpRoute: { hostnames: ["granite.models.example.com"], pathPrefix: "/", timeout: "300s" },
      inferencePool: { endpointPicker: { service: "granite-epp" } },
      inferenceObjective: { priority: 10 },
    },
  };
}

/** Llama 3.1 8B with two LoRA adapters (one from the Hub, one from the shared claim). */
export function llamaLora(hubSource: ModelSource, claim: ModelSource, gpus: ProfileSource): LLMInferenceServiceProps {
  return {
    model: hubSource.path("meta-llama/Llama-3.1-8B-Instruct"),
    servedModelName: "llama-3.1-8b",
    hardware: gpus.request({ accelerators: 1, memory: "48Gi" }),
    lora: {
      adapters: [
        { name: "sql-assistant", model: hubSource.path("acme/llama-3.1-8b-sql-lora") },
        { name: "support-tone", model: claim.path("adapters/llama-3.1-8b-support-tone") },
      ],
      maxRank: 64,
      maxAdapters: 2,
    },
    router: managedRouter,
  };
}

/** The namespace of the OpenShift AI scenario. */
export const openshiftAINamespace = "llm-rhoai";

/** The target of the OpenShift AI scenario. */
export const openshiftAITarget: TargetProps = { openshiftAI: { version: "3.5" } };

/** OpenShift AI's NVIDIA single-node preset (sets the vLLM image the release ships). */
export const openshiftAIPresets: readonly LLMConfigRef[] = [LLMConfigs.openshiftAI.nvidiaCudaSingleNode];

/** OpenShift AI 3.5: Granite 3.3 8B on a hardware profile, with the release's NVIDIA preset and the managed router. */
export function graniteOpenShiftAI(models: ModelSource, gpus: ProfileSource): LLMInferenceServiceProps {
  return {
    model: models.path("granite-3.3-8b-instruct/"),
    displayName: "Granite 3.3 8B Instruct",
    hardware: gpus.request({ accelerators: 1 }),
    baseRefs: openshiftAIPresets,
    router: managedRouter,
  };
}
