/**
 * LLMInferenceService and LLMInferenceServiceConfig: large language models on KServe's llm-d stack.
 */
import type { ApiObject } from "cdk8s";
import { Construct } from "constructs";
import { buildLanguageModel, buildLLMInferenceService, buildLLMInferenceServiceConfig } from "../index";
import type { LanguageModelHandle, LanguageModelProps, LanguageModelServing, LLMConfigHandle, LLMInferenceServiceConfigProps, LLMInferenceServiceProps, LLMServiceHandle } from "../index";
import { adopt, buildWithHandles } from "./state";
import type { WithHandles } from "./plus";

/**
 * A KServe LLMInferenceService: a model served by vLLM workloads (optionally prefill and decode apart,
 * across nodes with LeaderWorkerSet), with llm-d's router and scheduler. The parallelism is checked
 * against the devices of every pod, hardware requests apply as for InferenceServices, and every KServe
 * CRD and webhook rule runs at synth time.
 *
 * @example
 * new LLMInferenceService(chart, "llama-70b", {
 *   model: bucket.path("llama-3.3-70b-instruct/"),
 *   hardware: a100.request({ accelerators: 4 }), parallelism: { tensor: 4 },
 *   router: { gateway: {}, route: {}, scheduler: {} },
 * });
 */
export class LLMInferenceService extends Construct {
  /** The LLMInferenceService's name. */
  public readonly name: string;
  /** The LLMInferenceService's name (the same as `name`; the Pulumi component's output of that name). */
  public readonly serviceName: string;
  /** Its namespace, when known. */
  public readonly namespace?: string;
  /** The handle. */
  public readonly service: LLMServiceHandle;
  /** The synthesized objects (empty when the props have errors). */
  public readonly apiObjects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: WithHandles<LLMInferenceServiceProps>) {
    super(scope, id);
    const result = buildWithHandles(scope, id, props, buildLLMInferenceService);
    this.service = result.handle;
    this.name = result.handle.name;
    this.serviceName = result.handle.name;
    if (result.handle.namespace !== undefined) this.namespace = result.handle.namespace;
    this.apiObjects = adopt(this, result);
  }
}

/**
 * A KServe LLMInferenceServiceConfig: a reusable part of an LLMInferenceService spec (per accelerator,
 * per team) that services name in `baseRefs`. It cannot name other configs.
 *
 * @example
 * const amd = new LLMInferenceServiceConfig(chart, "vllm-rocm", { image: "registry.example/vllm-rocm:0.11" });
 * new LLMInferenceService(chart, "granite", { model, hardware: mi300.request({ accelerators: 1 }), baseRefs: [amd] });
 */
export class LLMInferenceServiceConfig extends Construct implements LLMConfigHandle {
  /** The config's name (what `baseRefs` name). */
  public readonly configName: string;
  /** Its namespace, when known. */
  public readonly namespace?: string;
  /** The construct path. */
  public readonly where: string;
  /** Whether its props are valid. */
  public readonly valid: boolean;
  /** The synthesized objects (empty when the props have errors). */
  public readonly apiObjects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: WithHandles<LLMInferenceServiceConfigProps> = {}) {
    super(scope, id);
    const result = buildWithHandles(scope, id, props, buildLLMInferenceServiceConfig);
    this.configName = result.handle.configName;
    if (result.handle.namespace !== undefined) this.namespace = result.handle.namespace;
    this.where = result.handle.where;
    this.valid = result.handle.valid;
    this.apiObjects = adopt(this, result);
  }
}

/**
 * One language model served as an InferenceService (a vLLM engine) or as an LLMInferenceService (llm-d),
 * from the same model location, hardware, args, env and replicas: changing `serving` moves it.
 *
 * @example
 * new LanguageModel(chart, "granite", {
 *   serving: "LLMInferenceService",            // or "InferenceService"
 *   engine: vllm, model: bucket.path("granite-3.3-8b-instruct/"), hardware: a100.request({ accelerators: 2 }),
 *   llmInferenceService: { router: { gateway: {}, route: {}, scheduler: {} } },
 * });
 */
export class LanguageModel extends Construct {
  /** The resource name (the served model name). */
  public readonly name: string;
  /** The resource name (the same as `name`; the Pulumi component's output of that name). */
  public readonly serviceName: string;
  /** How it is served. */
  public readonly serving: LanguageModelServing;
  /** The handle. */
  public readonly model: LanguageModelHandle;
  /** The synthesized objects (empty when the props have errors). */
  public readonly apiObjects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: WithHandles<LanguageModelProps>) {
    super(scope, id);
    const result = buildWithHandles(scope, id, props, buildLanguageModel);
    this.model = result.handle;
    this.name = result.handle.name;
    this.serviceName = result.handle.name;
    this.serving = result.handle.serving;
    this.apiObjects = adopt(this, result);
  }
}
