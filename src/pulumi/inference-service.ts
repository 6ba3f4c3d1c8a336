/**
 * InferenceService: a model served by an engine.
 */
import * as pulumi from "@pulumi/pulumi";
import { buildInferenceService } from "../index";
import type { InferenceServiceProps, ServiceHandle } from "../index";
import { KServeComponent } from "./component";
import { statusOf } from "./emit";
import type { Inputify } from "./args";
import type { ReadinessArgs } from "./readiness";

/**
 * Args of an {@link InferenceService}: the core's {@link InferenceServiceProps}, with `namespace`,
 * `serviceAccountName`, `imagePullSecrets` items and `env` values accepting Inputs (and resources, see
 * {@link Inputify}). `engine` takes an {@link InferenceEngine}, a {@link ServingRuntime} or
 * `ServingRuntime.fromName(...)`. `waitForReady` and `readyTimeoutSeconds` ({@link ReadinessArgs})
 * decide whether `pulumi up` waits until it is Ready.
 */
export interface InferenceServiceArgs extends Inputify<InferenceServiceProps>, ReadinessArgs {}

/**
 * A KServe InferenceService: binds an engine (or existing runtime) to a model location, with resources,
 * parameters, deployment mode and scaling. Every KServe admission rule and the library's own checks run
 * at construction (plain args) or once the Output args are known. `pulumi up` waits until the
 * InferenceService is Ready (its `Ready` condition, through the Kubernetes provider's `pulumi.com/waitFor`
 * annotation; 600 seconds unless `readyTimeoutSeconds` says otherwise; `waitForReady: false` turns it off).
 *
 * Registered outputs: `serviceName`, `namespace`, `objects`, `url`.
 *
 * @example
 * const granite = new InferenceService("granite", {
 *   engine: vllm,
 *   model: bucket.path("granite-7b-instruct/"),
 *   deploymentMode: "Standard",
 *   scaling: { min: 1, max: 3 },
 * }, { provider });
 * export const url = granite.url;
 */
export class InferenceService extends KServeComponent<ServiceHandle> {
  /** The InferenceService's name. */
  public readonly serviceName: string;
  /** The handle. */
  public readonly service: ServiceHandle;
  /**
   * The URL KServe reports in the InferenceService's `status.url`, as the provider read the object once
   * it was Ready (`pulumi up` waits for that unless `waitForReady: false`, so the first `up` sets it;
   * without waiting, a later `pulumi refresh` or `up` reads it). `undefined` under mocks; unknown during a
   * preview.
   */
  public readonly url: pulumi.Output<string | undefined>;

  constructor(name: string, args: InferenceServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:InferenceService", name, args, opts, buildInferenceService, { readiness: true });
    this.service = this.handle;
    this.serviceName = this.handle.name;
    const isvc = this.resourceOfKind("InferenceService");
    this.url = isvc === undefined ? pulumi.output(undefined) : statusOf(isvc).apply((status) => (typeof status?.["url"] === "string" ? status["url"] : undefined));
    this.registerAll({ serviceName: this.serviceName, url: this.url });
  }
}
