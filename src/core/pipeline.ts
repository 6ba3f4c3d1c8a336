/**
 * The one build pipeline every concept runs through. A concept declares its parts with
 * {@link defineConcept}: a schema, a resolve step (defaults only: it reports nothing), its rules (named
 * entries, run on the resolved spec and the props), a render step and its handle. {@link runConcept}
 * runs them in that order:
 *
 * 1. `screen` (optional): checks of the raw props that must come before anything reads them;
 * 2. the schema parses the props (problems: `props/shape`);
 * 3. `resolve` turns the parsed props into the resolved spec (defaults applied, nothing reported);
 * 4. the rules run on the spec, in the order declared; with an error among their findings the build
 *    stops here (nothing is rendered);
 * 5. `render` renders the manifests; the app-wide registry claims their names;
 * 6. `handle` gives other constructs what they need, valid when nothing above was an error.
 *
 * The concept's `build` goes through `guardBuild` (`./context.ts`): the Kubernetes syntax rules run on
 * what it renders, and an exception in any step becomes the issue `internal/unexpected`.
 */
import type { z } from "zod";
import type { BuildContext, BuildDraft, BuildResult } from "./context";
import { guardBuild } from "./context";
import type { IssueDraft } from "./errors";
import { isError, locate } from "./errors";
import type { Manifest } from "./k8s";
import type { ManifestFactsMap } from "./plan";
import { parseProps } from "./schema";
import type { TargetProps } from "./target/props";
import { mergeTargetProps } from "./target/resolve";
import { checkTargetVersions } from "./target/rules";

/** One named entry of a concept's rule list: what it checks on the resolved spec (and the props, where it needs them). */
export interface ConceptRule<P, S> {
  /** The entry's name, unique in its concept (the registry rules it runs carry their own ids). */
  readonly name: string;
  /** The problems it finds (none when the spec is right). */
  readonly check: (spec: S, props: P, ctx: BuildContext) => readonly IssueDraft[];
}

/** What a render step returns: the manifests in output order, and the facts the plan needs about some of them. */
export interface Rendered {
  /** The manifests, in output order. */
  readonly manifests: readonly Manifest[];
  /**
   * Facts about some of the manifests (see `ManifestFacts` in `./plan.ts`).
   * @default none (every manifest takes the plan's defaults)
   */
  readonly facts?: ManifestFactsMap;
}

/** What a concept's handle step is given. */
export interface ConceptOutcome<P, S> {
  /** The props as given (not parsed: they may not fit the schema). */
  readonly given: Partial<P> | undefined;
  /** The resolved spec, when the props parsed. */
  readonly spec?: S;
  /**
   * The step that stopped the build before render: `screen` or `parse` (no spec), or `rules` (an error
   * among the rules' findings).
   * @default none (the spec was rendered; the registry may still have refused a name)
   */
  readonly stoppedAt?: "screen" | "parse" | "rules";
  /** True when the build found no error. */
  readonly valid: boolean;
}

/** The parts of a concept, in the order the pipeline runs them. */
export interface ConceptDefinition<P, S, H> {
  /** The concept's name (`hardware-profile`, `storage-config`, ...), unique in the library. */
  readonly name: string;
  /**
   * Checks of the raw props that come before parsing (for example credentials inside a URL, reported
   * masked before any other message could show them); any finding stops the build.
   * @default none
   */
  readonly screen?: (given: unknown, ctx: BuildContext) => readonly IssueDraft[];
  /** The props' schema. */
  readonly schema: z.ZodType<P>;
  /** The resolved spec of parsed props: defaults only, reports nothing. */
  readonly resolve: (props: P, ctx: BuildContext) => S;
  /** The rules, in the order they run. */
  readonly rules: readonly ConceptRule<P, S>[];
  /** Renders the spec (only when no rule found an error). */
  readonly render: (spec: S, props: P, ctx: BuildContext) => Rendered;
  /** The handle other constructs use. */
  readonly handle: (outcome: ConceptOutcome<P, S>, ctx: BuildContext) => H;
  /** The handle when the build failed unexpectedly. */
  readonly fallback: (ctx: BuildContext) => H;
}

/** A concept declared through the pipeline: its definition and its guarded build. */
export interface Concept<P, S, H> {
  /** The concept's name. */
  readonly name: string;
  /** What it was declared with. */
  readonly definition: ConceptDefinition<P, S, H>;
  /** Builds the concept from props: `{ manifests, issues, handle, plan }`; never throws. */
  readonly build: (props: P, ctx: BuildContext) => BuildResult<H>;
}

/** A concept of any props, spec and handle, for the list of concepts. */
export interface AnyConcept {
  /** The concept's name. */
  readonly name: string;
  /** Its guarded build. */
  readonly build: (props: never, ctx: BuildContext) => BuildResult<unknown>;
}

const declared: AnyConcept[] = [];

/** Runs a concept's steps on props (unguarded: {@link defineConcept}'s `build` guards it). */
export function runConcept<P, S, H>(definition: ConceptDefinition<P, S, H>, props: P, ctx: BuildContext): BuildDraft<H> {
  const given = props as Partial<P> | undefined;
  const stop = (stoppedAt: "screen" | "parse" | "rules", drafts: readonly IssueDraft[], spec?: S): BuildDraft<H> => {
    const issues = locate(ctx.where, drafts);
    const valid = !issues.some(isError);
    return { manifests: [], issues, handle: definition.handle({ given, ...(spec !== undefined ? { spec } : {}), stoppedAt, valid }, ctx) };
  };
  const screened = definition.screen?.(props, ctx) ?? [];
  if (screened.length > 0) return stop("screen", screened);
  const parsed = parseProps(definition.schema, props);
  const p = parsed.value;
  if (p === undefined) return stop("parse", parsed.issues);
  const spec = definition.resolve(p, ctx);
  const drafts: IssueDraft[] = [...parsed.issues];
  for (const rule of definition.rules) drafts.push(...rule.check(spec, p, ctx));
  if (drafts.some((d) => d.severity !== "warning")) return stop("rules", drafts, spec);
  const { manifests, facts } = definition.render(spec, p, ctx);
  const issues = locate(ctx.where, drafts);
  issues.push(...(ctx.registry?.claim(ctx.where, manifests) ?? []));
  const valid = !issues.some(isError);
  return { manifests: valid ? manifests : [], issues, handle: definition.handle({ given, spec, valid }, ctx), ...(facts !== undefined ? { facts } : {}) };
}

/** Declares a concept: its build runs {@link runConcept} inside `guardBuild`, and it joins {@link concepts}. */
export function defineConcept<P, S, H>(definition: ConceptDefinition<P, S, H>): Concept<P, S, H> {
  if (declared.some((c) => c.name === definition.name)) throw new Error(`concept ${definition.name} is declared twice`);
  const build = guardBuild<P, H>((props, ctx) => runConcept(definition, props, ctx), definition.fallback);
  const concept: Concept<P, S, H> = { name: definition.name, definition, build };
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
  check: (_spec, props, ctx) => checkTargetVersions(mergeTargetProps(ctx.target, props.target)),
};
