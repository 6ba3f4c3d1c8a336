/**
 * Specs of the ModelMesh fleet example, for OpenShift AI 2.x: dozens of small fraud-scoring models share
 * two MLServer pods, and an ONNX model shares Triton's. The models' storage-config entry comes from an
 * OpenShift AI data connection: the credentials Secret `aws-connection-fraud-models` already exists
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY); the library adds only the labels, annotations and
 * non-secret keys OpenShift AI builds the storage-config entry from. Shared by the cdk8s chart
 * (examples/modelmesh-fleet.ts) and the Pulumi program (examples/pulumi).
 */
import type { FleetStorage, IRuntime, ModelFleetProps, ModelMeshNamespaceProps, ModelMeshPresetProps, StorageConfigProps, TargetProps } from "kserve-constructs";

/** The namespace of this example (a ModelMesh namespace it defines). */
export const namespace = "fraud-models";

/** The target of this example. */
export const target: TargetProps = { kserveVersion: "0.15", openshiftAI: { version: "2.25" } };

/** The ModelMesh namespace. */
export const meshNamespace: ModelMeshNamespaceProps = {};

/** MLServer on ModelMesh: two pods, an authenticated route. */
export const mlserver: ModelMeshPresetProps = { replicas: 2, route: true, auth: true };

/** Triton on ModelMesh. */
export const triton: ModelMeshPresetProps = { resources: { requests: { cpu: "1", memory: "4Gi" }, limits: { cpu: "4", memory: "4Gi" } } };

/** The data connection the models are read through. */
export const bucketKey = "aws-connection-fraud-models";

/** The storage-config entry, from the data connection. */
export const storageConfig: StorageConfigProps = {
  source: "data-connections",
  entries: {
    [bucketKey]: { type: "s3", bucket: "fraud-models", endpoint: "https://s3.eu-central-1.amazonaws.com", region: "eu-central-1" },
  },
};

/** The model catalogue (in a real platform: a file or an API listing, read before synth). */
const REGIONS = ["emea", "amer", "apac"] as const;
const PRODUCTS = ["cards", "loans", "payments", "savings"] as const;

/** One scikit-learn scorer per region and product, on MLServer. */
export function scorers(engine: IRuntime, bucket: FleetStorage): ModelFleetProps {
  return {
    engine,
    storage: bucket,
    namePrefix: "scorer-",
    defaults: { labels: { team: "fraud" } },
    models: REGIONS.flatMap((region) => PRODUCTS.map((product) => ({ name: `${region}-${product}`, format: { name: "sklearn", version: "0" }, path: `scorers/${region}/${product}/model.joblib` }))),
  };
}

/** An ONNX vision model, on Triton. */
export function vision(engine: IRuntime, bucket: FleetStorage): ModelFleetProps {
  return {
    engine,
    storage: bucket,
    models: [{ name: "cheque-forgery", format: { name: "onnx", version: "1" }, path: "vision/cheque-forgery/" }],
  };
}
