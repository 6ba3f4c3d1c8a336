/**
 * Builds an LLMInferenceService or LLMInferenceServiceConfig: shape, target, resolve (defaults and
 * hardware), the props rules, render, then the manifest rules (KServe's CRD and webhook rules and the
 * target's fields) on the rendered resource.
 */
import type { BuildContext, BuildDraft, Registry } from "../context";
import { getIn, isRecord } from "../canonical";
import { guardBuild } from "../context";
import type { IssueDraft } from "../errors";
import { isError, locate } from "../errors";
import type { Manifest } from "../k8s";
import { parseProps } from "../schema";
import { mergeTargetProps, resolveTarget } from "../target/resolve";
import { runRules } from "../rules/registry";
import type { LLMInferenceServiceConfigProps, LLMInferenceServiceProps } from "./props";
import { llmConfigSchema, llmServiceSchema } from "./schema";
import type { KnownLLMConfig, LLMSpec } from "./resolve";
import { MAIN_CONTAINER, baseRefNames, resolveLLMSpec } from "./resolve";
import { renderLLM, renderUserRouting } from "./render";
import { LLM_MANIFEST_RULES, LLM_PROPS_RULES, LLM_ROUTING_RULES } from "./rules";

/** What other constructs and outputs need from an LLMInferenceService. */
export interface LLMServiceHandle {
  readonly name: string;
  readonly namespace?: string;
  readonly where: string;
  readonly valid: boolean;
}

/** What an LLMInferenceService needs from a config it names in `baseRefs`. */
export interface LLMConfigHandle {
  readonly configName: string;
  readonly namespace?: string;
  readonly where: string;
  readonly valid: boolean;
}

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

function build(kind: LLMSpec["kind"], props: unknown, ctx: BuildContext): { manifests: Manifest[]; issues: ReturnType<typeof locate>; name: string; namespace?: string } {
  const given = props as { name?: string; namespace?: string } | undefined;
  const name = given?.name ?? ctx.defaultName;
  const namespace = given?.namespace ?? ctx.namespace;
  const parsed = kind === "LLMInferenceService" ? parseProps(llmServiceSchema, props) : parseProps(llmConfigSchema, props);
  const base = { name, ...(namespace !== undefined ? { namespace } : {}) };
  if (parsed.value === undefined) return { ...base, manifests: [], issues: locate(ctx.where, parsed.issues) };
  const p = parsed.value as LLMSpec["props"] & { target?: LLMInferenceServiceProps["target"] };
  const drafts: IssueDraft[] = [];
  const { target, issues: targetIssues } = resolveTarget(mergeTargetProps(ctx.target, p.target));
  drafts.push(...targetIssues);
  const sources = [p.model, ...(p.lora?.adapters ?? []).map((a) => a.model)];
  const refs = Array.isArray(p.baseRefs) ? (p.baseRefs as unknown[]) : [];
  if (sources.some((m) => m?.source?.valid === false) || refs.some((r) => typeof r === "object" && r !== null && (r as { valid?: boolean }).valid === false)) {
    // the referenced construct reports its own problems
    return { ...base, manifests: [], issues: locate(ctx.where, drafts) };
  }
  const resolved = resolveLLMSpec(kind, p, name, namespace, target, knownConfigs(ctx.registry, baseRefNames(p.baseRefs), namespace));
  const issues = resolved.issues;
  const spec: LLMSpec = resolved.spec;
  drafts.push(...issues, ...runRules(LLM_PROPS_RULES, { spec }));
  const manifest = renderLLM(spec);
  const extra = renderUserRouting(spec);
  const app = [manifest, ...extra];
  drafts.push(...runRules(LLM_MANIFEST_RULES, { manifest, target, app }));
  for (const m of extra) drafts.push(...runRules(LLM_ROUTING_RULES, { manifest: m, target, app }));
  const located = locate(ctx.where, drafts);
  if (!located.some(isError)) located.push(...(ctx.registry?.claim(ctx.where, app) ?? []));
  const valid = !located.some(isError);
  if (valid && kind === "LLMInferenceServiceConfig" && ctx.registry !== undefined) {
    const list = builtConfigs.get(ctx.registry) ?? [];
    const body = manifest["spec"];
    const mainImage = imageOf(getIn(body, ["template"]));
    const prefillImage = imageOf(getIn(body, ["prefill", "template"]));
    const setsReplicas = (workload: unknown): boolean => isRecord(workload) && (workload["replicas"] !== undefined || workload["scaling"] !== undefined);
    list.push({
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      where: ctx.where,
      ...(mainImage !== undefined ? { mainImage } : {}),
      ...(prefillImage !== undefined ? { prefillImage } : {}),
      mainReplicas: setsReplicas(body),
      prefillReplicas: setsReplicas(getIn(body, ["prefill"])),
    });
    builtConfigs.set(ctx.registry, list);
  }
  return { ...base, manifests: valid ? app : [], issues: located };
}

function buildServiceUnguarded(props: LLMInferenceServiceProps, ctx: BuildContext): BuildDraft<LLMServiceHandle> {
  const r = build("LLMInferenceService", props, ctx);
  const valid = !r.issues.some(isError);
  return { manifests: r.manifests, issues: r.issues, handle: { name: r.name, ...(r.namespace !== undefined ? { namespace: r.namespace } : {}), where: ctx.where, valid } };
}

function buildConfigUnguarded(props: LLMInferenceServiceConfigProps, ctx: BuildContext): BuildDraft<LLMConfigHandle> {
  const r = build("LLMInferenceServiceConfig", props, ctx);
  const valid = !r.issues.some(isError);
  return { manifests: r.manifests, issues: r.issues, handle: { configName: r.name, ...(r.namespace !== undefined ? { namespace: r.namespace } : {}), where: ctx.where, valid } };
}

/** Builds an LLMInferenceService (and the HTTPRoute and InferencePool of `userRouting`); never throws on bad input. */
export const buildLLMInferenceService = guardBuild<LLMInferenceServiceProps, LLMServiceHandle>(buildServiceUnguarded, (ctx) => ({ name: ctx.defaultName, where: ctx.where, valid: false }));

/** Builds an LLMInferenceServiceConfig; never throws on bad input. */
export const buildLLMInferenceServiceConfig = guardBuild<LLMInferenceServiceConfigProps, LLMConfigHandle>(buildConfigUnguarded, (ctx) => ({ configName: ctx.defaultName, where: ctx.where, valid: false }));
