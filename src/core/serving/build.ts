/**
 * Builds a ModelServing: checks that each mode has a runtime of its kind, and gives the runtime a model
 * in either mode uses. A model moves between single- and multi-model serving by changing the mode (all
 * of them) or asking for the other mode (one of them); its InferenceService follows: mode annotation,
 * storage form and fields follow from the runtime.
 */
import { guardBuild } from "../context";
import { z } from "zod";
import type { BuildContext, BuildResult } from "../context";
import type { IssueDraft } from "../errors";
import { isError, locate } from "../errors";
import { parseProps, withFix } from "../schema";
import { runtimeRef } from "../service/schema";
import type { RuntimeInfo } from "../runtime/ref";
import { runtimeFormats, runtimeMultiModel } from "../runtime/ref";
import type { IModelServing, ModelServingHandle, ModelServingProps, ServingMode } from "./props";

const schema: z.ZodType<ModelServingProps> = z.strictObject({
  mode: z.enum(["single", "multi"], { error: withFix('mode is "single" or "multi"', 'use "single" (KServe, a pod set per model) or "multi" (ModelMesh)') }),
  single: runtimeRef.optional(),
  multi: runtimeRef.optional(),
});

const WHAT: Readonly<Record<ServingMode, string>> = { single: "single-model", multi: "multi-model (ModelMesh)" };

/** The runtime a mode uses, and the problem when there is none. */
export function servingRuntime(serving: ModelServingHandle, mode: ServingMode, path: string): { runtime?: RuntimeInfo; issues: IssueDraft[] } {
  const runtime = serving[mode];
  if (runtime !== undefined) return { runtime, issues: [] };
  return {
    issues: [{ path, value: mode, rule: "serving/missing-runtime", message: `mode "${mode}" needs a ${WHAT[mode]} runtime, and ModelServing ${serving.where} has none`, fix: `give the ModelServing ${mode}: <a ${WHAT[mode]} engine>, or use mode "${mode === "single" ? "multi" : "single"}"` }],
  };
}

/** A runtime handle for a missing runtime (invalid: InferenceServices on it report nothing more). */
function missing(ctx: BuildContext, mode: ServingMode): RuntimeInfo {
  return { name: `${ctx.defaultName}-${mode}`, kind: "ServingRuntime", where: ctx.where, valid: false };
}

/** Builds a ModelServing; never throws on bad input. */
function buildModelServingUnguarded(props: ModelServingProps, ctx: BuildContext): BuildResult<IModelServing> {
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
  if (p !== undefined) {
    drafts.push(...servingRuntime(handle, mode, mode).issues);
    for (const m of ["single", "multi"] as const) {
      const r = handle[m];
      if (r === undefined || !r.valid) continue;
      const multi = runtimeMultiModel(r);
      if (multi !== undefined && multi !== (m === "multi")) {
        drafts.push({ path: m, value: r.name, rule: "serving/runtime-kind", message: `runtime "${r.name}" is a ${multi ? "multi-model" : "single-model"} runtime, given as the ${WHAT[m]} one`, fix: m === "multi" ? "give a runtime with multiModel (ModelMeshRuntimes.*, or an engine with multiModel)" : "give a single-model runtime" });
      }
    }
    const single = handle.single !== undefined ? runtimeFormats(handle.single) : undefined;
    const multi = handle.multi !== undefined ? runtimeFormats(handle.multi) : undefined;
    if (single !== undefined && multi !== undefined) {
      const key = (f: { name: string; version?: string }): string => (f.version === undefined ? f.name : `${f.name}:${f.version}`);
      const a = new Set(single.map(key));
      const b = new Set(multi.map(key));
      const onlySingle = [...a].filter((f) => !b.has(f)).sort();
      const onlyMulti = [...b].filter((f) => !a.has(f)).sort();
      if (onlySingle.length > 0 || onlyMulti.length > 0) {
        drafts.push({
          path: "multi",
          value: { single: onlySingle, multi: onlyMulti },
          rule: "serving/formats",
          message: `the two runtimes serve different formats (${[...(onlySingle.length > 0 ? [`only single-model: ${onlySingle.join(", ")}`] : []), ...(onlyMulti.length > 0 ? [`only multi-model: ${onlyMulti.join(", ")}`] : [])].join("; ")}), so models of those formats cannot switch mode`,
          fix: "give both runtimes the same model formats (name and version)",
          severity: "warning",
        });
      }
    }
  }
  const issues = locate(ctx.where, drafts);
  const valid = !issues.some(isError);
  const final: ModelServingHandle = { ...handle, valid };
  const runtime = (valid ? final[mode] : undefined) ?? missing(ctx, mode);
  return { manifests: [], issues, handle: { runtime, serving: final } };
}

/** Builds a ModelServing from props: `{ manifests, issues, handle }`; never throws (bad input and unexpected exceptions come back as issues). */
export const buildModelServing = guardBuild<ModelServingProps, IModelServing>(buildModelServingUnguarded, (ctx) => ({ runtime: missing(ctx, "single"), serving: { where: ctx.where, mode: "single", valid: false } }));
