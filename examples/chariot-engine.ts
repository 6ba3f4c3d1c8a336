/**
 * A Chariot custom inference engine on KServe: the engine versions registered in Chariot, imported as
 * JSON, and a model served on an older version with typed settings. The specs are in
 * examples/specs/chariot-engine.ts (the Pulumi program in examples/pulumi uses them too).
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { InferenceEngine, InferenceService, ModelStorage } from "kserve-constructs/cdk8s";
import * as spec from "./specs/chariot-engine";

export class ChariotEngineChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: spec.namespace });

    const engine = InferenceEngine.fromChariot(this, "defect-detector", spec.defectDetector, spec.defectDetectorProps);
    const bucket = ModelStorage.s3(this, "vision-models", spec.models);
    new InferenceService(this, "line-3", spec.line3(engine, bucket));
  }
}
