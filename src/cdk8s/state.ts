/**
 * Per-app state of the cdk8s adapter: the registry for checks across constructs, and the issues every
 * construct found. One validation on the app's root throws a single ValidationError listing them all,
 * whenever cdk8s validates (app.synth(), chart.toJson(), Testing.synth(), `cdk8s synth`).
 */
import { Chart } from "cdk8s";
import type { ApiObject, ApiObjectProps } from "cdk8s";
import type { Construct, IConstruct } from "constructs";
import { Registry, ValidationError, checkForeignValidation, formatIssue, isError, locate } from "../index";
import type { BuildContext, BuildResult, Issue } from "../index";
import { KServeTarget } from "./target";
import { apiObjectProps, emitPlan, finishApiObject } from "./emit";
import { applyOverlaysToDefinedSecrets, resolveHandles } from "./plus";

interface AppState {
  readonly registry: Registry;
  readonly issues: Issue[];
  /** Whether any of `issues` is an error (kept as issues are recorded: cdk8s validates the app once per chart). */
  failed: boolean;
  warned: boolean;
}

const states = new WeakMap<IConstruct, AppState>();

/** The library's constructs (their own validation lists their errors; the app's lists everyone's). */
const libraryConstructs = new WeakSet<IConstruct>();

/**
 * The errors of the app's other constructs (cdk8s-plus objects, the user's own), from their own
 * validations, so that a failed synth lists them beside the library's problems instead of hiding them.
 * Runs only when the library has errors (else cdk8s reports those constructs itself).
 */
function foreignErrors(root: IConstruct): Issue[] {
  const issues: Issue[] = [];
  for (const construct of root.node.findAll()) {
    if (construct === root || libraryConstructs.has(construct)) continue;
    try {
      for (const message of construct.node.validate()) issues.push(...checkForeignValidation(construct.node.path, message));
    } catch (error) {
      issues.push(...checkForeignValidation(construct.node.path, error instanceof Error ? error.message : String(error)));
    }
  }
  return issues;
}

/** The state of the app `scope` belongs to. */
export function appState(scope: IConstruct): AppState {
  const root = scope.node.root;
  let state = states.get(root);
  if (state === undefined) {
    const created: AppState = { registry: new Registry(), issues: [], failed: false, warned: false };
    state = created;
    states.set(root, created);
    root.node.addValidation({
      validate: () => {
        if (created.failed) throw new ValidationError([...created.issues, ...foreignErrors(root)]);
        if (!created.warned) {
          created.warned = true;
          for (const warning of created.issues) process.emitWarning(formatIssue(warning), { code: warning.rule });
        }
        return [];
      },
    });
  }
  return state;
}

/**
 * Leaves the warnings of the app `scope` belongs to to the caller, which reports them itself (the
 * command line prints them): the app's validation still throws on errors, but emits no process warnings.
 */
export function warningsReportedByCaller(scope: IConstruct): void {
  appState(scope).warned = true;
}

/** Records a construct's issues for the app-wide validation. */
export function recordIssues(scope: IConstruct, issues: readonly Issue[]): void {
  if (issues.length === 0) return;
  const state = appState(scope);
  state.issues.push(...issues);
  if (!state.failed && issues.some(isError)) state.failed = true;
}

/** Every issue recorded in the app of `scope` so far. */
export function issuesOf(scope: IConstruct): readonly Issue[] {
  return appState(scope).issues;
}

/** The namespace of the chart that holds `scope`, if any. */
export function chartNamespace(scope: IConstruct): string | undefined {
  try {
    return Chart.of(scope).namespace;
  } catch {
    return undefined;
  }
}

/** The build context of a construct about to be built in `scope` with `id`. */
export function buildContext(scope: IConstruct, id: string): BuildContext {
  const namespace = chartNamespace(scope);
  const path = scope.node.path === "" ? id : `${scope.node.path}/${id}`;
  return {
    where: path,
    defaultName: id,
    ...(namespace !== undefined ? { namespace } : {}),
    target: KServeTarget.of(scope),
    registry: appState(scope).registry,
  };
}

/**
 * Records a build's issues, registers the construct's own validation when it has errors (cdk8s's hook:
 * `construct.node.validate()` lists them) and emits its plan under `construct`.
 */
export function adopt<H>(construct: Construct, result: BuildResult<H>): readonly ApiObject[] {
  register(construct, result);
  return emitPlan(construct, result.plan);
}

/**
 * {@link adopt} for a construct that is itself the ApiObject of its plan's first entry (made with
 * {@link ownApiObjectProps}): the other entries become its children. One cdk8s node instead of two for a
 * construct of one object, which cdk8s visits once per chart when it validates the app.
 */
export function adoptAsFirst<H>(construct: ApiObject, result: BuildResult<H>): readonly ApiObject[] {
  register(construct, result);
  const [first, ...rest] = result.plan;
  if (first === undefined) return [];
  finishApiObject(construct, first);
  return [construct, ...emitPlan(construct, rest)];
}

/**
 * The ApiObject props of a construct that is the ApiObject of its plan's first entry (see
 * {@link adoptAsFirst}); when the build has errors (an empty plan), props of an object of `kind` that is
 * never written (the app's validation fails first, and the construct refuses to render it).
 */
export function ownApiObjectProps<H>(scope: Construct, result: BuildResult<H>, placeholder: { readonly apiVersion: string; readonly kind: string; readonly name: string }): ApiObjectProps {
  const first = result.plan[0];
  if (first !== undefined) return apiObjectProps(scope, first);
  return { apiVersion: placeholder.apiVersion, kind: placeholder.kind, metadata: { name: placeholder.name === "" ? "invalid" : placeholder.name } };
}

function register<H>(construct: Construct, result: BuildResult<H>): void {
  recordIssues(construct, result.issues);
  libraryConstructs.add(construct);
  const errors = result.issues.filter(isError);
  // A construct without errors registers nothing: cdk8s validates every node of the app once per chart,
  // and a validation that has nothing to say would only add to that pass.
  if (errors.length > 0) construct.node.addValidation({ validate: () => errors.map(formatIssue) });
}

/**
 * Runs a core build on `props` whose cdk8s-plus objects (see {@link WithHandles}) are replaced by their
 * names; an object of the wrong kind is a problem of the build's result. An overlay of a Secret that
 * the app itself defines goes onto that Secret instead of being a second object of it.
 */
export function buildWithHandles<P, H>(scope: IConstruct, id: string, props: unknown, build: (props: P, ctx: BuildContext) => BuildResult<H>): BuildResult<H> {
  const ctx = buildContext(scope, id);
  const { value, drafts, defined } = resolveHandles(props);
  const built = build(value as P, ctx);
  const applied = applyOverlaysToDefinedSecrets(built.plan, defined);
  const result = applied.plan === built.plan ? built : { ...built, manifests: applied.plan.map((entry) => entry.manifest), plan: applied.plan };
  const problems = [...drafts, ...applied.drafts];
  return problems.length === 0 ? result : { ...result, issues: [...locate(ctx.where, problems), ...result.issues] };
}
