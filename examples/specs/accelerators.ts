/**
 * Specs of the accelerators example: one model per accelerator (NVIDIA, AMD, Intel Gaudi, IBM Spyre), a
 * tensor-parallel model on four GPUs and a multi-node model, each on a hardware profile picked once.
 * Shared by the cdk8s chart (examples/accelerators.ts) and the Pulumi program (examples/pulumi).
 */
import { Accelerator } from "kserve-constructs";
import type { HardwareProfileProps, HardwareRequestProps, InferenceServiceProps, IRuntime, OciStorageProps, PvcStorageProps, VllmPresetProps } from "kserve-constructs";
import type { ModelSource, ProfileSource } from "./types";

/** The namespace of this example. */
export const namespace = "llm-serving";

/** The model claim (existing, shared by every node). */
export const models: PvcStorageProps = { claimName: "llm-models", accessModes: ["ReadWriteMany"] };

/** Models packaged as OCI images (modelcars). */
export const modelcars: OciStorageProps = { registry: "quay.io/acme-models" };

/** NVIDIA H100 nodes. */
export const nvidiaH100: HardwareProfileProps = {
  accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8, product: "NVIDIA-H100-80GB-HBM3" }),
  cpu: { min: "4", default: "8", max: "64" },
  memory: { min: "32Gi", default: "64Gi", max: "512Gi" },
};

/** AMD MI300X nodes (tainted for AMD GPU workloads). */
export const amdMi300x: HardwareProfileProps = {
  accelerator: Accelerator.amd({ min: 1, default: 1, max: 8 }),
  cpu: { min: "4", default: "8", max: "64" },
  memory: { min: "32Gi", default: "64Gi", max: "512Gi" },
  nodeScheduling: { tolerations: [{ key: "amd.com/gpu", operator: "Exists", effect: "NoSchedule" }] },
};

/** Intel Gaudi 3 nodes. */
export const intelGaudi3: HardwareProfileProps = {
  accelerator: Accelerator.gaudi({ min: 1, default: 1, max: 8, skipWarmup: false }),
  cpu: { min: "4", default: "16", max: "64" },
  memory: { min: "32Gi", default: "128Gi", max: "512Gi" },
};

/** IBM Spyre nodes. */
export const ibmSpyre: HardwareProfileProps = {
  accelerator: Accelerator.spyre({ min: 1, default: 1, max: 4 }),
  cpu: { min: "4", default: "8", max: "32" },
  memory: { min: "32Gi", default: "64Gi", max: "256Gi" },
};

/** vLLM per accelerator. */
export const vllmCuda: VllmPresetProps = { accelerator: "nvidia", version: "v0.12.0" };
export const vllmRocm: VllmPresetProps = { accelerator: "amd", image: "docker.io/rocm/vllm:rocm6.4.1_vllm_0.10.1" };
export const vllmGaudi: VllmPresetProps = { accelerator: "gaudi", image: "vault.habana.ai/gaudi-docker/1.22.0/ubuntu24.04/habanalabs/vllm-installer-2.7.1:latest-vllm-0.10.1" };
export const vllmSpyre: VllmPresetProps = { accelerator: "spyre", image: "quay.io/ibm-aiu/vllm-spyre:0.9.4" };
/** vLLM across nodes (Ray). */
export const vllmMultiNode: VllmPresetProps = { accelerator: "nvidia", version: "v0.12.0", multiNode: true };

/** Granite 3.3 8B Instruct on one accelerator: the profile's defaults, or the given request. */
export function granite8b(engine: IRuntime, models: ModelSource, profile: ProfileSource, request?: HardwareRequestProps): InferenceServiceProps {
  return { engine, model: models.path("granite-3.3-8b-instruct"), hardware: request === undefined ? profile.request() : profile.request(request) };
}

/** Llama 3.3 70B on four H100s (tensor parallel 4). */
export function llama70bTp4(engine: IRuntime, models: ModelSource, h100: ProfileSource): InferenceServiceProps {
  return {
    engine,
    model: models.path("llama-3.3-70b-instruct"),
    hardware: h100.request({ accelerators: 4, memory: "256Gi", shmSize: "16Gi" }),
    args: ["--max-model-len=32768"],
  };
}

/** Llama 3.1 405B FP8 on two nodes of eight H100s (pipeline parallel 2), from a modelcar. */
export function llama405bMultiNode(engine: IRuntime, modelcars: ModelSource, h100: ProfileSource): InferenceServiceProps {
  return {
    engine,
    model: modelcars.path("llama-3.1-405b-instruct-fp8:1.0"),
    hardware: h100.request({ accelerators: 8, cpu: "32", memory: "512Gi" }),
    multiNode: { pipelineParallelSize: 2 },
  };
}
