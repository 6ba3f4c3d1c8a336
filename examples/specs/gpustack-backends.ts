/**
 * Specs of the GPUStack example: a platform team moves the custom inference backends it defined in
 * GPUStack (the YAML its Inference Backend page exports) to KServe without rewriting them. The three
 * backends are the ones GPUStack's custom-backend guide walks through: TensorRT-LLM, llama.cpp for GGUF
 * models, and Kokoro text-to-speech. Shared by the cdk8s chart (examples/gpustack-backends.ts) and the
 * Pulumi program (examples/pulumi).
 */
import { Accelerator, Hardware, ModelLocation } from "kserve-constructs";
import type { GpuStackImportProps, InferenceServiceProps, IRuntime, PvcStorageProps } from "kserve-constructs";
import type { ModelSource } from "./types";

/** The namespace of this example. */
export const namespace = "gpustack-models";

/** TensorRT-LLM, as GPUStack's guide defines it (its name predates GPUStack's `-custom` suffix rule). */
export const tensorRtLlm = `backend_name: TensorRT-LLM
default_version: 1.2.0rc0
version_configs:
  1.2.0rc0:
    image_name: nvcr.io/nvidia/tensorrt-llm/release:1.2.0rc0
    run_command: 'trtllm-serve {{model_path}} --host 0.0.0.0 --port {{port}}'
    custom_framework: cuda
`;

/** llama.cpp's server for GGUF models (CPU image). */
export const llamaCpp = `backend_name: llama.cpp-custom
default_run_command: '-m {{model_path}} --host 0.0.0.0 --port {{port}}'
version_configs:
  v1-custom:
    image_name: ghcr.io/ggml-org/llama.cpp:server
    custom_framework: cpu
default_version: v1-custom
`;

/** Kokoro-FastAPI text-to-speech (GPU image, model built into the image). */
export const kokoro = `backend_name: kokoro-custom
version_configs:
  v1:
    image_name: ghcr.io/remsky/kokoro-fastapi-gpu:latest
    custom_framework: cuda
default_run_command: python -m uvicorn api.src.main:app --host 0.0.0.0 --port {{port}} --log-level debug
`;

/** TensorRT-LLM's release image runs as root. */
export const tensorRtLlmProps: GpuStackImportProps = { imageUser: "root", resources: { requests: { cpu: "4", memory: "32Gi" }, limits: { memory: "64Gi" } } };

/** llama.cpp: `{{model_path}}` is the GGUF file inside the model folder; the server image runs as root. */
export const llamaCppProps: GpuStackImportProps = { modelFile: "model.gguf", imageUser: "root", resources: { requests: { cpu: "4", memory: "8Gi" }, limits: { memory: "8Gi" } } };

/** Kokoro: the FastAPI image runs as a non-root user (uid 1000); its health route is `/health`. */
export const kokoroProps: GpuStackImportProps = { imageUser: 1000, readiness: { path: "/health", periodSeconds: 5 } };

/** The GGUF models' claim (filled beforehand). */
export const ggufModels: PvcStorageProps = { claimName: "gguf-models" };

/** A quantized Qwen model on llama.cpp; its folder holds `qwen2.5-7b-instruct-q4_k_m.gguf`. */
export function qwenGguf(engine: IRuntime, models: ModelSource): InferenceServiceProps {
  return {
    engine,
    model: models.path("qwen2.5-7b-instruct"),
    parameters: { MODEL_FILE: "qwen2.5-7b-instruct-q4_k_m.gguf" },
    scaling: { min: 1, max: 2 },
  };
}

/** Kokoro on one NVIDIA GPU; the image has the model built in, the Hub copy is what KServe downloads beside it. */
export function kokoroTts(engine: IRuntime): InferenceServiceProps {
  return {
    name: "kokoro",
    engine,
    model: ModelLocation.fromUri("hf://hexgrad/Kokoro-82M"),
    hardware: Hardware.accelerator(Accelerator.nvidia({ min: 1, default: 1, max: 1 })),
    scaling: { min: 1, max: 1 },
  };
}
