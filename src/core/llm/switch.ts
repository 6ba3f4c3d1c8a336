/**
 * LanguageModel: one model, one storage location and one hardware request, served either as a KServe
 * InferenceService (a vLLM engine, one predictor) or as an LLMInferenceService (llm-d). Changing
 * `serving` moves the model between the two; the served model name (the resource name), the hardware
 * and the replicas stay, so clients see the same model.
 */
import { z } from "zod";
import type { BuildContext, BuildDraft } from "../context";
import { factsOf } from "../plan";
import { guardBuild } from "../context";
import { locate } from "../errors";
import { parseProps, withFix } from "../schema";
import { runRules } from "../rules/registry";
import { envSchema } from "../pod/schema";
import { targetSchema } from "../target/schema";
import { hardwareRequestSchema } from "../hardware/schema";
import { modelLocation, runtimeRef } from "../service/schema";
import type { TargetProps } from "../target/props";
import type { ModelLocation } from "../storage/location";
import type { HardwareRequest } from "../hardware/request";
import type { EnvValue } from "../pod/env";
import type { IRuntime } from "../runtime/ref";
import type { InferenceServiceProps } from "../service/props";
import { buildInferenceService } from "../service/build";
import type { LLMInferenceServiceProps } from "./props";
import { buildLLMInferenceService } from "./build";
import { languageModelEngine } from "./rules";

/** The two ways of serving a language model. */
export type LanguageModelServing = "InferenceService" | "LLMInferenceService";

/** Props of a LanguageModel. */
export interface LanguageModelProps {
  /** `InferenceService` (KServe's predictor with a vLLM engine) or `LLMInferenceService` (llm-d). */
  readonly serving: LanguageModelServing;
  /**
   * The resource name, which is also the model name clients send (vLLM's served model name in both forms).
   * @default the construct id (cdk8s) or resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * Namespace.
   * @default the chart's namespace (cdk8s) or the provider's default namespace (Pulumi)
   */
  readonly namespace?: string;
  /** The model: `storage.path("...")` or `ModelLocation.fromUri("...")`. */
  readonly model: ModelLocation;
  /**
   * Hardware, applied the same way in both forms (tensor parallel over several devices).
   * @default no hardware
   */
  readonly hardware?: HardwareRequest;
  /**
   * The vLLM engine of the InferenceService form (`InferenceEngine.vllm(...)` or a runtime); required there.
   * @default none (then only `serving: "LLMInferenceService"` works)
   */
  readonly engine?: IRuntime;
  /**
   * Extra vLLM arguments, in both forms.
   * @default none
   */
  readonly args?: readonly string[];
  /**
   * Environment of the vLLM container, in both forms.
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvValue>>;
  /**
   * Fixed replicas (excludes `scaling`).
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Autoscaling between `min` and `max` replicas: the InferenceService's HPA, the LLMInferenceService's WVA.
   * @default fixed replicas
   */
  readonly scaling?: { readonly min?: number; readonly max: number };
  /**
   * Props only the InferenceService form uses (kept while the model is served the other way, so switching back is one line).
   * @default none
   */
  readonly inferenceService?: Omit<Partial<InferenceServiceProps>, "name" | "namespace" | "engine" | "model" | "hardware" | "args" | "env" | "scaling" | "target">;
  /**
   * Props only the LLMInferenceService form uses (router, prefill, parallelism, ...).
   * @default none
   */
  readonly llmInferenceService?: Omit<Partial<LLMInferenceServiceProps>, "name" | "namespace" | "model" | "hardware" | "args" | "env" | "replicas" | "scaling" | "target">;
  /**
   * Override the target platform.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}

/** What a LanguageModel built. */
export interface LanguageModelHandle {
  readonly name: string;
  readonly namespace?: string;
  readonly serving: LanguageModelServing;
  readonly where: string;
  readonly valid: boolean;
}

const schema: z.ZodType<LanguageModelProps> = z.strictObject({
  serving: z.enum(["InferenceService", "LLMInferenceService"], { error: withFix('serving is "InferenceService" or "LLMInferenceService"', 'use "LLMInferenceService" for llm-d, "InferenceService" for a vLLM predictor') }),
  name: z.string().min(1).optional(),
  namespace: z.string().optional(),
  model: modelLocation,
  hardware: hardwareRequestSchema.optional(),
  engine: runtimeRef.optional(),
  args: z.array(z.string()).optional(),
  env: envSchema.optional(),
  replicas: z.number().int().min(0).optional(),
  scaling: z.strictObject({ min: z.number().int().min(0).optional(), max: z.number().int().min(0) }).optional(),
  inferenceService: z.record(z.string(), z.unknown()).optional() as z.ZodType<LanguageModelProps["inferenceService"]>,
  llmInferenceService: z.record(z.string(), z.unknown()).optional() as z.ZodType<LanguageModelProps["llmInferenceService"]>,
  target: targetSchema.optional(),
});

function buildUnguarded(props: LanguageModelProps, ctx: BuildContext): BuildDraft<LanguageModelHandle> {
  const given = props as Partial<LanguageModelProps> | undefined;
  const name = given?.name ?? ctx.defaultName;
  const namespace = given?.namespace ?? ctx.namespace;
  const serving: LanguageModelServing = given?.serving === "InferenceService" ? "InferenceService" : "LLMInferenceService";
  const handle = (valid: boolean): LanguageModelHandle => ({ name, ...(namespace !== undefined ? { namespace } : {}), serving, where: ctx.where, valid });
  const parsed = parseProps(schema, props);
  if (parsed.value === undefined) return { manifests: [], issues: locate(ctx.where, parsed.issues), handle: handle(false) };
  const p = parsed.value;
  const gate = locate(ctx.where, runRules([languageModelEngine], p));
  if (gate.length > 0) return { manifests: [], issues: gate, handle: handle(false) };
  const common = {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    model: p.model,
    ...(p.hardware !== undefined ? { hardware: p.hardware } : {}),
    ...(p.args !== undefined ? { args: p.args } : {}),
    ...(p.env !== undefined ? { env: p.env } : {}),
    ...(p.target !== undefined ? { target: p.target } : {}),
  };
  const result =
    p.serving === "InferenceService"
      ? buildInferenceService(
          {
            ...(p.inferenceService ?? {}),
            ...common,
            engine: p.engine as IRuntime,
            // fixed replicas are min = max (without a maximum, Knative would autoscale)
            scaling: p.scaling !== undefined ? { min: p.scaling.min ?? 1, max: p.scaling.max } : { min: p.replicas ?? 1, max: p.replicas ?? 1 },
          } as InferenceServiceProps,
          ctx,
        )
      : buildLLMInferenceService(
          {
            ...(p.llmInferenceService ?? {}),
            ...common,
            ...(p.scaling !== undefined ? { scaling: { min: p.scaling.min ?? 1, max: p.scaling.max, wva: {} } } : p.replicas !== undefined ? { replicas: p.replicas } : {}),
          },
          ctx,
        );
  return { manifests: result.manifests, issues: result.issues, handle: handle(result.handle.valid), facts: factsOf(result.plan) };
}

/** Builds a LanguageModel as the form `serving` names; never throws on bad input. */
export const buildLanguageModel = guardBuild<LanguageModelProps, LanguageModelHandle>(buildUnguarded, (ctx) => ({ name: ctx.defaultName, serving: "LLMInferenceService", where: ctx.where, valid: false }));
