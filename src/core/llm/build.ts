/**
 * Builds an LLMInferenceService or LLMInferenceServiceConfig, both declared through the pipeline
 * (`../pipeline.ts`): the props parsed and resolved (defaults and hardware), the target, hardware and
 * props rules (none stops the render, so that every problem is reported at once), render, then the
 * manifest rules (KServe's CRD and webhook rules and the target's fields) on the rendered resources.
 */
import type { BuildContext, BuildResult, Registry } from "../context";
import { getIn, isRecord } from "../canonical";
import type { ConceptDefinition } from "../pipeline";
import { defineConcept, targetRule } from "../pipeline";
import { nest } from "../errors";
import type { Manifest } from "../k8s";
import { hardwareIssues } from "../hardware/apply";
import type { TargetProps } from "../target/props";
import { defaultTarget, mergeTargetProps } from "../target/resolve";
import { runManifestRules, runRules } from "../rules/registry";
import type { LLMInferenceServiceConfigProps, LLMInferenceServiceProps } from "./props";
import { llmConfigSchema, llmServiceSchema } from "./schema";
import type { KnownLLMConfig, LLMSpec } from "./resolve";
import { MAIN_CONTAINER, baseRefNames, resolveLLMSpec } from "./resolve";
import { renderLLM, renderUserRouting } from "./render";
import { LLM_MANIFEST_RULES, LLM_PROPS_RULES, LLM_ROUTING_RULES } from "./rules";

/** What other constructs and outputs need from an LLMInferenceService. */
export interface LLMServiceHandle {
  /** The resource name. */
  readonly name: string;
  /** The namespace, when known. */
  readonly namespace?: string;
  /** Where it was defined (construct path or resource name). */
  readonly where: string;
  /** True when the build found no error. */
  readonly valid: boolean;
}

/** What an LLMInferenceService needs from a config it names in `baseRefs`. */
export interface LLMConfigHandle {
  /** The config's name (what `baseRefs` name). */
  readonly configName: string;
  /** The namespace, when known. */
  readonly namespace?: string;
  /** Where it was defined (construct path or resource name). */
  readonly where: string;
  /** True when the build found no error. */
  readonly valid: boolean;
}

/** The props of both kinds, as the steps they share read them. */
type LLMProps = LLMSpec["props"] & { readonly name?: string; readonly namespace?: string; readonly target?: TargetProps };

/** The configs built in each app (a registry stands for its app), for the checks of the services that name them. */
const builtConfigs = new WeakMap<Registry, KnownLLMConfig[]>();

/** The main container's image of a rendered pod template, if it sets one. */
function imageOf(template: unknown): string | undefined {
  const containers = getIn(template, ["containers"]);
  const main = Array.isArray(containers) ? containers.find((c) => isRecord(c) && c["name"] === MAIN_CONTAINER) : undefined;
  return isRecord(main) && typeof main["image"] === "string" ? main["image"] : undefined;
}

/** The configs of the app that `refs` name, looked up in the service's namespace. */
function knownConfigs(registry: Registry | undefined, refs: readonly string[], namespace: string | undefined): ReadonlyMap<string, KnownLLMConfig> {
  const out = new Map<string, KnownLLMConfig>();
  const built = registry !== undefined ? (builtConfigs.get(registry) ?? []) : [];
  for (const ref of refs) {
    const found = built.find((c) => c.name === ref && c.namespace === namespace);
    if (found !== undefined) out.set(ref, found);
  }
  return out;
}

/** A rendered config as the services that name it see it. */
function knownConfig(spec: LLMSpec, manifest: Manifest, where: string): KnownLLMConfig {
  const body = manifest["spec"];
  const mainImage = imageOf(getIn(body, ["template"]));
  const prefillImage = imageOf(getIn(body, ["prefill", "template"]));
  const setsReplicas = (workload: unknown): boolean => isRecord(workload) && (workload["replicas"] !== undefined || workload["scaling"] !== undefined);
  return {
    name: spec.name,
    ...(spec.namespace !== undefined ? { namespace: spec.namespace } : {}),
    where,
    ...(mainImage !== undefined ? { mainImage } : {}),
    ...(prefillImage !== undefined ? { prefillImage } : {}),
    mainReplicas: setsReplicas(body),
    prefillReplicas: setsReplicas(getIn(body, ["prefill"])),
  };
}

/**
 * Whether the constructs the props reference (the storage of the model and the LoRA adapters, the
 * configs of `baseRefs`) are valid: one that is not reports its own problems, and nothing is rendered.
 */
function referencesValid(p: LLMProps): boolean {
  const sources = [p.model, ...(p.lora?.adapters ?? []).map((a) => a.model)];
  const refs = Array.isArray(p.baseRefs) ? (p.baseRefs as unknown[]) : [];
  return !sources.some((m) => m?.source?.valid === false) && !refs.some((r) => typeof r === "object" && r !== null && (r as { valid?: boolean }).valid === false);
}

