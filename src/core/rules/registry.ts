/**
 * The rule registry: every rule of the library is declared once, here or in its concept's `rules.ts`,
 * as a named entry with an id, a severity, what it checks, why, how to fix it, and what it runs on.
 *
 * A rule's `check` returns {@link Finding}s (path, value, message, specific fix); {@link runRules} turns
 * them into issue drafts carrying the rule's id and severity, and turns an exception inside a rule into
 * one `internal/unexpected` problem naming the rule instead of a crash.
 *
 * The catalogue ({@link ruleCatalogue}) is filled when rule modules load and is only read afterwards;
 * `docs/rules.md` is generated from it.
 */
import type { IssueDraft, Severity } from "../errors";
import type { Manifest } from "../k8s";
import type { Target } from "../target/resolve";
import type { RuntimeInfo } from "../runtime/ref";
import { manifestKeys } from "./manifest-index";
import { getOrInsert } from "../maps";
import type { RuleMemos } from "./result-memo";
import { checkRemembered, coveredRules, memosFor, rememberGroup, REPLAYED } from "./result-memo";

/**
 * What a rule looks at:
 * - `props`: the props or resolved spec of one construct (only the library's own builds run these);
 * - `manifest`: one rendered manifest (these also run on YAML the library did not write);
 * - `app`: every manifest of an app together (checks across objects).
 */
export type RuleSubject = "props" | "manifest" | "app";

/** The description of a rule, as the catalogue and the docs show it. */
export interface RuleMeta {
  /** Stable id `concept/name`, e.g. `isvc/knative-pod-fields`. Tests, docs and suppressions refer to it. */
  readonly id: string;
  /** `error` stops a synth; `warning` is reported and lets it go on. */
  readonly severity: Severity;
  /** What it checks, in one sentence. */
  readonly summary: string;
  /** Why: the upstream behaviour it prevents (what would happen on the cluster). */
  readonly why: string;
  /** The fix in general terms; each finding may give a more specific one. */
  readonly fix: string;
  /** What the rule runs on. */
  readonly on: RuleSubject;
}

/** One problem a rule found. */
export interface Finding {
  /** The field, as a dotted path (a prop path, or a manifest path for manifest rules). */
  readonly path: string;
  /** The offending value (`undefined` when something is missing). */
  readonly value: unknown;
  /** What is wrong here, in one sentence. */
  readonly message: string;
  /**
   * How to fix this one, in one sentence.
   * @default the rule's `fix`
   */
  readonly fix?: string;
  /**
   * How bad this one is, when it differs from the rule's severity (a rule whose findings are warnings in
   * one case and errors in a worse one, such as `isvc/pvc-replicas`; its `why` says when).
   * @default the rule's `severity`
   */
  readonly severity?: Severity;
}

/** A rule: its description and its check over a subject of type `S`. */
export interface Rule<S> extends RuleMeta {
  /** Returns what is wrong with `subject` (empty when nothing is). Must not throw for any input; {@link runRules} guards it anyway. */
  readonly check: (subject: S) => readonly Finding[];
}

/**
 * What a manifest-level rule sees: one manifest, the target it is for, and the other manifests of the
 * same app (or of the same `lint` input) for checks across objects.
 */
export interface ManifestSubject {
  /** The manifest under check. */
  readonly manifest: Manifest;
  /** The target (KServe version, OpenShift AI) the manifest is meant for. */
  readonly target: Target;
  /** Every manifest of the app, this one included (for rules that look across objects). */
  readonly app: readonly Manifest[];
  /**
   * Set only when `lint` checks YAML the library did not write: what the user declared as existing on
   * the cluster. Rules that report objects missing from the input run only then (at synth time an object
   * referenced by name, such as `ServingRuntime.fromName`, is known to exist).
   * @default undefined (a synth)
   */
  readonly lint?: LintAssumptions;
  /**
   * What the library's own build knows beyond the manifests (absent when `lint` checks YAML the library
   * did not write; rules then read only the manifests).
   * @default nothing known beyond the manifests
   */
  readonly known?: KnownFacts;
}

/** What `lint` is told exists on the cluster besides its input. */
export interface LintAssumptions {
  /** Names of ServingRuntimes or ClusterServingRuntimes that exist (`--assume-runtime NAME`). */
  readonly runtimes: ReadonlySet<string>;
  /** Other objects that exist, as `Kind/name` or `Kind/namespace/name` (`--assume KIND/NAME`). */
  readonly objects: ReadonlySet<string>;
}

