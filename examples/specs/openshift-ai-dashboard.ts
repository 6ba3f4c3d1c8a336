/**
 * Specs of the OpenShift AI dashboard example: a platform team publishes its own serving runtimes for
 * every project of the cluster. Each runtime is an OpenShift Template in OpenShift AI's applications
 * namespace, listed by the dashboard with its display name, API protocol, model type and recommended
 * accelerators; data scientists pick it when they deploy a model from the UI. Shared by the cdk8s chart
 * (examples/openshift-ai-dashboard.ts) and the Pulumi program (examples/pulumi).
 */
import { Parameter } from "kserve-constructs";
import type { GpuStackImportProps, InferenceEngineProps, TargetProps, VllmPresetProps } from "kserve-constructs";
export { llamaCpp } from "./gpustack-backends";

/** The target of this example. */
export const target: TargetProps = { openshiftAI: { version: "3.4" } };

/** The chart's namespace (the Templates go to the applications namespace whatever it is). */
export const namespace = "platform-runtimes";

/** The team's OpenAI-compatible server (the shape of a watsonx.ai custom inference server), CPU and NVIDIA images. */
export const chatServer: InferenceEngineProps = {
  scope: "dashboard",
  versions: { "3.0.1": { image: { cpu: "registry.example.com/platform/chat-server:3.0.1", nvidia: "registry.example.com/platform/chat-server:3.0.1-cuda" } } },
  runtimeImage: "nvidia",
  command: ["python", "-m", "chat_server"],
  args: ["--model-dir={{model_path}}", "--port={{port}}", "--served-model-name={{model_name}}"],
  protocol: "openai",
  parameters: { MAX_BATCH_TOKENS: Parameter.int({ default: 8192, min: 512 }) },
  modelFormats: [{ name: "chat-server" }],
  env: { HF_HOME: "/tmp/hf_home" },
  volumes: [{ name: "tmp", mountPath: "/tmp", emptyDir: { sizeLimit: "4Gi" } }],
  metrics: { path: "/metrics" },
  imageUser: 1001,
  openshiftAI: { displayName: "Platform chat server (OpenAI API)", description: "The platform team's OpenAI-compatible server for chat models", provider: "ML Platform team" },
};

/** vLLM on Intel Gaudi for the whole cluster, as OpenShift AI's own template defines it. */
export const vllmGaudi: VllmPresetProps = {
  accelerator: "gaudi",
  image: "quay.io/modh/vllm:rhoai-2.25-gaudi",
  scope: "dashboard",
};

/** llama.cpp for GGUF models, from its GPUStack definition, for every project (OpenShift assigns the user). */
export const llamaCppProps: GpuStackImportProps = {
  scope: "dashboard",
  modelFile: "model.gguf",
  openshiftAI: { displayName: "llama.cpp (GGUF models)", description: "llama.cpp's OpenAI-compatible server; set MODEL_FILE to the model's .gguf file" },
};
