/**
 * The one build pipeline every concept runs through. A concept declares its parts with
 * {@link defineConcept}: a schema, a resolve step (defaults only: it reports nothing), its rules (named
 * entries, run on the resolved spec and the props), a render step and its handle. {@link runConcept}
 * runs them in that order:
 *
 * 1. `prepare` (optional): turns the input into props (a preset into the props it stands for), with
 *    what it found on the way and where the props came from (the preset's name); no props stops the
 *    build, an error among its findings stops it before render (like a rule's: the rules still run);
 * 2. `screen` (optional): checks of the raw props that must come before anything reads them;
 * 3. the schema parses the props (problems: `props/shape`);
 * 4. `resolve` turns the parsed props (and where prepare found they came from) into the resolved spec
 *    (defaults applied, nothing reported);
 * 5. the rules run on the spec, in the order declared (an entry may run only while no error stopped the
 *    render: `runsAfterErrors`); with an error among the findings of an entry that stops the render
 *    (all do, unless they say otherwise), or a spec the concept cannot render (`renderable`), the build
 *    stops here (nothing is rendered);
 * 6. `render` renders the manifests;
 * 7. the rendered rules (optional) run on what was rendered (rules that need the manifest say so by
 *    being here); with an error among their findings nothing is emitted; else the app-wide registry
 *    claims the manifests' names;
 * 8. `handle` gives other constructs what they need, valid when nothing above was an error;
 * 9. `record` (optional) records a valid build in the app-wide registry (a runtime other constructs
 *    select from).
 *
 * The concept's `build` goes through `guardBuild` (`./context.ts`): the Kubernetes syntax rules run on
 * what it renders, and an exception in any step becomes the issue `internal/unexpected`.
 */
import type { z } from "zod";
import type { BuildContext, BuildDraft, BuildResult } from "./context";
import { guardBuild, ownTargetIssues } from "./context";
import type { Issue, IssueDraft } from "./errors";
import { isError, locate } from "./errors";
import type { Manifest } from "./k8s";
import type { ManifestFactsMap } from "./plan";
import { parseProps } from "./schema";
import type { TargetProps } from "./target/props";
import { targetIssues } from "./target/rules";
import type { ManifestSubject } from "./rules/registry";

/** One named entry of a concept's rule list: what it checks on the resolved spec (and the props, where it needs them). */
export interface ConceptRule<P, S> {
  /** The entry's name, unique in its concept (the registry rules it runs carry their own ids). */
  readonly name: string;
  /** The problems it finds (none when the spec is right). */
  readonly check: (spec: S, props: P, ctx: BuildContext) => readonly IssueDraft[];
  /**
   * Whether an error of this entry stops the build before render. An entry whose errors leave the spec
   * renderable says `false`, so that the rules on the rendered manifests still run and every problem is
   * reported at once (the build is invalid all the same).
   * @default true
   */
  readonly stopsRender?: boolean;
  /**
   * Whether the entry runs once an entry before it (or the prepare step) found an error that stops the
   * render. An entry whose subject needs what those entries check (a NIM's GPU count needs a known
   * model) says `false`: it runs only while the spec can still be rendered.
   * @default true
   */
  readonly runsAfterErrors?: boolean;
}

/** One named entry of a concept's rules on what it rendered (the manifest rules of a runtime, say). */
export interface RenderedRule<P, S, X = undefined> {
  /** The entry's name, unique in its concept. */
  readonly name: string;
  /** The problems it finds in the rendered manifests (none when they are right). */
  readonly check: (rendered: Rendered<X>, spec: S, props: P, ctx: BuildContext) => readonly IssueDraft[];
}

/** What a prepare step returns: the props the input stands for (none when it stands for nothing), what it found on the way, and where the props came from. */
export interface Prepared<P> {
  /**
   * The props.
   * @default none (the build stops with the issues)
   */
  readonly props?: P;
  /** What was found on the way (reported first; an error stops the build before render, like a rule's). */
  readonly issues: readonly IssueDraft[];
  /**
   * Where the props came from (the name of the preset or importer that stands for them), given to `resolve`.
   * @default none (hand-written props)
   */
  readonly origin?: string;
}

