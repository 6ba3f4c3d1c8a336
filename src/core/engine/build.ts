/**
 * Builds an InferenceEngine: validate props, apply defaults, render the runtime, check the result.
 */
import type { BuildContext, BuildDraft } from "../context";
import { guardBuild } from "../context";
import type { Issue, IssueDraft } from "../errors";
import { isError, locate } from "../errors";
import { parseProps } from "../schema";
import { mergeTargetProps, resolveTarget, supports } from "../target/resolve";
import { checkDns1123Subdomain } from "../rules/common";
import type { InferenceEngineProps } from "./props";
import type { EnginePreset } from "./preset";
import { isEnginePreset } from "./preset";
import { inferenceEngineSchema } from "./schema";
import { checkEngineProps, dashboardScopeRule, imageUserRule, modelLoadingTimeoutRule } from "./rules";
import { runRules } from "../rules/registry";
import { checkMultiModelEngine } from "../modelmesh/rules";
import { defaultVersionOf, resolveEngineSpec, runtimeImageOf } from "./spec";
import type { EngineSpec } from "./spec";
import { renderDashboardTemplate, renderEngine } from "./render";
import type { RuntimeInfo } from "../runtime/ref";
import { RUNTIME_MANIFEST_RULES, runtimeNameLengthRule } from "../runtime/rules";
import { runManifestRules } from "../rules/registry";
import { applyHardware } from "../hardware/apply";
import type { HardwareApplication } from "../hardware/apply";

/** Builds an engine from props or a preset; never throws on bad input (problems come back as issues). */
function buildInferenceEngineUnguarded(input: InferenceEngineProps | EnginePreset, ctx: BuildContext): BuildDraft<RuntimeInfo> & { spec?: EngineSpec } {
  let props = input as InferenceEngineProps;
  let presetWarnings: readonly IssueDraft[] = [];
  if (isEnginePreset(input)) {
    const resolved = input.resolve();
    if (resolved.props === undefined) {
      return { manifests: [], issues: locate(ctx.where, resolved.issues), handle: { name: ctx.defaultName, kind: "ServingRuntime", where: ctx.where, valid: false } };
    }
    props = resolved.props;
    presetWarnings = resolved.issues;
  }
  const name = (props as Partial<InferenceEngineProps> | undefined)?.name ?? ctx.defaultName;
  const kind = (props as Partial<InferenceEngineProps> | undefined)?.scope === "cluster" ? "ClusterServingRuntime" : "ServingRuntime";
  const invalid = (issues: Issue[]): BuildDraft<RuntimeInfo> => ({
    manifests: [],
    issues,
    handle: { name, kind, ...(ctx.namespace !== undefined && kind === "ServingRuntime" ? { namespace: ctx.namespace } : {}), where: ctx.where, valid: false },
  });
  const parsed = parseProps(inferenceEngineSchema, props);
  if (parsed.value === undefined) return invalid(locate(ctx.where, parsed.issues));
  const p = parsed.value;
  const drafts: IssueDraft[] = [...presetWarnings];
  const { target, issues: targetIssues } = resolveTarget(mergeTargetProps(ctx.target, p.target));
  drafts.push(...targetIssues);
  drafts.push(...checkDns1123Subdomain(p.name !== undefined ? "name" : "(construct id)", name, "a runtime name"));
  drafts.push(...runRules([runtimeNameLengthRule], { name }));
  drafts.push(...checkEngineProps(p), ...checkMultiModelEngine(p, target));
  drafts.push(...runRules([dashboardScopeRule], { props: p, target }), ...runRules([modelLoadingTimeoutRule], p));
  drafts.push(...runRules([imageUserRule], { props: p, target, ...(isEnginePreset(input) ? { origin: input.preset } : {}) }));
  const defaultVersion = defaultVersionOf(p);
  const runtimeImage = runtimeImageOf(p, defaultVersion);
  let hardware: HardwareApplication | undefined;
  if (p.hardware !== undefined) {
    const applied = applyHardware("hardware", p.hardware, { ...(p.resources !== undefined ? { resources: p.resources } : {}), openshiftAI: false });
    drafts.push(...applied.issues);
    hardware = applied.application;
  }
  if (drafts.some((d) => d.severity !== "warning") || defaultVersion === undefined || runtimeImage === undefined) return invalid(locate(ctx.where, drafts));
  const spec = resolveEngineSpec(p, name, p.namespace ?? ctx.namespace, target, defaultVersion, runtimeImage, hardware);
  const manifest = renderEngine(spec);
  const emitted = spec.dashboard !== undefined ? renderDashboardTemplate(spec, manifest) : manifest;
  const handleNamespace = spec.namespace ?? spec.dashboard?.namespace;
  const handle: RuntimeInfo = {
    name,
    kind: spec.kind,
    ...(handleNamespace !== undefined ? { namespace: handleNamespace } : {}),
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
      ...(spec.tensorParallel !== undefined ? { tensorParallel: spec.tensorParallel } : {}),
      multiNode: spec.multiNode !== undefined,
      ...(spec.accelerator?.schedulerName !== undefined && !supports(target, "runtime-scheduler-name") ? { podSchedulerName: spec.accelerator.schedulerName } : {}),
    },
  };
  const manifestIssues = runManifestRules(RUNTIME_MANIFEST_RULES, { manifest, target, app: [manifest], known: { runtimes: ctx.registry?.runtimes ?? [], repeatableFlags: spec.repeatableFlags } });
  const issues = locate(ctx.where, [...drafts, ...manifestIssues]);
  if (issues.some(isError)) return { ...invalid(issues), spec };
  issues.push(...(ctx.registry?.claim(ctx.where, [emitted]) ?? []));
  const valid = !issues.some(isError);
  if (valid && spec.dashboard === undefined) ctx.registry?.addRuntime(handle);
  return { manifests: valid ? [emitted] : [], issues, handle: valid ? handle : { ...handle, valid: false }, spec };
}

/**
 * Builds an engine (a ServingRuntime or ClusterServingRuntime) from props or a preset: `{ manifests, issues, handle }`.
 * Never throws: bad input and unexpected exceptions come back as issues.
 */
export const buildInferenceEngine = guardBuild<InferenceEngineProps | EnginePreset, RuntimeInfo>(buildInferenceEngineUnguarded, (ctx) => ({ name: ctx.defaultName, kind: "ServingRuntime" as const, where: ctx.where, valid: false }));
