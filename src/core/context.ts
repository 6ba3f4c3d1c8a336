/**
 * What a build needs from its surroundings: where it is (for messages), its default name and
 * namespace, the target, and the app-wide registry used for checks across constructs.
 */
import type { Issue, IssueDraft } from "./errors";
import type { Manifest } from "./k8s";
import type { TargetProps } from "./target/props";
import type { IRuntime, RuntimeInfo } from "./runtime/ref";
import { runRules } from "./rules/registry";
import type { ManifestSubject } from "./rules/registry";
import { namespaceRule, uniqueNameRule } from "./rules/common";
import { isError, locate, ValidationError } from "./errors";
import { checkKubernetesSyntax } from "./kubernetes/rules";
import { defaultTarget, mergeTargetProps } from "./target/resolve";
import { checkTargetProps } from "./target/rules";
import { planOf } from "./plan";
import type { EmitPlan, ManifestFactsMap } from "./plan";

/** The surroundings of one build. */
export interface BuildContext {
  /** The construct path (cdk8s) or resource name (Pulumi), used in messages. */
  readonly where: string;
  /** The name used when props give none. */
  readonly defaultName: string;
  /** The namespace used when props give none (the chart's namespace in cdk8s). */
  readonly namespace?: string;
  /**
   * The placeholder of a namespace known only later (a Pulumi Output), for a build whose props and
   * context give none: the objects stand in it until the real value replaces the placeholder, but the
   * handle never names it (what other constructs get of the namespace is checked once it is known). A
   * build that must name its namespace in what it renders (the RoleBinding of a StorageConfig's Job)
   * renders this one; a build that tells objects of other namespaces apart before it renders (a NIM's
   * runtime share key) counts it as the namespace. Every other build renders without a namespace, as
   * if none were given.
   * @default none (the namespace is the props', else `namespace`, else none)
   */
  readonly deferredNamespace?: string;
  /** The target from the app or chart (props may override it). */
  readonly target?: TargetProps;
  /** App-wide registry for checks across constructs. */
  readonly registry?: Registry;
  /**
   * Reviews what the manifest rules found before it decides whether the manifests are valid. The Pulumi
   * adapter uses it on its build with the real values of Inputs, to judge credentials whose value came
   * from an Input (a plain Output stays an error; a Pulumi secret is a warning).
   * @default the findings stand as the rules made them
   */
  readonly reviewManifestFindings?: (drafts: readonly IssueDraft[]) => IssueDraft[];
}

/**
 * The result of building one construct: its manifests, its problems, its handle for other constructs,
 * and the emit plan the adapters read (see `./plan.ts`).
 */
export interface BuildResult<H> {
  /** The manifests, in output order (none when the build has errors). */
  readonly manifests: readonly Manifest[];
  readonly issues: readonly Issue[];
  readonly handle: H;
  /**
   * One entry per manifest, in the same order (`plan[i].manifest === manifests[i]`): its stable name and
   * id, whether the library owns it or only patches an object that exists, whether it is cluster-scoped,
   * and its sharing key. The adapters emit from it and decide nothing themselves.
   */
  readonly plan: EmitPlan;
}

/**
 * What a builder returns before `guardBuild` completes it: the manifests with the facts the
 * builder states about some of them (the plan's defaults apply to the rest), no plan yet.
 */
export interface BuildDraft<H> {
  readonly manifests: readonly Manifest[];
  readonly issues: readonly Issue[];
  readonly handle: H;
  /**
   * Facts about some of the manifests (see `ManifestFacts`).
   * @default none (every manifest takes the plan's defaults)
   */
  readonly facts?: ManifestFactsMap;
  /**
   * The subjects the build's manifest rules checked its manifests as: the Kubernetes syntax check runs on
   * the same subject where it checks the same manifest for the same target and app, so that the walk of
   * the manifest and what the rules derived from it are made once.
   * @default none (the syntax check makes its own subjects)
   */
  readonly subjects?: readonly ManifestSubject[];
}

const NAMESPACE_RULES = [namespaceRule];
const UNIQUE_NAME_RULES = [uniqueNameRule];

/**
 * Everything built in one app (one cdk8s App, one Pulumi program), for the checks that need more than
 * one construct: object names must be unique per kind and namespace, and runtimes must not compete for
 * the same model format.
 */
export class Registry {
  /** The construct that defined each object: by `group/kind/namespace`, then by name (keys kept small: one entry per object, its name string shared with the manifest). */
  private readonly objects = new Map<string, Map<string, string>>();
  private readonly runtimeList: RuntimeInfo[] = [];
  private readonly singletons = new Map<string, string>();
  private readonly declaredRuntimes = new Map<string, IRuntime>();
  /** What the namespace rule found for each namespace claimed so far (a few namespaces, thousands of objects). */
  private readonly namespaceFindings = new Map<string, readonly IssueDraft[]>();

  /** Records the manifests of a construct; returns issues for invalid namespaces and for names already taken by another construct. */
  public claim(where: string, manifests: readonly Manifest[]): Issue[] {
    const issues: Issue[] = [];
    let namespaceReported = false;
    for (const m of manifests) {
      const ns = m.metadata.namespace;
      if (ns !== undefined) {
        let bad = this.namespaceFindings.get(ns);
        if (bad === undefined) {
          bad = runRules(NAMESPACE_RULES, { namespace: ns });
          this.namespaceFindings.set(ns, bad);
        }
        if (bad.length > 0) {
          // one report per construct: its objects share the namespace
          if (!namespaceReported) issues.push(...locate(where, bad));
          namespaceReported = true;
          continue;
        }
      }
      const group = m.apiVersion.includes("/") ? m.apiVersion.slice(0, m.apiVersion.indexOf("/")) : "";
      const scope = `${group}/${m.kind}/${m.metadata.namespace ?? ""}`;
      let owners = this.objects.get(scope);
      if (owners === undefined) {
        owners = new Map();
        this.objects.set(scope, owners);
      }
      const owner = owners.get(m.metadata.name);
      const taken = runRules(UNIQUE_NAME_RULES, { manifest: m, where, ...(owner !== undefined ? { owner } : {}) });
      if (taken.length > 0) issues.push(...locate(where, taken));
      else if (owner === undefined || owner === where) owners.set(m.metadata.name, where);
    }
    return issues;
  }

