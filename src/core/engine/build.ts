/**
 * Builds an InferenceEngine, declared through the pipeline (`../pipeline.ts`): a preset prepared into
 * its props, the props resolved (target, hardware, the engine spec), the engine's rules, then the
 * runtime rendered (inside a dashboard Template for `scope: "dashboard"`) and the runtime rules on it.
 */
import type { BuildContext, BuildResult } from "../context";
import type { Manifest } from "../k8s";
import { onFirstUse } from "../first-use";
import { defineConcept, targetRule } from "../pipeline";
import type { Rendered } from "../pipeline";
import { defaultTarget, mergeTargetProps, supports } from "../target/resolve";
import type { Target } from "../target/resolve";
import { checkDns1123Subdomain } from "../rules/common";
import { runManifestRules, runRules } from "../rules/registry";
import type { InferenceEngineProps } from "./props";
import type { EnginePreset } from "./preset";
import { isEnginePreset } from "./preset";
import { inferenceEngineSchema } from "./schema";
import { checkEngineProps, dashboardScopeRule, imageUserRule, modelLoadingTimeoutRule } from "./rules";
import { checkMultiModelEngine } from "../modelmesh/rules";
import { defaultVersionOf, resolveEngineSpec, runtimeImageOf } from "./spec";
import type { EngineSpec } from "./spec";
import { renderDashboardTemplate, renderEngine } from "./render";
import type { RuntimeInfo } from "../runtime/ref";
import { RUNTIME_MANIFEST_RULES, runtimeNameLengthRule } from "../runtime/rules";
import { hardwareApplication, hardwareIssues } from "../hardware/apply";
import type { HardwareApplication, HardwareBase } from "../hardware/apply";

/** An engine's props resolved: its name and target, where the props came from, its hardware applied and its spec. */
interface ResolvedEngine {
  readonly name: string;
  readonly target: Target;
  /**
   * The preset or importer the props came from (`gpustack`, `chariot`, `vllm`, ...).
   * @default none (hand-written props)
   */
  readonly origin?: string;
  /**
   * The hardware request applied.
   * @default none (no request, or one that cannot be applied: the hardware rules say why)
   */
  readonly hardware?: HardwareApplication;
  /**
   * The engine spec, resolved on first use (render, the rendered rules and the handle use it: once the rules passed).
   * @default none when the props choose no default version or runtime image (engine/default-version and engine/runtime-image report it)
   */
  readonly spec?: () => EngineSpec;
}

/** What the engine's hardware request is applied to: its own resources, upstream (the engine has no OpenShift AI annotations). */
function hardwareBase(p: InferenceEngineProps): HardwareBase {
  return { ...(p.resources !== undefined ? { resources: p.resources } : {}), openshiftAI: false };
}

/** The spec of an engine that is rendered (`renderable`: the props chose a default version and a runtime image). */
function renderedSpec(resolved: ResolvedEngine): EngineSpec {
  return (resolved.spec as () => EngineSpec)();
}

/** The runtime manifest of a render (emitted itself, or inside its dashboard Template). */
function runtimeOf(rendered: Rendered<Manifest>): Manifest {
  // the render always gives it
  return rendered.parts as Manifest;
}

/** The handle of an engine whose build stopped: its name and kind from the props as given, the context's namespace. */
function invalidHandle(given: Partial<InferenceEngineProps> | undefined, ctx: BuildContext): RuntimeInfo {
  const kind = given?.scope === "cluster" ? "ClusterServingRuntime" : "ServingRuntime";
  return { name: given?.name ?? ctx.defaultName, kind, ...(ctx.namespace !== undefined && kind === "ServingRuntime" ? { namespace: ctx.namespace } : {}), where: ctx.where, valid: false };
}

/** The handle of a rendered engine: the runtime, what InferenceServices need of the engine. */
function renderedHandle(spec: EngineSpec, manifest: Manifest, valid: boolean, ctx: BuildContext): RuntimeInfo {
  const namespace = spec.namespace ?? spec.dashboard?.namespace;
  return {
    name: spec.name,
    kind: spec.kind,
    ...(namespace !== undefined ? { namespace } : {}),
    where: ctx.where,
    valid,
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
      ...(spec.accelerator?.schedulerName !== undefined && !supports(spec.target, "runtime-scheduler-name") ? { podSchedulerName: spec.accelerator.schedulerName } : {}),
    },
  };
}

