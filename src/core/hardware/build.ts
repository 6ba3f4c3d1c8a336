/**
 * Builds a hardware profile: the OpenShift AI object on OpenShift AI targets, and the handle that
 * InferenceServices and engines apply.
 */
import type { BuildContext, BuildDraft } from "../context";
import { guardBuild } from "../context";
import { isError, locate } from "../errors";
import type { IssueDraft } from "../errors";
import { parseProps } from "../schema";
import { mergeTargetProps, resolveTarget } from "../target/resolve";
import type { HardwareProfileProps } from "./props";
import { hardwareProfileSchema } from "./schema";
import { checkProfileProps } from "./rules";
import { resolveProfile } from "./spec";
import { renderHardwareProfile } from "./render";
import type { HardwareProfileInfo } from "./request";

/** Builds a hardware profile; never throws on bad input. */
function buildHardwareProfileUnguarded(props: HardwareProfileProps, ctx: BuildContext): BuildDraft<HardwareProfileInfo> {
  const name = (props as Partial<HardwareProfileProps> | undefined)?.name ?? ctx.defaultName;
  const invalid = (issues: IssueDraft[]): BuildDraft<HardwareProfileInfo> => ({ manifests: [], issues: locate(ctx.where, issues), handle: { name, where: ctx.where, valid: false, identifiers: [] } });
  const parsed = parseProps(hardwareProfileSchema, props);
  if (parsed.value === undefined) return invalid(parsed.issues);
  const p = parsed.value;
  const { target, issues: targetIssues } = resolveTarget(mergeTargetProps(ctx.target, p.target));
  const drafts = [...targetIssues, ...checkProfileProps(p)];
  if (drafts.some((d) => d.severity !== "warning")) return invalid(drafts);
  const odh = target.openshiftAI;
  const namespace = p.namespace ?? odh?.applicationsNamespace ?? ctx.namespace;
  const info = resolveProfile(p, name, namespace, ctx.where);
  const manifests = odh
    ? [renderHardwareProfile(info, { displayName: p.displayName ?? name, ...(p.description !== undefined ? { description: p.description } : {}), disabled: p.disabled ?? false, visibleIn: p.visibleIn ?? ["model-serving"], version: odh.release.hardwareProfileVersion })]
    : [];
  const issues = locate(ctx.where, drafts);
  issues.push(...(ctx.registry?.claim(ctx.where, manifests) ?? []));
  const valid = !issues.some(isError);
  return { manifests: valid ? manifests : [], issues, handle: { ...info, valid } };
}

/**
 * Builds a hardware profile (an OpenShift AI HardwareProfile on OpenShift AI, else no object): `{ manifests, issues, handle }`.
 * Never throws: bad input and unexpected exceptions come back as issues.
 */
export const buildHardwareProfile = guardBuild<HardwareProfileProps, HardwareProfileInfo>(buildHardwareProfileUnguarded, (ctx) => ({ name: ctx.defaultName, where: ctx.where, valid: false, identifiers: [] }));