/**
 * What a render step returns: the manifests in output order, and the facts the plan needs about some of
 * them. A concept made of other builds (a ModelFleet of InferenceServices) renders by running them: it
 * also returns what they found, says that they claimed their names, and gives the handle their handles
 * (`X`, its `parts`).
 */
export interface Rendered<X = undefined> {
  /** The manifests, in output order. */
  readonly manifests: readonly Manifest[];
  /**
   * Facts about some of the manifests (see `ManifestFacts` in `./plan.ts`).
   * @default none (every manifest takes the plan's defaults)
   */
  readonly facts?: ManifestFactsMap;
  /**
   * What the builds the render step ran found, located already (reported after the rules' findings; an
   * error among them emits nothing, like a rendered rule's).
   * @default none
   */
  readonly issues?: readonly Issue[];
  /**
   * Whether the builds the render step ran claimed the manifests' names in the registry themselves (the
   * pipeline then claims nothing again).
   * @default false
   */
  readonly claimed?: boolean;
  /**
   * What the handle and the rendered rules need of the render beyond the emitted manifests: the handles
   * of the builds the render step ran, or an object rendered inside another (a runtime inside the
   * Template that carries it).
   * @default none
   */
  readonly parts?: X;
  /**
   * The subjects the rendered rules check the manifests as (see `BuildDraft.subjects`: the syntax check
   * shares them).
   * @default none
   */
  readonly subjects?: readonly ManifestSubject[];
}

/** What a concept's handle step is given. */
export interface ConceptOutcome<P, S, X = undefined> {
  /** The props as given (not parsed: they may not fit the schema). */
  readonly given: Partial<P> | undefined;
  /** The resolved spec, when the props parsed. */
  readonly spec?: S;
  /**
   * What was rendered (also when a rendered rule then found an error).
   * @default none (the build stopped before render)
   */
  readonly rendered?: Rendered<X>;
  /**
   * The step that stopped the build: `prepare` (the input stands for no props), `screen` or `parse` (no
   * spec), `rules` (an error among the prepare step's or the rules' findings: nothing rendered) or
   * `rendered` (an error among the rendered rules' findings: nothing emitted).
   * @default none (the manifests were emitted; the registry may still have refused a name)
   */
  readonly stoppedAt?: "prepare" | "screen" | "parse" | "rules" | "rendered";
  /** True when the build found no error. */
  readonly valid: boolean;
}

/** The parts of a concept, in the order the pipeline runs them (`I` is what the build takes: the props, or also a preset). */
export interface ConceptDefinition<P, S, H, I = P, X = undefined> {
  /** The concept's name (`hardware-profile`, `storage-config`, ...), unique in the library. */
  readonly name: string;
  /**
   * Turns the input into props (a preset into the props it stands for); undefined when the input is
   * the props, as given (plain props beside presets).
   * @default the input is the props
   */
  readonly prepare?: (input: I, ctx: BuildContext) => Prepared<P> | undefined;
  /**
   * Checks of the raw props that come before parsing (for example credentials inside a URL, reported
   * masked before any other message could show them); any finding stops the build.
   * @default none
   */
  readonly screen?: (given: unknown, ctx: BuildContext) => readonly IssueDraft[];
  /** The props' schema. */
  readonly schema: z.ZodType<P>;
  /**
   * The resolved spec of parsed props: defaults only, reports nothing. `origin` is where the prepare step
   * found the props came from (`Prepared.origin`: a preset's name); undefined for props as given.
   */
  readonly resolve: (props: P, ctx: BuildContext, origin: string | undefined) => S;
  /** The rules, in the order they run. */
  readonly rules: readonly ConceptRule<P, S>[];
  /**
   * Whether the spec can be rendered at all when no rule stopped the render (a referenced construct that
   * is not valid reports its own problems: this build then renders nothing and is not valid, without a
   * finding of its own).
   * @default always
   */
  readonly renderable?: (spec: S, props: P) => boolean;
  /** Renders the spec (only when no rule found an error). */
  readonly render: (spec: S, props: P, ctx: BuildContext) => Rendered<X>;
  /**
   * The rules that run on what was rendered, in the order they run.
   * @default none
   */
  readonly renderedRules?: readonly RenderedRule<P, S, X>[];
  /** The handle other constructs use. */
  readonly handle: (outcome: ConceptOutcome<P, S, X>, ctx: BuildContext) => H;
  /**
   * Records a valid build (its handle, spec and what it rendered) in the app-wide registry.
   * @default nothing is recorded
   */
  readonly record?: (handle: H, spec: S, ctx: BuildContext, rendered: Rendered<X>) => void;
  /** The handle when the build failed unexpectedly. */
  readonly fallback: (ctx: BuildContext) => H;
}