/** Facts a build knows about a manifest that the manifest itself does not say. */
export interface KnownFacts {
  /**
   * The runtime an InferenceService uses, from its engine handle: also a runtime the app does not define
   * (`ServingRuntime.fromName`, with declared formats and protocols).
   * @default looked up by name among the app's runtimes
   */
  readonly runtime?: RuntimeInfo;
  /**
   * The runtimes defined in the app so far, with the construct that defined each.
   * @default the runtime manifests of the app
   */
  readonly runtimes?: readonly RuntimeInfo[];
  /**
   * Flags of the engine that may repeat in a runtime's args.
   * @default none
   */
  readonly repeatableFlags?: readonly string[];
}

/** A rule on one rendered manifest: runs at synth time and in `lint`. */
export type ManifestRule = Rule<ManifestSubject> & {
  readonly on: "manifest" | "app";
  /**
   * The manifest kinds the rule looks at; {@link runManifestRules} skips it for other kinds.
   * @default every kind
   */
  readonly kinds?: readonly string[];
  /**
   * Whether the rule can find anything at all on manifests for `target` (a feature-gate rule finds nothing
   * on a target that has the feature); {@link runManifestRules} skips it for the others. Must agree with
   * `check`: it only saves the calls that would find nothing.
   * @default every target
   */
  readonly appliesTo?: (target: Target) => boolean;
  /**
   * The keys the rule looks for: it can find something only in a manifest that holds at least one of
   * them, as an object key at any depth (`["env"]` for a rule on environment variables);
   * {@link runManifestRules} skips it for the others. Must agree with `check`, like `appliesTo`: a rule
   * that reports a missing field, or reads a key it does not list, leaves this out.
   * `test/rules/manifest-reads.test.ts` checks it on every lint corpus manifest with those keys taken
   * out, and on random manifests without them.
   * @default the rule runs on every manifest of its kinds
   */
  readonly reads?: readonly string[];
};

/**
 * A rule on a manifest subject run by {@link runManifestRules}: a manifest rule, or a rule that needs
 * what only a build knows (`known`) with the same filters.
 */
export type SubjectRule = Rule<ManifestSubject> & Partial<Pick<ManifestRule, "kinds" | "appliesTo" | "reads">>;

const catalogue = new Map<string, RuleMeta>();
const manifestRuleList: ManifestRule[] = [];

/** Declares a rule and records it in the catalogue; a second rule with the same id is a bug in the library. */
export function defineRule<S>(rule: Rule<S>): Rule<S> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/.test(rule.id)) throw new Error(`rule id "${rule.id}" is not of the form concept/name`);
  if (catalogue.has(rule.id)) throw new Error(`rule "${rule.id}" is declared twice`);
  // the catalogue holds the description only (not the check, nor a manifest rule's target filter)
  const { check: _check, appliesTo: _appliesTo, reads: _reads, ...meta } = rule as Rule<S> & { readonly appliesTo?: unknown; readonly reads?: unknown };
  catalogue.set(rule.id, Object.freeze({ ...meta }));
  return rule;
}

/**
 * Declares a manifest-level rule (`on: "manifest"` or `"app"`): recorded in the catalogue like any rule,
 * and listed by {@link manifestRules} so that `lint` runs it on YAML the library did not write.
 */
export function defineManifestRule(rule: ManifestRule): ManifestRule {
  defineRule(rule);
  manifestRuleList.push(rule);
  return rule;
}

/** Every manifest-level rule declared so far, in declaration order. */
export function manifestRules(): readonly ManifestRule[] {
  return manifestRuleList;
}

