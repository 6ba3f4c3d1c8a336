/**
 * Specs of the custom OpenAI-compatible inference server example (the shape of a watsonx.ai custom
 * inference server or a GPUStack custom backend) serving a model from a PersistentVolumeClaim. Shared by
 * the cdk8s chart (examples/openai-engine-pvc.ts) and the Pulumi program (examples/pulumi).
 */
import { Env, Parameter } from "kserve-constructs";
import type { InferenceEngineProps, InferenceServiceProps, IRuntime, PvcStorageProps } from "kserve-constructs";
import type { ModelSource } from "./types";

/** The namespace of this example. */
export const namespace = "llm-serving";

/** The engine: two released versions, typed parameters, OpenAI protocol. */
export const chatServer: InferenceEngineProps = {
  versions: {
    "2.1.0": { image: { cpu: "registry.example.com/ml/chat-server:2.1.0" } },
    "2.2.0": { image: { cpu: "registry.example.com/ml/chat-server:2.2.0" } },
  },
  defaultVersion: "2.2.0",
  command: ["python", "-m", "chat_server"],
  args: ["--model-dir={{model_path}}", "--port={{port}}", "--served-model-name={{model_name}}"],
  port: 8080,
  protocol: "openai",
  readiness: { path: "/v1/models", initialDelaySeconds: 10, periodSeconds: 5, failureThreshold: 6 },
  liveness: { path: "/health", periodSeconds: 30 },
  parameters: {
    MAX_CONCURRENT_REQUESTS: Parameter.int({ default: 16, min: 1, max: 256, description: "requests served at once" }),
    LOG_LEVEL: Parameter.string({ default: "INFO", allowed: ["DEBUG", "INFO", "WARNING", "ERROR"] }),
    TRUST_REMOTE_CODE: Parameter.bool({ default: false }),
  },
  enforceParameters: true,
  modelFormats: [{ name: "chat-server", version: "2" }],
  env: { HF_HOME: "/tmp/hf_home" },
  volumes: [{ name: "tmp", mountPath: "/tmp", emptyDir: { sizeLimit: "2Gi" } }],
  resources: { requests: { cpu: "2", memory: "8Gi" }, limits: { cpu: "4", memory: "16Gi" } },
  metrics: { path: "/metrics" },
};

/** The model store: a new ReadOnlyMany claim. */
export const modelStore: PvcStorageProps = {
  claimName: "model-store",
  create: { size: "200Gi", accessModes: ["ReadOnlyMany"], storageClassName: "nfs-client" },
};

/** The support bot: the engine serving a Granite model from the claim. */
export function supportBot(engine: IRuntime, models: ModelSource): InferenceServiceProps {
  return {
    engine,
    model: models.path("granite-3.1-2b-instruct"),
    parameters: { MAX_CONCURRENT_REQUESTS: 32, LOG_LEVEL: "WARNING" },
    env: { OPENAI_API_KEY: Env.fromSecret("support-bot-keys", "api-key") },
    resources: { requests: { memory: "12Gi" }, limits: { memory: "16Gi" } },
    scaling: { min: 1, max: 3, metric: "cpu", target: 75 },
    deploymentStrategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
  };
}