  /**
   * Claims a slot that only one construct may hold (for example one NIM Account per namespace);
   * returns the construct that holds it already, if another one does.
   */
  public claimSingleton(key: string, where: string): string | undefined {
    const owner = this.singletons.get(key);
    if (owner !== undefined && owner !== where) return owner;
    this.singletons.set(key, where);
    return undefined;
  }

  /** Records a runtime defined in the app. */
  public addRuntime(runtime: RuntimeInfo): void {
    this.runtimeList.push(runtime);
  }

  /** Runtimes defined so far. */
  public get runtimes(): readonly RuntimeInfo[] {
    return this.runtimeList;
  }

  /**
   * The construct declared so far that defines the runtime of share key `key` (see `EmitEntry.shareKey`),
   * for an adapter that decides what constructs share when it declares them, before their builds run (see
   * `nimRuntimeSharing`). Kept apart from {@link runtimes}: these keys are the ones known at declaration,
   * with placeholders for values known later.
   */
  public declaredRuntime(key: string): IRuntime | undefined {
    return this.declaredRuntimes.get(key);
  }

  /** Records that `holder` defines the runtime of share key `key` (see {@link declaredRuntime}); the first holder keeps it. */
  public declareRuntime(key: string, holder: IRuntime): void {
    if (!this.declaredRuntimes.has(key)) this.declaredRuntimes.set(key, holder);
  }
}

/** The props' own `target`, as given (unchecked). */
function ownTargetOf(props: unknown): unknown {
  return props !== null && typeof props === "object" && Object.hasOwn(props, "target") ? (props as { target?: unknown }).target : undefined;
}

/** The target props of a build: the context's, overridden by the props' own `target` when it is an object. */
function targetPropsOf(props: unknown, ctx: BuildContext): TargetProps {
  const own = ownTargetOf(props);
  return mergeTargetProps(ctx.target, own !== null && typeof own === "object" ? (own as TargetProps) : undefined);
}

/** The problems of the props' own `target` that stop a build before any of its steps runs (see {@link guardBuild}). */
export function ownTargetIssues(props: unknown): IssueDraft[] {
  return checkTargetProps(ownTargetOf(props));
}

/**
 * The manifests whose Kubernetes syntax a build has checked already. A build made of other builds (a
 * ModelFleet of InferenceServices, a NIM, the LanguageModel switch) gets its parts' manifests checked and
 * reviewed by the parts' own builds; checking them again would report every finding twice. Keyed by the
 * manifest objects themselves (fresh per build), so nothing is shared between apps or programs.
 */
const syntaxChecked = new WeakSet<Manifest>();

/**
 * Wraps a build: the Kubernetes syntax rules (`src/core/kubernetes/rules.ts`) run on every manifest it
 * renders (a problem there drops the manifests, like any error), and an unexpected exception becomes one
 * issue instead of a crash from deep inside (the rule `internal/unexpected` marks a bug in the library,
 * reported with the construct it hit).
 */
export function guardBuild<P, H>(build: (props: P, ctx: BuildContext) => BuildDraft<H>, fallback: (ctx: BuildContext) => H): (props: P, ctx: BuildContext) => BuildResult<H> {
  return (props: P, ctx: BuildContext) => {
    try {
      const targetDrafts = ownTargetIssues(props);
      if (targetDrafts.length > 0) return { manifests: [], issues: locate(ctx.where, targetDrafts), handle: fallback(ctx), plan: [] };
      const built = build(props, ctx);
      // the plan, with the defaults for what the builder did not state (the one place they are applied)
      const result: BuildResult<H> = { manifests: built.manifests, issues: built.issues, handle: built.handle, plan: planOf(built.manifests, built.facts) };
      if (result.manifests.length === 0) return result;
      const unchecked = result.manifests.filter((m) => !syntaxChecked.has(m));
      if (unchecked.length === 0) return result;
      for (const m of unchecked) syntaxChecked.add(m);
      const { subjects } = built;
      const found = checkKubernetesSyntax(unchecked, defaultTarget(targetPropsOf(props, ctx)), subjects);
      const drafts = ctx.reviewManifestFindings?.(found) ?? found;
      if (drafts.length === 0) return result;
      const issues = [...result.issues, ...locate(ctx.where, drafts)];
      return issues.some(isError) ? { ...result, manifests: [], plan: [], issues } : { ...result, issues };
    } catch (error) {
      // a helper inside the build (a location, a request) refused its arguments: report its problems
      if (error instanceof ValidationError) return { manifests: [], issues: [...error.issues], handle: fallback(ctx), plan: [] };
      const message = error instanceof Error ? error.message : String(error);
      return {
        manifests: [],
        plan: [],
        issues: [
          {
            where: ctx.where,
            path: "",
            value: undefined,
            rule: "internal/unexpected",
            message: `kserve-constructs failed unexpectedly (${message})`,
            fix: "this is a bug in kserve-constructs: please report it with the props of this construct",
          },
        ],
        handle: fallback(ctx),
      };
    }
  };
}
