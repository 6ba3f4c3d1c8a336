/**
 * Specs of the KServe-style predictive runtime example (Open Inference Protocol v1 and v2) serving
 * scikit-learn models from an S3-compatible bucket (MinIO), with credentials from an existing Secret.
 * Shared by the cdk8s chart (examples/kserve-runtime-s3.ts) and the Pulumi program (examples/pulumi).
 */
import type { InferenceEngineProps, InferenceServiceProps, IRuntime, S3StorageProps } from "kserve-constructs";
import type { ModelSource } from "./types";

/** The namespace of this example. */
export const namespace = "fraud-detection";

/** The scikit-learn server. */
export const sklearnServer: InferenceEngineProps = {
  versions: { "0.15.2": { image: { cpu: "docker.io/kserve/sklearnserver:v0.15.2" } } },
  args: ["--model_name={{model_name}}", "--model_dir={{model_path}}", "--http_port={{port}}"],
  port: 8080,
  protocol: ["v1", "v2"],
  modelFormats: [{ name: "sklearn", version: "1", autoSelect: true, priority: 2 }],
  resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } },
  security: { runAsUser: 1000 },
};

/** The MinIO bucket; the keys are in the existing Secret `minio-credentials`. */
export const minio: S3StorageProps = {
  bucket: "models",
  prefix: "fraud/",
  endpoint: "https://minio.minio.svc:9000",
  region: "us-east-1",
  caBundleConfigMap: "minio-ca",
  credentials: { secretName: "minio-credentials" },
};

/** The scorer, exposed, on the v2 protocol. */
export function fraudScorer(engine: IRuntime, bucket: ModelSource): InferenceServiceProps {
  return {
    engine,
    model: bucket.path("scorer/v7/"),
    protocolVersion: "v2",
    scaling: { min: 2, max: 10, metric: "cpu", target: 60 },
    visibility: "exposed",
  };
}

/** A shadow candidate on Knative, scaling to zero, taking 10% of the traffic. */
export function fraudScorerShadow(engine: IRuntime, bucket: ModelSource): InferenceServiceProps {
  return {
    engine,
    model: bucket.path("scorer/v8-candidate/"),
    modelFormat: { name: "sklearn", version: "1" },
    deploymentMode: "Knative",
    scaling: { min: 0, max: 2, metric: "concurrency", target: 4 },
    containerConcurrency: 8,
    canaryTrafficPercent: 10,
  };
}
