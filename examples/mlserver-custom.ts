/**
 * An MLServer custom Python runtime (your own `MLModel` class, built with `mlserver build`), served
 * single-model and, with one changed line, multi-model on ModelMesh. The platform defines both runtimes
 * once; `ModelServing`'s mode decides which one serves the models. The model is addressed through the
 * storage-config Secret, which KServe (single-model) and ModelMesh (multi-model) both read, so its
 * location does not change either. A Job writes that Secret at deploy time from the existing
 * `minio-credentials` Secret; no key is in the manifests. The specs are in examples/specs/mlserver-custom.ts
 * (the Pulumi program in examples/pulumi uses them too).
 *
 * The same chart is synthesized twice, once per mode, into two namespaces (see platform.ts).
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { InferenceEngine, InferenceService, KServeTarget, MLServer, ModelServing, StorageConfig } from "kserve-constructs/cdk8s";
import type { ServingMode } from "kserve-constructs/cdk8s";
import type { TargetProps } from "kserve-constructs";
import * as spec from "./specs/mlserver-custom";

/** Props of the example. */
export interface MLServerCustomChartProps {
  /** Single-model (KServe) or multi-model (ModelMesh) serving. */
  readonly mode: ServingMode;
  readonly namespace: string;
  /**
   * Fields replacing the example's own target (the conformance matrix runs it on every release).
   * @default the example's target
   */
  readonly target?: TargetProps;
}

export class MLServerCustomChart extends Chart {
  constructor(scope: Construct, id: string, props: MLServerCustomChartProps) {
    super(scope, id, { namespace: props.namespace });
    KServeTarget.set(this, { ...spec.target, ...props.target });

    const single = new InferenceEngine(this, "fraud-mlserver", MLServer.runtime(spec.single));
    const multi = new InferenceEngine(this, "fraud-mlserver-mm", MLServer.runtime(spec.multi));
    const fraud = new ModelServing(this, "fraud", spec.fraud(props.mode, single, multi));

    const storage = new StorageConfig(this, "storage-config", spec.storageConfig);

    new InferenceService(this, "fraud-scorer", spec.fraudScorer(fraud, storage));
  }
}
