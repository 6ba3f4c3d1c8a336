/**
 * InferenceService: a model served by an engine.
 */
import type { ApiObject } from "cdk8s";
import { Construct } from "constructs";
import { buildInferenceService } from "../index";
import type { InferenceServiceProps, ServiceHandle } from "../index";
import { adopt, buildWithHandles } from "./state";
import type { WithHandles } from "./plus";

/**
 * A KServe InferenceService: binds an engine (or existing runtime) to a model location, with resources,
 * parameters, deployment mode and scaling. Every KServe admission rule and the library's own checks run
 * at synth time.
 *
 * @example
 * new InferenceService(chart, "granite", {
 *   engine: vllm,
 *   model: bucket.path("granite-7b-instruct/"),
 *   deploymentMode: "Standard",
 *   scaling: { min: 1, max: 3 },
 * });
 */
export class InferenceService extends Construct {
  /** The InferenceService's name. */
  public readonly name: string;
  /** The InferenceService's name (the same as `name`; the Pulumi component's output of that name). */
  public readonly serviceName: string;
  /** Its namespace, when known. */
  public readonly namespace?: string;
  /** The handle. */
  public readonly service: ServiceHandle;
  /** The synthesized objects (empty when the props have errors). */
  public readonly apiObjects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: WithHandles<InferenceServiceProps>) {
    super(scope, id);
    const result = buildWithHandles(scope, id, props, buildInferenceService);
    this.service = result.handle;
    this.name = result.handle.name;
    this.serviceName = result.handle.name;
    if (result.handle.namespace !== undefined) this.namespace = result.handle.namespace;
    this.apiObjects = adopt(this, result);
  }
}
