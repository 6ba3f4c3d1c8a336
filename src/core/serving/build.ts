/**
 * Builds a ModelServing: runs its rules (./rules.ts: each mode has a runtime of its kind, both serve the
 * same formats), and gives the runtime a model in either mode uses. A model moves between single- and
 * multi-model serving by changing the mode (all of them) or asking for the other mode (one of them); its
 * InferenceService follows: mode annotation, storage form and fields follow from the runtime.
 */
import { guardBuild } from "../context";
import { z } from "zod";
import type { BuildContext, BuildDraft } from "../context";
import type { IssueDraft } from "../errors";
import { isError, locate } from "../errors";
import { parseProps, withFix } from "../schema";
import { runtimeRef } from "../service/schema";
import type { RuntimeInfo } from "../runtime/ref";
import { runRules } from "../rules/registry";
import type { IModelServing, ModelServingHandle, ModelServingProps, ServingMode } from "./props";
import { servingFormatsRule, servingMissingRuntimeRule, servingRuntimeKindRule } from "./rules";

const schema: z.ZodType<ModelServingProps> = z.strictObject({
  mode: z.enum(["single", "multi"], { error: withFix('mode is "single" or "multi"', 'use "single" (KServe, a pod set per model) or "multi" (ModelMesh)') }),
  single: runtimeRef.optional(),
  multi: runtimeRef.optional(),
});

/** The runtime a mode uses, and the problem when there is none ({@link servingMissingRuntimeRule}). */
export function servingRuntime(serving: ModelServingHandle, mode: ServingMode, path: string): { runtime?: RuntimeInfo; issues: IssueDraft[] } {
  const runtime = serving[mode];
  return runtime !== undefined ? { runtime, issues: [] } : { issues: runRules([servingMissingRuntimeRule], { serving, mode, path }) };
}

/** A runtime handle for a missing runtime (invalid: InferenceServices on it report nothing more). */
function missing(ctx: BuildContext, mode: ServingMode): RuntimeInfo {
  return { name: `${ctx.defaultName}-${mode}`, kind: "ServingRuntime", where: ctx.where, valid: false };
}

/** Builds a ModelServing; never throws on bad input. */
function buildModelServingUnguarded(props: ModelServingProps, ctx: BuildContext): BuildDraft<IModelServing> {
  const parsed = parseProps(schema, props);
  const given = props as Partial<ModelServingProps> | undefined;
  const mode: ServingMode = given?.mode === "multi" ? "multi" : "single";
  const drafts: IssueDraft[] = [...parsed.issues];
  const p = parsed.value;
  const handle: ModelServingHandle = {
    where: ctx.where,
    mode,
    valid: false,
    ...(p?.single !== undefined ? { single: p.single.runtime } : {}),
    ...(p?.multi !== undefined ? { multi: p.multi.runtime } : {}),
  };
  if (p !== undefined) drafts.push(...runRules([servingMissingRuntimeRule], { serving: handle, mode, path: mode }), ...runRules([servingRuntimeKindRule, servingFormatsRule], { serving: handle }));
  const issues = locate(ctx.where, drafts);
  const valid = !issues.some(isError);
  const final: ModelServingHandle = { ...handle, valid };
  const runtime = (valid ? final[mode] : undefined) ?? missing(ctx, mode);
  return { manifests: [], issues, handle: { runtime, serving: final } };
}

/** Builds a ModelServing from props: `{ manifests, issues, handle }`; never throws (bad input and unexpected exceptions come back as issues). */
export const buildModelServing = guardBuild<ModelServingProps, IModelServing>(buildModelServingUnguarded, (ctx) => ({ runtime: missing(ctx, "single"), serving: { where: ctx.where, mode: "single", valid: false } }));
