/**
 * LLMInferenceService and LLMInferenceServiceConfig: large language models on KServe's llm-d stack.
 */
import * as pulumi from "@pulumi/pulumi";
import { buildLanguageModel, buildLLMInferenceService, buildLLMInferenceServiceConfig } from "../index";
import type { LanguageModelHandle, LanguageModelProps, LanguageModelServing, LLMConfigHandle, LLMInferenceServiceConfigProps, LLMInferenceServiceProps, LLMServiceHandle } from "../index";
import { KServeComponent } from "./component";
import { statusOf } from "./emit";
import { registerReference } from "./inputs";
import type { Inputify } from "./args";
import type { ReadinessArgs } from "./readiness";

/**
 * Args of an {@link LLMInferenceService}: the core's {@link LLMInferenceServiceProps}, with `namespace`,
 * Secret and ServiceAccount names and `env` values accepting Inputs (see {@link Inputify}).
 */
export interface LLMInferenceServiceArgs extends Inputify<LLMInferenceServiceProps>, ReadinessArgs {}

/**
 * A KServe LLMInferenceService: a model served by vLLM workloads (optionally prefill and decode apart,
 * across nodes with LeaderWorkerSet), with llm-d's router and scheduler. Every check runs at
 * construction (plain args) or once the Output args are known. `pulumi up` waits until it is Ready
 * (see {@link ReadinessArgs}; `waitForReady: false` turns it off).
 *
 * Registered outputs: `serviceName`, `namespace`, `objects`, `url`.
 *
 * @example
 * const llama = new LLMInferenceService("llama-70b", {
 *   model: bucket.path("llama-3.3-70b-instruct/"),
 *   hardware: a100.request({ accelerators: 4 }), parallelism: { tensor: 4 },
 *   router: { gateway: {}, route: {}, scheduler: {} },
 * }, { provider });
 * export const url = llama.url;
 */
export class LLMInferenceService extends KServeComponent<LLMServiceHandle> {
  /** The LLMInferenceService's name. */
  public readonly serviceName: string;
  /** The handle. */
  public readonly service: LLMServiceHandle;
  /**
   * The URL KServe reports in `status.url`, as the provider read the object once it was Ready (`pulumi up`
   * waits for that unless `waitForReady: false`). `undefined` under mocks.
   */
  public readonly url: pulumi.Output<string | undefined>;

  constructor(name: string, args: LLMInferenceServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:LLMInferenceService", name, args, opts, buildLLMInferenceService, { readiness: true });
    this.service = this.handle;
    this.serviceName = this.handle.name;
    const llm = this.resourceOfKind("LLMInferenceService");
    this.url = llm === undefined ? pulumi.output(undefined) : statusOf(llm).apply((status) => (typeof status?.["url"] === "string" ? status["url"] : undefined));
    this.registerAll({ serviceName: this.serviceName, url: this.url });
  }
}

/** Args of an {@link LLMInferenceServiceConfig}: the core's props, with Inputs as in {@link Inputify}. */
export interface LLMInferenceServiceConfigArgs extends Inputify<LLMInferenceServiceConfigProps> {}

/**
 * A KServe LLMInferenceServiceConfig: a reusable part of an LLMInferenceService spec that services name in
 * `baseRefs` (pass the component itself). It cannot name other configs.
 *
 * Registered outputs: `configName`, `namespace`, `objects`.
 */
export class LLMInferenceServiceConfig extends KServeComponent<LLMConfigHandle> {
  /** The config's name. */
  public readonly configName: string;
  /** The handle. */
  public readonly config: LLMConfigHandle;

  constructor(name: string, args: LLMInferenceServiceConfigArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:LLMInferenceServiceConfig", name, args, opts, buildLLMInferenceServiceConfig);
    this.config = this.handle;
    this.configName = this.handle.configName;
    // passed in baseRefs, it stands for its handle
    registerReference(this, () => this.handle);
    this.registerAll({ configName: this.configName });
  }
}

/** Args of a {@link LanguageModel}: the core's {@link LanguageModelProps}, with Inputs as in {@link Inputify}. */
export interface LanguageModelArgs extends Inputify<LanguageModelProps>, ReadinessArgs {}

/**
 * One language model served as an InferenceService (a vLLM engine) or as an LLMInferenceService (llm-d),
 * from the same model location, hardware, args, env and replicas: changing `serving` moves it.
 *
 * Registered outputs: `serviceName`, `serving`, `namespace`, `objects`.
 */
export class LanguageModel extends KServeComponent<LanguageModelHandle> {
  /** The resource name (the served model name). */
  public readonly serviceName: string;
  /** How it is served. */
  public readonly serving: LanguageModelServing;
  /** The handle. */
  public readonly model: LanguageModelHandle;

  constructor(name: string, args: LanguageModelArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:LanguageModel", name, args, opts, buildLanguageModel, { readiness: true });
    this.model = this.handle;
    this.serviceName = this.handle.name;
    this.serving = this.handle.serving;
    this.registerAll({ serviceName: this.serviceName, serving: this.serving });
  }
}