/** An LLM's props resolved: its spec, and whether the constructs they reference are valid (decided once per build). */
interface ResolvedLLM extends LLMSpec {
  /** {@link referencesValid} of the props: the hardware and props rules and the render run only when it holds. */
  readonly referencesValid: boolean;
}

/** The steps both kinds share: resolve, the rules, render and the rules on the rendered resources. */
function llmSteps<P extends LLMProps>(kind: LLMSpec["kind"]): Pick<ConceptDefinition<P, ResolvedLLM, unknown>, "resolve" | "rules" | "renderable" | "render" | "renderedRules"> {
  return {
    resolve: (p, ctx) => {
      const name = p.name ?? ctx.defaultName;
      const namespace = p.namespace ?? ctx.namespace;
      const spec = resolveLLMSpec(kind, p, name, namespace, defaultTarget(mergeTargetProps(ctx.target, p.target)), knownConfigs(ctx.registry, baseRefNames(p.baseRefs), namespace));
      return { ...spec, referencesValid: referencesValid(p) };
    },
    // none stops the render: the manifest rules still run, so that every problem is reported at once
    rules: [
      { ...targetRule, stopsRender: false },
      {
        name: "hardware",
        stopsRender: false,
        check: (spec) => (spec.referencesValid ? spec.appliedHardware.flatMap((a) => nest(a.workload, hardwareIssues(a.at, a.request, a.base, a.application))) : []),
      },
      { name: "props", stopsRender: false, check: (spec) => (spec.referencesValid ? runRules(LLM_PROPS_RULES, { spec }) : []) },
    ],
    renderable: (spec) => spec.referencesValid,
    render: (spec) => ({ manifests: [renderLLM(spec), ...renderUserRouting(spec)] }),
    renderedRules: [
      { name: "manifest", check: ({ manifests }, spec) => runManifestRules(LLM_MANIFEST_RULES, { manifest: manifests[0] as Manifest, target: spec.target, app: manifests }) },
      // the HTTPRoute and InferencePool of userRouting
      { name: "routing", check: ({ manifests }, spec) => manifests.slice(1).flatMap((manifest) => runManifestRules(LLM_ROUTING_RULES, { manifest, target: spec.target, app: manifests })) },
    ],
  };
}

/** The LLMInferenceService concept. */
const llmServiceConcept = defineConcept<LLMInferenceServiceProps, ResolvedLLM, LLMServiceHandle>({
  name: "llm-inference-service",
  schema: llmServiceSchema,
  ...llmSteps<LLMInferenceServiceProps>("LLMInferenceService"),
  handle: ({ given, valid }, ctx) => {
    const namespace = given?.namespace ?? ctx.namespace;
    return { name: given?.name ?? ctx.defaultName, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where, valid };
  },
  fallback: (ctx) => ({ name: ctx.defaultName, where: ctx.where, valid: false }),
});

/** The LLMInferenceServiceConfig concept. */
const llmConfigConcept = defineConcept<LLMInferenceServiceConfigProps & { readonly baseRefs?: unknown }, ResolvedLLM, LLMConfigHandle>({
  name: "llm-inference-service-config",
  schema: llmConfigSchema,
  ...llmSteps<LLMInferenceServiceConfigProps & { readonly baseRefs?: unknown }>("LLMInferenceServiceConfig"),
  handle: ({ given, valid }, ctx) => {
    const namespace = given?.namespace ?? ctx.namespace;
    return { configName: given?.name ?? ctx.defaultName, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where, valid };
  },
  // a valid config is known to the services of the app that name it in baseRefs
  record: (_handle, spec, ctx, rendered) => {
    if (ctx.registry === undefined) return;
    builtConfigs.set(ctx.registry, [...(builtConfigs.get(ctx.registry) ?? []), knownConfig(spec, rendered.manifests[0] as Manifest, ctx.where)]);
  },
  fallback: (ctx) => ({ configName: ctx.defaultName, where: ctx.where, valid: false }),
});

/** Builds an LLMInferenceService (and the HTTPRoute and InferencePool of `userRouting`): `{ manifests, issues, handle }`; never throws on bad input. */
export const buildLLMInferenceService: (props: LLMInferenceServiceProps, ctx: BuildContext) => BuildResult<LLMServiceHandle> = llmServiceConcept.build;

/** Builds an LLMInferenceServiceConfig: `{ manifests, issues, handle }`; never throws on bad input. */
export const buildLLMInferenceServiceConfig: (props: LLMInferenceServiceConfigProps, ctx: BuildContext) => BuildResult<LLMConfigHandle> = llmConfigConcept.build;
