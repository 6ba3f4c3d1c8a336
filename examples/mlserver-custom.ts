/**
 * An MLServer custom Python runtime (your own `MLModel` class, built with `mlserver build`), served
 * single-model and, with one changed line, multi-model on ModelMesh. The platform defines both runtimes
 * once; `ModelServing`'s mode decides which one serves the models. The model is addressed through the
 * storage-config Secret, which KServe (single-model) and ModelMesh (multi-model) both read, so its
 * location does not change either. A Job writes that Secret at deploy time from the existing
 * `minio-credentials` Secret; no key is in the manifests.
 *
 * The same chart is synthesized twice, once per mode, into two namespaces (see platform.ts).
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { InferenceEngine, InferenceService, KServeTarget, MLServer, ModelServing, StorageConfig } from "kserve-constructs/cdk8s";
import type { MLServerPresetProps, ServingMode } from "kserve-constructs/cdk8s";

/** Props of the example. */
export interface MLServerCustomChartProps {
  /** Single-model (KServe) or multi-model (ModelMesh) serving. */
  readonly mode: ServingMode;
  readonly namespace: string;
}

/** The custom runtime, the same in both modes. */
const FRAUD_RUNTIME: MLServerPresetProps = {
  image: "registry.example.com/fraud/fraud-mlserver:1.4.0",
  implementation: "fraud_model.FraudModel",
  modelFormats: [{ name: "fraud-model", version: "1" }],
  server: { parallelWorkers: 2, debug: false },
  modelDefaults: { maxBatchSize: 32, maxBatchTime: 0.05, parameters: { contentType: "np" } },
};

export class MLServerCustomChart extends Chart {
  constructor(scope: Construct, id: string, props: MLServerCustomChartProps) {
    super(scope, id, { namespace: props.namespace });
    KServeTarget.set(this, { modelMesh: true }); // upstream KServe with ModelMesh Serving installed

    const single = new InferenceEngine(this, "fraud-mlserver", MLServer.runtime({ ...FRAUD_RUNTIME, resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "2", memory: "2Gi" } } }));
    const multi = new InferenceEngine(this, "fraud-mlserver-mm", MLServer.runtime({ ...FRAUD_RUNTIME, mode: "multi", replicas: 2 }));
    const fraud = new ModelServing(this, "fraud", { mode: props.mode, single, multi });

    const storage = new StorageConfig(this, "storage-config", {
      source: { job: { image: "docker.io/alpine/k8s:1.31.4" } },
      entries: {
        minio: { type: "s3", bucket: "fraud", endpoint: "https://minio.minio.svc:9000", region: "us-east-1", credentials: { secretName: "minio-credentials" } },
      },
    });

    new InferenceService(this, "fraud-scorer", { engine: fraud, model: storage.path("minio", "scorer/v7/") });
  }
}
