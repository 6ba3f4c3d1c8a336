/**
 * A ModelMesh fleet on S3 for OpenShift AI 2.x: dozens of small fraud-scoring models share two
 * MLServer pods, and an ONNX model shares Triton's. The models' storage-config entry comes from an
 * OpenShift AI data connection: the credentials Secret `aws-connection-fraud-models` already exists
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY); the library adds only the labels, annotations and
 * non-secret keys OpenShift AI builds the storage-config entry from. The specs are in
 * examples/specs/modelmesh-fleet.ts (the Pulumi program in examples/pulumi uses them too).
 */
import { Chart } from "cdk8s";
import type { TargetProps } from "kserve-constructs";
import type { Construct } from "constructs";
import { InferenceEngine, KServeTarget, ModelFleet, ModelMeshNamespace, ModelMeshRuntimes, StorageConfig } from "kserve-constructs/cdk8s";
import * as spec from "./specs/modelmesh-fleet";

/** Props of the example. */
export interface ModelMeshFleetChartProps {
  /**
   * Fields replacing the example's own target (the conformance matrix runs it on every release).
   * @default the example's target
   */
  readonly target?: TargetProps;
}

export class ModelMeshFleetChart extends Chart {
  constructor(scope: Construct, id: string, props: ModelMeshFleetChartProps = {}) {
    super(scope, id, { namespace: spec.namespace });
    KServeTarget.set(this, { ...spec.target, ...props.target });

    new ModelMeshNamespace(this, "namespace", spec.meshNamespace);

    const mlserver = new InferenceEngine(this, "mlserver", ModelMeshRuntimes.mlserver(spec.mlserver));
    const triton = new InferenceEngine(this, "triton", ModelMeshRuntimes.triton(spec.triton));

    const storage = new StorageConfig(this, "storage-config", spec.storageConfig);
    const bucket = storage.entry(spec.bucketKey);

    new ModelFleet(this, "scorers", spec.scorers(mlserver, bucket));
    new ModelFleet(this, "vision", spec.vision(triton, bucket));
  }
}
