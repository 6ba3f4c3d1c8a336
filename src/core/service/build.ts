/**
 * Builds an InferenceService: validate props, resolve against its runtime and storage, render, then
 * run KServe's webhook rules and the library's semantic rules on the result.
 */
import type { BuildContext, BuildDraft } from "../context";
import { guardBuild } from "../context";
import type { IssueDraft } from "../errors";
import { isError, locate, nest } from "../errors";
import type { Manifest } from "../k8s";
import { parseProps } from "../schema";
import { checkLocationValue } from "../storage/rules";
import { mergeTargetProps, resolveTarget } from "../target/resolve";
import type { InferenceServiceProps } from "./props";
import { inferenceServiceSchema } from "./schema";
import { deploymentModeOf, resolveServiceInput, resolveServiceSpec } from "./spec";
import { checkModelMeshProps } from "../modelmesh/service";
import type { ServiceSpec } from "./spec";
import { renderService } from "./render";
import { runManifestRules, runRules } from "../rules/registry";
import type { ManifestSubject } from "../rules/registry";
import { checkServiceInput, checkServiceProps, MODELMESH_SERVICE_RULES, SERVICE_KNATIVE_RULES, SERVICE_NAME_RULES, SERVICE_RUNTIME_RULES, SERVICE_WEBHOOK_RULES } from "./rules";

/** What other constructs and outputs need from an InferenceService. */
export interface ServiceHandle {
  readonly name: string;
  readonly namespace?: string;
  readonly where: string;
  readonly valid: boolean;
}

/** Builds an InferenceService; never throws on bad input. */
function buildInferenceServiceUnguarded(props: InferenceServiceProps, ctx: BuildContext): BuildDraft<ServiceHandle> & { spec?: ServiceSpec } {
  const name = (props as Partial<InferenceServiceProps> | undefined)?.name ?? ctx.defaultName;
  const namespace = (props as Partial<InferenceServiceProps> | undefined)?.namespace ?? ctx.namespace;
  const handle = (valid: boolean): ServiceHandle => ({ name, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where, valid });
  const locationDrafts = props !== null && typeof props === "object" && Object.hasOwn(props, "model") ? checkLocationValue("model", (props as { model?: unknown }).model) : [];
  if (locationDrafts.length > 0) return { manifests: [], issues: locate(ctx.where, locationDrafts), handle: handle(false) };
  const parsed = parseProps(inferenceServiceSchema, props);
  if (parsed.value === undefined) return { manifests: [], issues: locate(ctx.where, parsed.issues), handle: handle(false) };
  const p = parsed.value;
  const drafts: IssueDraft[] = [];
  const { target, issues: targetIssues } = resolveTarget(mergeTargetProps(ctx.target, p.target));
  drafts.push(...targetIssues);
  const runtimeProblems = p.engine.runtime.problems ?? [];
  if (runtimeProblems.length > 0) {
    // a runtime referenced by name that cannot exist: reported here, where it is used
    return { manifests: [], issues: locate(ctx.where, [...drafts, ...nest("engine", runtimeProblems)]), handle: handle(false) };
  }
  if (!p.engine.runtime.valid || p.model.source?.valid === false) {
    // the referenced construct reports its own problems; nothing sensible can be rendered here
    return { manifests: [], issues: locate(ctx.where, drafts), handle: handle(false) };
  }
  if (deploymentModeOf(p) === "ModelMesh") drafts.push(...checkModelMeshProps(p));
  const input = resolveServiceInput(p, target);
  const inputIssues = checkServiceInput(input);
  drafts.push(...inputIssues);
  if (inputIssues.length > 0) return { manifests: [], issues: locate(ctx.where, drafts), handle: handle(false) };
  const spec = resolveServiceSpec(input, name, namespace);
  const manifest: Manifest = renderService(spec);
  const subject: ManifestSubject = { manifest, target, app: [manifest], known: { runtime: p.engine.runtime } };
  const specRules = checkServiceProps(spec);
  drafts.push(
    ...runManifestRules(SERVICE_WEBHOOK_RULES, subject),
    ...specRules.ownedKeys,
    ...runManifestRules(SERVICE_NAME_RULES, subject),
    ...specRules.modeFields,
    ...runManifestRules(SERVICE_KNATIVE_RULES, subject),
    ...specRules.platform,
    ...runRules(SERVICE_RUNTIME_RULES, subject),
    ...specRules.storage,
    ...specRules.multiNode,
    ...runManifestRules(MODELMESH_SERVICE_RULES, subject),
  );
  const issues = locate(ctx.where, drafts);
  const ok = !issues.some(isError);
  if (ok) issues.push(...(ctx.registry?.claim(ctx.where, [manifest]) ?? []));
  const valid = !issues.some(isError);
  return { manifests: valid ? [manifest] : [], issues, handle: handle(valid), spec };
}

/**
 * Builds an InferenceService: `{ manifests, issues, handle }`.
 * Never throws: bad input and unexpected exceptions come back as issues.
 */
export const buildInferenceService = guardBuild<InferenceServiceProps, ServiceHandle>(buildInferenceServiceUnguarded, (ctx) => ({ name: ctx.defaultName, where: ctx.where, valid: false }));
