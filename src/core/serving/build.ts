/**
 * Builds a ModelServing: runs its rules (./rules.ts: each mode has a runtime of its kind, both serve the
 * same formats), and gives the runtime a model in either mode uses. A model moves between single- and
 * multi-model serving by changing the mode (all of them) or asking for the other mode (one of them); its
 * InferenceService follows: mode annotation, storage form and fields follow from the runtime.
 */
import { defineConcept } from "../pipeline";
import { z } from "zod";
import type { BuildContext, BuildResult } from "../context";
import type { IssueDraft } from "../errors";
import { withFix } from "../schema";
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

/** A ModelServing's props, resolved: the handle its rules check (not valid yet). */
type ServingSpec = ModelServingHandle;

/** The ModelServing concept: each mode's runtime (no defaults beyond the mode), its rules, nothing rendered. */
const modelServingConcept = defineConcept<ModelServingProps, ServingSpec, IModelServing>({
  name: "serving",
  schema,
  resolve: (p, ctx) => ({
    where: ctx.where,
    mode: p.mode === "multi" ? "multi" : "single",
    valid: false,
    ...(p.single !== undefined ? { single: p.single.runtime } : {}),
    ...(p.multi !== undefined ? { multi: p.multi.runtime } : {}),
  }),
  rules: [
    { name: "missing-runtime", check: (serving) => runRules([servingMissingRuntimeRule], { serving, mode: serving.mode, path: serving.mode }) },
    { name: "runtimes", check: (serving) => runRules([servingRuntimeKindRule, servingFormatsRule], { serving }) },
  ],
  render: () => ({ manifests: [] }),
  handle: ({ given, spec, valid }, ctx) => {
    const mode: ServingMode = given?.mode === "multi" ? "multi" : "single";
    const final: ModelServingHandle = { ...(spec ?? { where: ctx.where, mode }), valid };
    const runtime = (valid ? final[mode] : undefined) ?? missing(ctx, mode);
    return { runtime, serving: final };
  },
  fallback: (ctx) => ({ runtime: missing(ctx, "single"), serving: { where: ctx.where, mode: "single", valid: false } }),
});

/** Builds a ModelServing from props: `{ manifests, issues, handle }`; never throws (bad input and unexpected exceptions come back as issues). */
export const buildModelServing: (props: ModelServingProps, ctx: BuildContext) => BuildResult<IModelServing> = modelServingConcept.build;
