/**
 * Small, valid props used across tests; each test changes only what it is about.
 */
import type { Construct } from "constructs";
import type { InferenceEngineProps } from "kserve-constructs";
import { InferenceEngine, ModelLocation, ModelStorage } from "kserve-constructs/cdk8s";

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
