/**
 * Specs of the MLServer custom runtime example: your own `MLModel` class (built with `mlserver build`),
 * served single-model and, with one changed line, multi-model on ModelMesh. Both runtimes are defined
 * once; `ModelServing`'s mode decides which one serves the models. The model is addressed through the
 * storage-config Secret, which KServe (single-model) and ModelMesh (multi-model) both read; a Job writes
 * that Secret at deploy time from the existing `minio-credentials` Secret, so no key is in the
 * manifests. Shared by the cdk8s chart (examples/mlserver-custom.ts) and the Pulumi program (examples/pulumi).
 */
import type { InferenceServiceProps, IRuntime, MLServerPresetProps, ModelServingProps, S3EntryProps, ServingMode, StorageConfigProps, TargetProps } from "kserve-constructs";
import type { StorageConfigSource } from "./types";

/** The target of this example: upstream KServe with ModelMesh Serving installed. */
export const target: TargetProps = { modelMesh: true };

/** The two deployments of the example: the same specs, single-model and multi-model, in their own namespaces. */
export const deployments: readonly { readonly id: string; readonly mode: ServingMode; readonly namespace: string }[] = [
  { id: "mlserver-custom", mode: "single", namespace: "fraud-mlserver" },
  { id: "mlserver-custom-multi", mode: "multi", namespace: "fraud-mlserver-mm" },
];

/** The custom runtime, the same in both modes. */
const FRAUD_RUNTIME: MLServerPresetProps = {
  image: "registry.example.com/fraud/fraud-mlserver:1.4.0",
  implementation: "fraud_model.FraudModel",
  modelFormats: [{ name: "fraud-model", version: "1" }],
  server: { parallelWorkers: 2, debug: false },
  modelDefaults: { maxBatchSize: 32, maxBatchTime: 0.05, parameters: { contentType: "np" } },
};

/** The single-model runtime. */
export const single: MLServerPresetProps = { ...FRAUD_RUNTIME, resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "2", memory: "2Gi" } } };

/** The multi-model (ModelMesh) runtime: two pods. */
export const multi: MLServerPresetProps = { ...FRAUD_RUNTIME, mode: "multi", replicas: 2 };

/** The switch between the two. */
export function fraud(mode: ServingMode, single: IRuntime, multi: IRuntime): ModelServingProps {
  return { mode, single, multi };
}

/** The MinIO bucket; the keys are in the existing Secret `minio-credentials`. */
export const minio: S3EntryProps = { type: "s3", bucket: "fraud", endpoint: "https://minio.minio.svc:9000", region: "us-east-1", credentials: { secretName: "minio-credentials" } };

/** The storage-config Secret, written by a Job at deploy time. */
export const storageConfig: StorageConfigProps = {
  source: { job: { image: "docker.io/alpine/k8s:1.31.4" } },
  entries: { minio },
};

/** The scorer, on whichever runtime the mode picks. */
export function fraudScorer(engine: IRuntime, storage: StorageConfigSource): InferenceServiceProps {
  return { engine, model: storage.path("minio", "scorer/v7/") };
}
