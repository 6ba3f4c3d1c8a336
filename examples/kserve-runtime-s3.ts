/**
 * A KServe-style predictive runtime (Open Inference Protocol v1 and v2, gRPC) serving scikit-learn
 * models from an S3-compatible bucket (MinIO), with credentials from an existing Secret. The specs are
 * in examples/specs/kserve-runtime-s3.ts (the Pulumi program in examples/pulumi uses them too).
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { InferenceEngine, InferenceService, ModelStorage } from "kserve-constructs/cdk8s";
import * as spec from "./specs/kserve-runtime-s3";

export class KServeRuntimeS3Chart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: spec.namespace });

    const sklearn = new InferenceEngine(this, "sklearn-server", spec.sklearnServer);
    const bucket = ModelStorage.s3(this, "minio", spec.minio);
    new InferenceService(this, "fraud-scorer", spec.fraudScorer(sklearn, bucket));
    new InferenceService(this, "fraud-scorer-shadow", spec.fraudScorerShadow(sklearn, bucket));
  }
}