/** A concept declared through the pipeline: its definition and its guarded build. */
export interface Concept<P, S, H, I = P, X = undefined> {
  /** The concept's name. */
  readonly name: string;
  /** What it was declared with. */
  readonly definition: ConceptDefinition<P, S, H, I, X>;
  /** Builds the concept from its input: `{ manifests, issues, handle, plan }`; never throws. */
  readonly build: (input: I, ctx: BuildContext) => BuildResult<H>;
}

/** A concept of any props, spec and handle, for the list of concepts. */
export interface AnyConcept {
  /** The concept's name. */
  readonly name: string;
  /** Its guarded build. */
  readonly build: (props: never, ctx: BuildContext) => BuildResult<unknown>;
}

const declared: AnyConcept[] = [];

/** What the steps before render made of a concept's input (see {@link checkConcept}). */
type Checked<P, S> =
  | {
      /** A step stopped the build before render (with the spec when the rules, or `renderable`, stopped it). */
      readonly stoppedAt: "prepare" | "screen" | "parse" | "rules";
      readonly given: Partial<P> | undefined;
      readonly drafts: readonly IssueDraft[];
      readonly spec?: S;
    }
  | {
      /** Nothing stopped it: the spec is rendered. */
      readonly stoppedAt?: undefined;
      readonly given: Partial<P> | undefined;
      readonly drafts: readonly IssueDraft[];
      readonly spec: S;
      /** The parsed props. */
      readonly props: P;
    };

/** Runs a concept's steps before render (prepare, screen, parse, resolve, the rules, `renderable`) on its input. */
function checkConcept<P, S, H, I, X>(definition: ConceptDefinition<P, S, H, I, X>, input: I, ctx: BuildContext): Checked<P, S> {
  const prepared: Prepared<P> | undefined = definition.prepare?.(input, ctx);
  // without a prepare step the input is the props, as given (even undefined: the schema says what is missing)
  const props = prepared !== undefined ? prepared.props : (input as unknown as P);
  const given = props as Partial<P> | undefined;
  const preparedIssues = prepared?.issues ?? [];
  if (prepared !== undefined && prepared.props === undefined) return { stoppedAt: "prepare", given, drafts: preparedIssues };
  const screened = definition.screen?.(props, ctx) ?? [];
  if (screened.length > 0) return { stoppedAt: "screen", given, drafts: [...preparedIssues, ...screened] };
  const parsed = parseProps(definition.schema, props);
  const p = parsed.value;
  if (p === undefined) return { stoppedAt: "parse", given, drafts: [...preparedIssues, ...parsed.issues] };
  const spec = definition.resolve(p, ctx, prepared?.origin);
  const drafts: IssueDraft[] = [...preparedIssues, ...parsed.issues];
  let stopped = preparedIssues.some((d) => d.severity !== "warning");
  for (const rule of definition.rules) {
    if (stopped && rule.runsAfterErrors === false) continue;
    const found = rule.check(spec, p, ctx);
    if (rule.stopsRender !== false && found.some((d) => d.severity !== "warning")) stopped = true;
    drafts.push(...found);
  }
  if (stopped || definition.renderable?.(spec, p) === false) return { stoppedAt: "rules", given, drafts, spec };
  return { given, drafts, spec, props: p };
}