/** The fallback handle (and the handle of a preset that stands for no props). */
function fallbackHandle(ctx: BuildContext): RuntimeInfo {
  return { name: ctx.defaultName, kind: "ServingRuntime", where: ctx.where, valid: false };
}

/** The InferenceEngine concept. */
const inferenceEngineConcept = defineConcept<InferenceEngineProps, ResolvedEngine, RuntimeInfo, InferenceEngineProps | EnginePreset, Manifest>({
  name: "inference-engine",
  // a preset stands for the props it resolves to (its warnings reported first), and is their origin; plain props are the props
  prepare: (input) => (isEnginePreset(input) ? { ...input.resolve(), origin: input.preset } : undefined),
  schema: inferenceEngineSchema,
  resolve: (p, ctx, origin) => {
    const name = p.name ?? ctx.defaultName;
    const target = defaultTarget(mergeTargetProps(ctx.target, p.target));
    const hardware = p.hardware !== undefined ? hardwareApplication(p.hardware, hardwareBase(p)) : undefined;
    const defaultVersion = defaultVersionOf(p);
    const runtimeImage = runtimeImageOf(p, defaultVersion);
    return {
      name,
      target,
      ...(origin !== undefined ? { origin } : {}),
      ...(hardware !== undefined ? { hardware } : {}),
      ...(defaultVersion !== undefined && runtimeImage !== undefined ? { spec: onFirstUse(() => resolveEngineSpec(p, name, p.namespace ?? ctx.namespace, target, defaultVersion, runtimeImage, hardware)) } : {}),
    };
  },
  rules: [
    targetRule,
    { name: "dns-name", check: ({ name }, p) => checkDns1123Subdomain(p.name !== undefined ? "name" : "(construct id)", name, "a runtime name") },
    { name: "name-length", check: ({ name }) => runRules([runtimeNameLengthRule], { name }) },
    // among them engine/default-version and engine/runtime-image: the version choice without which there is no spec
    { name: "engine", check: (_resolved, p) => checkEngineProps(p) },
    { name: "multi-model", check: ({ target }, p) => checkMultiModelEngine(p, target) },
    { name: "dashboard-scope", check: ({ target }, p) => runRules([dashboardScopeRule], { props: p, target }) },
    { name: "model-loading-timeout", check: (_resolved, p) => runRules([modelLoadingTimeoutRule], p) },
    { name: "image-user", check: ({ target, origin }, p) => runRules([imageUserRule], { props: p, target, ...(origin !== undefined ? { origin } : {}) }) },
    { name: "hardware", check: ({ hardware }, p) => (p.hardware !== undefined ? hardwareIssues("hardware", p.hardware, hardwareBase(p), hardware) : []) },
  ],
  renderable: (resolved) => resolved.spec !== undefined,
  render: (resolved) => {
    const spec = renderedSpec(resolved);
    const runtime = renderEngine(spec);
    return { manifests: [spec.dashboard !== undefined ? renderDashboardTemplate(spec, runtime) : runtime], parts: runtime };
  },
  renderedRules: [
    {
      name: "runtime-manifest",
      check: (rendered, resolved, _p, ctx) => {
        const manifest = runtimeOf(rendered);
        return runManifestRules(RUNTIME_MANIFEST_RULES, { manifest, target: resolved.target, app: [manifest], known: { runtimes: ctx.registry?.runtimes ?? [], repeatableFlags: renderedSpec(resolved).repeatableFlags } });
      },
    },
  ],
  handle: ({ given, spec, rendered, stoppedAt, valid }, ctx) => {
    if (stoppedAt === "prepare") return fallbackHandle(ctx);
    // emitted (the registry may still have refused its name): the full handle
    return stoppedAt === undefined && spec !== undefined && rendered !== undefined ? renderedHandle(renderedSpec(spec), runtimeOf(rendered), valid, ctx) : invalidHandle(given, ctx);
  },
  // a dashboard runtime is a Template for the dashboard to offer: InferenceServices do not select it
  record: (handle, resolved, ctx) => {
    if (renderedSpec(resolved).dashboard === undefined) ctx.registry?.addRuntime(handle);
  },
  fallback: fallbackHandle,
});

/**
 * Builds an engine (a ServingRuntime or ClusterServingRuntime) from props or a preset: `{ manifests, issues, handle }`.
 * Never throws: bad input and unexpected exceptions come back as issues.
 */
export const buildInferenceEngine: (input: InferenceEngineProps | EnginePreset, ctx: BuildContext) => BuildResult<RuntimeInfo> = inferenceEngineConcept.build;
