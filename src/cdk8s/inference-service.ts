/**
 * InferenceService: a model served by an engine.
 */
import type { ApiObject } from "cdk8s";
import type { Construct } from "constructs";
import { buildInferenceService } from "../index";
import type { InferenceServiceProps, ServiceHandle } from "../index";
import { adoptAsFirst, buildWithHandles, ownApiObjectProps } from "./state";
import { CanonicalApiObject } from "./emit";
import type { WithHandles } from "./plus";

/**
 * A KServe InferenceService: binds an engine (or existing runtime) to a model location, with resources,
 * parameters, deployment mode and scaling. Every KServe admission rule and the library's own checks run
 * at synth time.
 *
 * The construct is itself the InferenceService's ApiObject (cdk8s's `ApiObject` members, such as
 * `metadata` and `addJsonPatch`, act on the InferenceService it writes).
 *
 * @example
 * new InferenceService(chart, "granite", {
 *   engine: vllm,
 *   model: bucket.path("granite-7b-instruct/"),
 *   deploymentMode: "Standard",
 *   scaling: { min: 1, max: 3 },
 * });
 */
export class InferenceService extends CanonicalApiObject {
  /** The InferenceService's name (the same as `name`; the Pulumi component's output of that name). */
  public readonly serviceName: string;
  /** Its namespace, when known. */
  public readonly namespace?: string;
  /** The handle. */
  public readonly service: ServiceHandle;
  /** The synthesized objects: the construct itself (empty when the props have errors). */
  public readonly apiObjects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: WithHandles<InferenceServiceProps>) {
    const result = buildWithHandles(scope, id, props, buildInferenceService);
    super(scope, id, ownApiObjectProps(scope, result, { apiVersion: "serving.kserve.io/v1beta1", kind: "InferenceService", name: result.handle.name }));
    this.service = result.handle;
    this.serviceName = result.handle.name;
    if (result.handle.namespace !== undefined) this.namespace = result.handle.namespace;
    this.apiObjects = adoptAsFirst(this, result);
  }

  /** The InferenceService's JSON; an error when its props have errors (nothing to write). */
  public override toJson(): Record<string, unknown> {
    if (this.apiObjects.length === 0) throw new Error(`${this.node.path}: the InferenceService has errors:\n  ${this.node.validate().join("\n  ")}`);
    return super.toJson();
  }
}
