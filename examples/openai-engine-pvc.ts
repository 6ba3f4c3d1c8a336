/**
 * A custom OpenAI-compatible inference server (the shape of a watsonx.ai custom inference server or a
 * GPUStack custom backend) serving a model from a PersistentVolumeClaim.
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { Env, InferenceEngine, InferenceService, ModelStorage, Parameter } from "kserve-constructs/cdk8s";

export class OpenAIEnginePvcChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: "llm-serving" });

    const engine = new InferenceEngine(this, "chat-server", {
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
    });

    const models = ModelStorage.pvc(this, "model-store", {
      claimName: "model-store",
      create: { size: "200Gi", accessModes: ["ReadOnlyMany"], storageClassName: "nfs-client" },
    });

    new InferenceService(this, "support-bot", {
      engine,
      model: models.path("granite-3.1-2b-instruct"),
      parameters: { MAX_CONCURRENT_REQUESTS: 32, LOG_LEVEL: "WARNING" },
      env: { OPENAI_API_KEY: Env.fromSecret("support-bot-keys", "api-key") },
      resources: { requests: { memory: "12Gi" }, limits: { memory: "16Gi" } },
      scaling: { min: 1, max: 3, metric: "cpu", target: 75 },
      deploymentStrategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    });
  }
}
