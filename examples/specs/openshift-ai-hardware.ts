/**
 * Specs of the OpenShift AI example: hardware profiles (node scheduling and Kueue queue scheduling) in
 * the applications namespace, a vLLM runtime the dashboard lists, models bound to the profiles exactly
 * as OpenShift AI's webhook would write them, the NIM Account and a NIM reranker. Shared by the cdk8s
 * chart (examples/openshift-ai-hardware.ts) and the Pulumi program (examples/pulumi).
 */
import { Accelerator } from "kserve-constructs";
import type { HardwareProfileProps, InferenceServiceProps, IRuntime, NimAccountProps, NimProps, S3StorageProps, TargetProps, VllmPresetProps } from "kserve-constructs";
import type { ModelSource, ProfileSource } from "./types";

/** The namespace of this example. */
export const namespace = "data-science";

/** The target of this example. */
export const target: TargetProps = { openshiftAI: { version: "3.4" } };

/** Dedicated A100 nodes. */
export const nvidiaA100: HardwareProfileProps = {
  displayName: "NVIDIA A100 80GB",
  description: "Dedicated A100 nodes for model serving",
  accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8, product: "NVIDIA-A100-SXM4-80GB" }),
  cpu: { min: 2, default: 8, max: 32 },
  memory: { min: "16Gi", default: "64Gi", max: "256Gi" },
  nodeScheduling: { tolerations: [{ key: "dedicated", operator: "Equal", value: "model-serving", effect: "NoSchedule" }] },
};

/** NVIDIA GPUs through a Kueue queue. */
export const nvidiaQueued: HardwareProfileProps = {
  displayName: "NVIDIA GPU (Kueue)",
  accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 4 }),
  cpu: { min: 2, default: 4, max: 16 },
  memory: { min: "16Gi", default: "32Gi", max: "128Gi" },
  queueScheduling: { localQueue: "gpu-serving", priorityClass: "production" },
};

/** OpenShift AI's vLLM image for CUDA. */
export const vllmCudaRuntime: VllmPresetProps = { accelerator: "nvidia", image: "quay.io/modh/vllm:rhoai-3.4-cuda" };

/** The models' data connection (its storage-config entry exists). */
export const models: S3StorageProps = { bucket: "models", credentials: { storageConfigKey: "aws-connection-models" } };

/** Granite 3.3 8B on two A100s, exposed. */
export function granite8b(engine: IRuntime, connection: ModelSource, a100: ProfileSource): InferenceServiceProps {
  return {
    engine,
    model: connection.path("granite-3.3-8b-instruct"),
    hardware: a100.request({ accelerators: 2 }),
    displayName: "Granite 3.3 8B Instruct",
    visibility: "exposed",
  };
}

/** Mistral 7B through the Kueue queue. */
export function mistral7b(engine: IRuntime, connection: ModelSource, queued: ProfileSource): InferenceServiceProps {
  return {
    engine,
    model: connection.path("mistral-7b-instruct-v0.3"),
    hardware: queued.request(),
    displayName: "Mistral 7B Instruct",
  };
}

/** The NIM Account (its Secret holds the NGC key under `api_key`). */
export const nimAccount: NimAccountProps = { apiKeySecret: "ngc-api-key" };

/** The NIM reranker on one A100, its cache on a new claim. */
export function reranker(a100: ProfileSource): Omit<NimProps, "model"> {
  return {
    ngc: { apiKeySecret: "nvidia-nim-secrets", pullSecret: "ngc-secret" },
    hardware: a100.request({ accelerators: 1 }),
    cache: { create: { size: "40Gi" } },
  };
}
