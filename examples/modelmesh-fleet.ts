/**
 * A ModelMesh fleet on S3 for OpenShift AI 2.x: dozens of small fraud-scoring models share two
 * MLServer pods, and an ONNX model shares Triton's. The models' storage-config entry comes from an
 * OpenShift AI data connection: the credentials Secret `aws-connection-fraud-models` already exists
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY); the library adds only the labels, annotations and
 * non-secret keys OpenShift AI builds the storage-config entry from.
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { InferenceEngine, KServeTarget, ModelFleet, ModelMeshNamespace, ModelMeshRuntimes, StorageConfig } from "kserve-constructs/cdk8s";

/** The model catalogue (in a real platform: a file or an API listing, read before synth). */
const REGIONS = ["emea", "amer", "apac"] as const;
const PRODUCTS = ["cards", "loans", "payments", "savings"] as const;

export class ModelMeshFleetChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: "fraud-models" });
    KServeTarget.set(this, { kserveVersion: "0.15", openshiftAI: { version: "2.25" } });

    new ModelMeshNamespace(this, "namespace");

    const mlserver = new InferenceEngine(this, "mlserver", ModelMeshRuntimes.mlserver({ replicas: 2, route: true, auth: true }));
    const triton = new InferenceEngine(this, "triton", ModelMeshRuntimes.triton({ resources: { requests: { cpu: "1", memory: "4Gi" }, limits: { cpu: "4", memory: "4Gi" } } }));

    const storage = new StorageConfig(this, "storage-config", {
      source: "data-connections",
      entries: {
        "aws-connection-fraud-models": { type: "s3", bucket: "fraud-models", endpoint: "https://s3.eu-central-1.amazonaws.com", region: "eu-central-1" },
      },
    });
    const bucket = storage.entry("aws-connection-fraud-models");

    new ModelFleet(this, "scorers", {
      engine: mlserver,
      storage: bucket,
      namePrefix: "scorer-",
      defaults: { labels: { team: "fraud" } },
      models: REGIONS.flatMap((region) =>
        PRODUCTS.map((product) => ({ name: `${region}-${product}`, format: { name: "sklearn", version: "0" }, path: `scorers/${region}/${product}/model.joblib` })),
      ),
    });

    new ModelFleet(this, "vision", {
      engine: triton,
      storage: bucket,
      models: [{ name: "cheque-forgery", format: { name: "onnx", version: "1" }, path: "vision/cheque-forgery/" }],
    });
  }
}
