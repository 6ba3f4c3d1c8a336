/**
 * Small, valid props used across tests; each test changes only what it is about.
 */
import type { Construct } from "constructs";
import type { InferenceEngineProps, InferenceServiceProps } from "kserve-constructs";
import { Accelerator, HardwareProfile, InferenceEngine, InferenceService, ModelLocation, ModelStorage } from "kserve-constructs/cdk8s";

/** A minimal OpenAI-compatible engine. */
export function engineProps(overrides: Partial<InferenceEngineProps> = {}): InferenceEngineProps {
  return {
    versions: { "1.0.0": { image: { cpu: "registry.example/engine:1.0.0" } } },
    args: ["--model={{model_path}}", "--port={{port}}", "--name={{model_name}}"],
    protocol: "openai",
    modelFormats: [{ name: "my-format" }],
    ...overrides,
  };
}

/** Defines the minimal engine in `scope`. */
export function engine(scope: Construct, overrides: Partial<InferenceEngineProps> = {}, id = "engine"): InferenceEngine {
  return new InferenceEngine(scope, id, engineProps(overrides));
}

/** A PVC model location from an existing claim. */
export function pvcModel(scope: Construct, path = "models/m1"): ModelLocation {
  return ModelStorage.pvc(scope, "store", { claimName: "models-pvc" }).path(path);
}

/** A plain URI location. */
export const s3Uri = ModelLocation.fromUri("s3://bucket/model/");

/** A valid multi-node vLLM InferenceService (4 H100s per pod, pipeline of 2, model on an RWX claim); `overrides` change what a test is about. */
export function multiNodeService(scope: Construct, overrides: Partial<InferenceServiceProps> = {}): InferenceService {
  const profile = new HardwareProfile(scope, "h100", { accelerator: Accelerator.nvidia({ max: 8 }) });
  const vllm = InferenceEngine.vllm(scope, "vllm-mn", { accelerator: "nvidia", multiNode: true });
  return new InferenceService(scope, "llama-405b", {
    engine: vllm,
    model: ModelStorage.pvc(scope, "store", { claimName: "models", accessModes: ["ReadWriteMany"] }).path("llama-405b"),
    hardware: profile.request({ accelerators: 4 }),
    multiNode: { pipelineParallelSize: 2 },
    ...overrides,
  });
}