/** Every rule declared so far (rule modules register when they load), sorted by id. */
export function ruleCatalogue(): readonly RuleMeta[] {
  return [...catalogue.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The description of rule `id`, if it is declared. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return catalogue.get(id);
}

/**
 * Runs manifest rules on a subject, skipping those declared for other kinds or targets, and those that
 * look for keys the manifest does not hold (one walk per subject: `./manifest-index.ts`); see
 * {@link runRules}. A rule that found nothing in an earlier manifest that reads the same is not run
 * again (`./result-memo.ts`). `lint` and the builds both run manifest rules through this.
 */
export function runManifestRules(rules: readonly SubjectRule[], subject: ManifestSubject): IssueDraft[] {
  const applicable = applicableRules(rules, subject.manifest.kind, subject.target);
  const memos = memosFor(subject);
  const covered = memos !== undefined ? coveredRules(rules, subject, memos) : undefined;
  // the rules that replayed their own records, one by one (recorded together afterwards)
  const replayed: SubjectRule[] | undefined = memos !== undefined && covered === undefined ? [] : undefined;
  let keys: ReadonlySet<string> | undefined;
  const drafts: IssueDraft[] = [];
  for (const rule of applicable) {
    if (covered?.has(rule) === true) continue;
    if (rule.reads !== undefined) {
      keys ??= manifestKeys(subject);
      if (!holdsAny(keys, rule.reads)) continue;
    }
    if (runRule(rule, subject, drafts, memos) === REPLAYED) replayed?.push(rule);
  }
  if (replayed !== undefined && memos !== undefined) rememberGroup(rules, replayed, subject, memos);
  return drafts;
}

/** Whether `keys` holds one of `wanted`. */
function holdsAny(keys: ReadonlySet<string>, wanted: readonly string[]): boolean {
  for (const key of wanted) if (keys.has(key)) return true;
  return false;
}

/** The rules of a list that apply to a kind, then to a target (see {@link applicableRules}). */
interface Applicable {
  readonly rules: readonly SubjectRule[];
  readonly byTarget: WeakMap<Target, readonly SubjectRule[]>;
}

const byKind = new WeakMap<readonly SubjectRule[], Map<string, Applicable>>();

/**
 * The rules of a list that look at manifests of `kind` and can find something for `target` (the
 * filtered lists are kept per list, kind and target: the builds of an app share their targets).
 */
function applicableRules(rules: readonly SubjectRule[], kind: string, target: Target): readonly SubjectRule[] {
  const kinds = getOrInsert(byKind, rules, () => new Map<string, Applicable>());
  const forKind = getOrInsert(kinds, kind, (): Applicable => ({ rules: rules.filter((r) => r.kinds === undefined || r.kinds.includes(kind)), byTarget: new WeakMap() }));
  return getOrInsert(forKind.byTarget, target, () => forKind.rules.filter((r) => r.appliesTo === undefined || r.appliesTo(target)));
}

const DERIVED = Symbol("kserve-constructs derived values");

/**
 * A value derived from a subject, computed once per subject object and shared by the rules that need it
 * (for example an InferenceService's merged resources). The values are kept on the subject object itself
 * (under a private symbol), so they never outlive it or cross from one build (or program) to another; a
 * frozen subject just recomputes.
 */
export function derive<T>(subject: object, key: unknown, compute: () => T): T {
  const holder = subject as { [DERIVED]?: Map<unknown, unknown> };
  let values = holder[DERIVED];
  if (values === undefined) {
    if (!Object.isExtensible(subject)) return compute();
    values = new Map();
    Object.defineProperty(subject, DERIVED, { value: values, enumerable: false });
  }
  if (values.has(key)) return values.get(key) as T;
  const value = compute();
  values.set(key, value);
  return value;
}

/** Turns one finding of `rule` into an issue draft. */
export function toDraft(rule: RuleMeta, finding: Finding): IssueDraft {
  return {
    path: finding.path,
    value: finding.value,
    rule: rule.id,
    message: finding.message,
    fix: finding.fix ?? rule.fix,
    // a finding's own severity is kept as stated; the rule's shows only when it is a warning (errors are the default)
    ...(finding.severity !== undefined ? { severity: finding.severity } : rule.severity === "warning" ? { severity: "warning" as const } : {}),
  };
}

/**
 * Runs `rules` on `subject` in order and returns every finding as an issue draft. An exception inside a
 * rule becomes one `internal/unexpected` draft naming the rule, and the other rules still run.
 */
export function runRules<S>(rules: readonly Rule<S>[], subject: S): IssueDraft[] {
  const drafts: IssueDraft[] = [];
  for (const rule of rules) runRule(rule, subject, drafts);
  return drafts;
}

/** Runs one rule on `subject`, appending its findings (or the `internal/unexpected` draft) to `drafts`; returns the findings (none after an exception). */
function runRule<S>(rule: Rule<S>, subject: S, drafts: IssueDraft[], memos?: RuleMemos): readonly Finding[] | undefined {
  let findings: readonly Finding[];
  try {
    findings = memos === undefined ? rule.check(subject) : checkRemembered(rule as unknown as Rule<ManifestSubject>, subject as unknown as ManifestSubject, memos);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    drafts.push({
      path: "",
      value: undefined,
      rule: "internal/unexpected",
      message: `rule ${rule.id} failed unexpectedly (${message})`,
      fix: "this is a bug in kserve-constructs: please report it with the props of this construct",
    });
    return undefined;
  }
  for (let i = 0; i < findings.length; i++) drafts.push(toDraft(rule, findings[i] as Finding));
  return findings;
}
