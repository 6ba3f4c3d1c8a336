/**
 * Builds an InferenceEngine: validate props, apply defaults, render the runtime, check the result.
 */
import type { BuildContext, BuildResult } from "../context";
import type { Issue, IssueDraft } from "../errors";
import { isError, locate } from "../errors";
import { parseProps } from "../schema";
import { mergeTargetProps, resolveTarget } from "../target/resolve";
import { checkDns1123Subdomain } from "../names";
import type { InferenceEngineProps } from "./props";
import { inferenceEngineSchema } from "./schema";
import { checkEngineProps } from "./rules";
import { defaultVersionOf, resolveEngineSpec, runtimeImageOf } from "./spec";
import type { EngineSpec } from "./spec";
import { renderEngine } from "./render";
import type { RuntimeInfo } from "../runtime/ref";
import { checkRuntimeConflicts, checkRuntimeManifest } from "../runtime/rules";

/** Builds an engine; never throws on bad input (problems come back as issues). */
export function buildInferenceEngine(props: InferenceEngineProps, ctx: BuildContext): BuildResult<RuntimeInfo> & { spec?: EngineSpec } {
  const name = (props as Partial<InferenceEngineProps> | undefined)?.name ?? ctx.defaultName;
  const kind = (props as Partial<InferenceEngineProps> | undefined)?.scope === "cluster" ? "ClusterServingRuntime" : "ServingRuntime";
  const invalid = (issues: Issue[]): BuildResult<RuntimeInfo> => ({
    manifests: [],
    issues,
    handle: { name, kind, ...(ctx.namespace !== undefined && kind === "ServingRuntime" ? { namespace: ctx.namespace } : {}), where: ctx.where, valid: false },
  });
  const parsed = parseProps(inferenceEngineSchema, props);
  if (parsed.value === undefined) return invalid(locate(ctx.where, parsed.issues));
  const p = parsed.value;
  const drafts: IssueDraft[] = [];
  const { target, issues: targetIssues } = resolveTarget(mergeTargetProps(ctx.target, p.target));
  drafts.push(...targetIssues);
  drafts.push(...checkDns1123Subdomain(p.name !== undefined ? "name" : "(construct id)", name, "a runtime name"));
  if (name.length > 63) {
    drafts.push({ path: "name", value: name, rule: "runtime/name-length", message: "a runtime name longer than 63 characters cannot be used as a label value by KServe", fix: "shorten the name to 63 characters" });
  }
  drafts.push(...checkEngineProps(p));
  const defaultVersion = defaultVersionOf(p);
  const runtimeImage = runtimeImageOf(p, defaultVersion);
  if (drafts.some((d) => d.severity !== "warning") || defaultVersion === undefined || runtimeImage === undefined) return invalid(locate(ctx.where, drafts));
  const spec = resolveEngineSpec(p, name, p.namespace ?? ctx.namespace, target, defaultVersion, runtimeImage);
  const manifest = renderEngine(spec);
  const handle: RuntimeInfo = {
    name,
    kind: spec.kind,
    ...(spec.namespace !== undefined ? { namespace: spec.namespace } : {}),
    where: ctx.where,
    valid: true,
    manifest,
    engine: {
      versions: spec.versions as NonNullable<RuntimeInfo["engine"]>["versions"],
      defaultVersion: spec.defaultVersion,
      runtimeImage: spec.runtimeImage,
      parameters: spec.parameters,
      enforceParameters: spec.enforceParameters,
      multiGpu: spec.multiGpu,
      protocols: spec.protocols,
      port: spec.port,
      repeatableFlags: spec.repeatableFlags,
      recommendedAccelerators: spec.recommendedAccelerators,
    },
  };
  const manifestIssues = [...checkRuntimeManifest(manifest, target, spec.repeatableFlags), ...checkRuntimeConflicts(handle, ctx.registry?.runtimes ?? [])];
  const issues = locate(ctx.where, manifestIssues);
  if (issues.some(isError)) return { ...invalid(issues), spec };
  issues.push(...(ctx.registry?.claim(ctx.where, [manifest]) ?? []));
  const valid = !issues.some(isError);
  if (valid) ctx.registry?.addRuntime(handle);
  return { manifests: valid ? [manifest] : [], issues, handle: valid ? handle : { ...handle, valid: false }, spec };
}