/** Runs a concept's steps on its input (unguarded: {@link defineConcept}'s `build` guards it). */
export function runConcept<P, S, H, I = P, X = undefined>(definition: ConceptDefinition<P, S, H, I, X>, input: I, ctx: BuildContext): BuildDraft<H> {
  const checked = checkConcept(definition, input, ctx);
  const { given } = checked;
  const stop = (stoppedAt: NonNullable<ConceptOutcome<P, S, X>["stoppedAt"]>, drafts: readonly IssueDraft[], spec?: S, rendered?: Rendered<X>): BuildDraft<H> => {
    const issues = [...locate(ctx.where, drafts), ...(rendered?.issues ?? [])];
    // a build that stopped is not valid, even without an error of its own (an input that stands for no props, a spec that cannot be rendered)
    return { manifests: [], issues, handle: definition.handle({ given, ...(spec !== undefined ? { spec } : {}), ...(rendered !== undefined ? { rendered } : {}), stoppedAt, valid: false }, ctx) };
  };
  if (checked.stoppedAt !== undefined) return stop(checked.stoppedAt, checked.drafts, checked.spec);
  const { spec, props: p } = checked;
  const drafts: IssueDraft[] = [...checked.drafts];
  const rendered = definition.render(spec, p, ctx);
  for (const rule of definition.renderedRules ?? []) drafts.push(...rule.check(rendered, spec, p, ctx));
  if (drafts.some((d) => d.severity !== "warning") || (rendered.issues ?? []).some(isError)) return stop("rendered", drafts, spec, rendered);
  const { manifests, facts } = rendered;
  const issues = [...locate(ctx.where, drafts), ...(rendered.issues ?? [])];
  if (rendered.claimed !== true) issues.push(...(ctx.registry?.claim(ctx.where, manifests) ?? []));
  const valid = !issues.some(isError);
  const handle = definition.handle({ given, spec, rendered, valid }, ctx);
  if (valid) definition.record?.(handle, spec, ctx, rendered);
  return { manifests: valid ? manifests : [], issues, handle, ...(facts !== undefined ? { facts } : {}), ...(valid && rendered.subjects !== undefined ? { subjects: rendered.subjects } : {}) };
}

/**
 * The spec a concept's build would render from `input`, with its parsed props, for a decision that must
 * come before the build (the runtime a NIM shares): the steps before render run as in the build (the
 * check of the props' own `target` first, as `guardBuild` does), nothing is rendered. None when one of
 * them stops the build (an error among the prepare step's or the rules' findings, props that do not
 * parse, a spec that cannot be rendered). A step that throws throws here (the build reports it as
 * `internal/unexpected`).
 */
export function specToRender<P, S, H, I, X>(concept: Concept<P, S, H, I, X>, input: I, ctx: BuildContext): { readonly spec: S; readonly props: P } | undefined {
  if (ownTargetIssues(input).length > 0) return undefined;
  const checked = checkConcept(concept.definition, input, ctx);
  return checked.stoppedAt !== undefined ? undefined : { spec: checked.spec, props: checked.props };
}

/** Declares a concept: its build runs {@link runConcept} inside `guardBuild`, and it joins {@link concepts}. */
export function defineConcept<P, S, H, I = P, X = undefined>(definition: ConceptDefinition<P, S, H, I, X>): Concept<P, S, H, I, X> {
  if (declared.some((c) => c.name === definition.name)) throw new Error(`concept ${definition.name} is declared twice`);
  const build = guardBuild<I, H>((input, ctx) => runConcept(definition, input, ctx), definition.fallback);
  const concept: Concept<P, S, H, I, X> = { name: definition.name, definition, build };
  declared.push(concept as unknown as AnyConcept);
  return concept;
}

/** The concepts declared so far, in the order they were declared (`./concepts.ts` loads them all). */
export function concepts(): readonly AnyConcept[] {
  return declared;
}

/**
 * The rule entry `target`: the target rules (bad version strings, unsupported releases) on the
 * context's target overridden by the props' own.
 */
export const targetRule: ConceptRule<{ readonly target?: TargetProps }, unknown> = {
  name: "target",
  check: (_spec, props, ctx) => targetIssues(ctx.target, props.target),
};
