/**
 * A KServe-style predictive runtime (Open Inference Protocol v1 and v2, gRPC) serving scikit-learn
 * models from an S3-compatible bucket (MinIO), with credentials from an existing Secret.
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { InferenceEngine, InferenceService, ModelStorage } from "kserve-constructs/cdk8s";

export class KServeRuntimeS3Chart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: "fraud-detection" });

    const sklearn = new InferenceEngine(this, "sklearn-server", {
      versions: { "0.15.2": { image: { cpu: "docker.io/kserve/sklearnserver:v0.15.2" } } },
      args: ["--model_name={{model_name}}", "--model_dir={{model_path}}", "--http_port={{port}}"],
      port: 8080,
      protocol: ["v1", "v2"],
      modelFormats: [{ name: "sklearn", version: "1", autoSelect: true, priority: 2 }],
      resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } },
      security: { runAsUser: 1000 },
    });

    const bucket = ModelStorage.s3(this, "minio", {
      bucket: "models",
      prefix: "fraud/",
      endpoint: "https://minio.minio.svc:9000",
      region: "us-east-1",
      caBundleConfigMap: "minio-ca",
      credentials: { secretName: "minio-credentials" },
    });

    new InferenceService(this, "fraud-scorer", {
      engine: sklearn,
      model: bucket.path("scorer/v7/"),
      protocolVersion: "v2",
      scaling: { min: 2, max: 10, metric: "cpu", target: 60 },
      visibility: "exposed",
    });

    new InferenceService(this, "fraud-scorer-shadow", {
      engine: sklearn,
      model: bucket.path("scorer/v8-candidate/"),
      modelFormat: { name: "sklearn", version: "1" },
      deploymentMode: "Knative",
      scaling: { min: 0, max: 2, metric: "concurrency", target: 4 },
      containerConcurrency: 8,
      canaryTrafficPercent: 10,
    });
  }
}
