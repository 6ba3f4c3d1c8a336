/**
 * Builds an InferenceService, declared through the pipeline (`../pipeline.ts`): the model location
 * screened, the props parsed and resolved against their runtime and storage, the props-level rules,
 * then the render and KServe's webhook rules and the library's semantic rules on the result.
 */
import type { BuildContext, BuildResult } from "../context";
import { onFirstUse } from "../first-use";
import type { RenderedRule } from "../pipeline";
import { defineConcept, targetRule } from "../pipeline";
import { nest } from "../errors";
import type { Manifest } from "../k8s";
import { checkLocationValue } from "../storage/rules";
import { defaultTarget, mergeTargetProps } from "../target/resolve";
import type { Target } from "../target/resolve";
import type { InferenceServiceProps } from "./props";
import { inferenceServiceSchema } from "./schema";
import { deploymentModeOf, resolveServiceInput, resolveServiceSpec } from "./spec";
import type { ServiceInput, ServiceSpec } from "./spec";
import { checkModelMeshProps } from "../modelmesh/service";
import { renderService } from "./render";
import { runManifestRules, runRules } from "../rules/registry";
import type { ManifestSubject } from "../rules/registry";
import {
  checkServiceInput,
  checkServiceStorage,
  MODELMESH_SERVICE_RULES,
  SERVICE_KNATIVE_RULES,
  SERVICE_MODE_RULES,
  SERVICE_MULTI_NODE_RULES,
  SERVICE_NAME_RULES,
  SERVICE_OWNED_KEY_RULES,
  SERVICE_PLATFORM_RULES,
  SERVICE_RUNTIME_RULES,
  SERVICE_WEBHOOK_RULES,
} from "./rules";

/** What other constructs and outputs need from an InferenceService. */
export interface ServiceHandle {
  readonly name: string;
  readonly namespace?: string;
  readonly where: string;
  readonly valid: boolean;
}

/** An InferenceService's props resolved: names, target and input, and its spec once the input rules passed. */
interface ResolvedService {
  readonly name: string;
  readonly namespace?: string;
  readonly target: Target;
  /**
   * Why nothing can be rendered whatever the rules find: the runtime referenced by name cannot exist
   * (`problems`, reported here), or a referenced construct is not valid (`reference`: it reports its own problems).
   * @default none
   */
  readonly blocked?: "problems" | "reference";
  /** The input the props-level rules look at. */
  readonly input: ServiceInput;
  /** The spec, resolved on first use (render and the rendered rules use it, only after the input rules passed). */
  readonly spec: () => ServiceSpec;
}

/** The manifest subject of a rendered InferenceService: made once by the render, so the rules of every entry share what they derive from it. */
function subjectOf(manifest: Manifest, resolved: ResolvedService): ManifestSubject {
  return { manifest, target: resolved.target, app: [manifest], known: { runtime: resolved.input.props.engine.runtime } };
}

/** A rendered rule entry that runs registry rules on the rendered manifest. */
function onManifest(name: string, check: (subject: ManifestSubject) => ReturnType<typeof runRules>): RenderedRule<InferenceServiceProps, ResolvedService, ManifestSubject> {
  return { name, check: (rendered) => check(rendered.parts as ManifestSubject) };
}

/** A rendered rule entry that runs registry rules on the resolved spec. */
function onSpec(name: string, check: (spec: ServiceSpec) => ReturnType<typeof runRules>): RenderedRule<InferenceServiceProps, ResolvedService, ManifestSubject> {
  return { name, check: (_rendered, resolved) => check(resolved.spec()) };
}

/** The InferenceService concept. */
const inferenceServiceConcept = defineConcept<InferenceServiceProps, ResolvedService, ServiceHandle, InferenceServiceProps, ManifestSubject>({
  name: "inference-service",
  // a model location that is not one (a string URI, a handle of the wrong shape): reported before the schema's message
  screen: (props) => (props !== null && typeof props === "object" && Object.hasOwn(props, "model") ? checkLocationValue("model", (props as { model?: unknown }).model) : []),
  schema: inferenceServiceSchema,
  resolve: (p, ctx) => {
    const name = p.name ?? ctx.defaultName;
    const namespace = p.namespace ?? ctx.namespace;
    const target = defaultTarget(mergeTargetProps(ctx.target, p.target));
    const blocked = (p.engine.runtime.problems ?? []).length > 0 ? "problems" : !p.engine.runtime.valid || p.model.source?.valid === false ? "reference" : undefined;
    const input = resolveServiceInput(p, target);
    return { name, ...(namespace !== undefined ? { namespace } : {}), target, ...(blocked !== undefined ? { blocked } : {}), input, spec: onFirstUse(() => resolveServiceSpec(input, name, namespace)) };
  },
  rules: [
    // a release the library does not know still renders: the webhook and runtime rules report against the nearest one
    { ...targetRule, stopsRender: false },
    // a runtime referenced by name that cannot exist: reported here, where it is used
    { name: "runtime-reference", check: (_resolved, p) => nest("engine", p.engine.runtime.problems ?? []) },
    { name: "modelmesh", stopsRender: false, check: (resolved, p) => (resolved.blocked === undefined && deploymentModeOf(p) === "ModelMesh" ? checkModelMeshProps(p) : []) },
    // what decides whether a spec can be resolved at all (format, hardware, engine version, parameters)
    { name: "input", check: (resolved) => (resolved.blocked === undefined ? checkServiceInput(resolved.input) : []) },
  ],
  renderable: (resolved) => resolved.blocked === undefined,
  render: (resolved) => {
    const manifest = renderService(resolved.spec());
    const subject = subjectOf(manifest, resolved);
    return { manifests: [manifest], parts: subject, subjects: [subject] };
  },
  renderedRules: [
    onManifest("webhook", (s) => runManifestRules(SERVICE_WEBHOOK_RULES, s)),
    onSpec("owned-keys", (spec) => runRules(SERVICE_OWNED_KEY_RULES, spec)),
    onManifest("names", (s) => runManifestRules(SERVICE_NAME_RULES, s)),
    onSpec("mode-fields", (spec) => runRules(SERVICE_MODE_RULES, spec)),
    onManifest("knative", (s) => runManifestRules(SERVICE_KNATIVE_RULES, s)),
    onSpec("platform", (spec) => runRules(SERVICE_PLATFORM_RULES, spec)),
    onManifest("runtime", (s) => runManifestRules(SERVICE_RUNTIME_RULES, s)),
    onSpec("storage", checkServiceStorage),
    onSpec("multi-node", (spec) => runRules(SERVICE_MULTI_NODE_RULES, spec)),
    onManifest("modelmesh", (s) => runManifestRules(MODELMESH_SERVICE_RULES, s)),
  ],
  handle: ({ given, valid }, ctx) => {
    const namespace = given?.namespace ?? ctx.namespace;
    return { name: given?.name ?? ctx.defaultName, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where, valid };
  },
  fallback: (ctx) => ({ name: ctx.defaultName, where: ctx.where, valid: false }),
});

/**
 * Builds an InferenceService: `{ manifests, issues, handle }`.
 * Never throws: bad input and unexpected exceptions come back as issues.
 */
export const buildInferenceService: (props: InferenceServiceProps, ctx: BuildContext) => BuildResult<ServiceHandle> = inferenceServiceConcept.build;
