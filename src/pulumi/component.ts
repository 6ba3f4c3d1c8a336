/**
 * The base of every Pulumi component: builds its args with a core build function and emits the
 * manifests as child resources. A construct is one subclass that names its build function and exposes
 * its handle; everything about Inputs, validation and emitting lives here.
 */
import * as pulumi from "@pulumi/pulumi";
import { ValidationError, checkPropsObject, checkReadiness, checkReference, formatIssue, isError, locate } from "../index";
import type { BuildContext, BuildResult, EmitEntry, Issue, IssueDraft, Manifest, ReadinessProps } from "../index";
import { KServeProgram, KServeTarget } from "./program";
import { combine, isDeferred, lift, maskSecrets, registerResolved, relabel, resolve, resolvedNamespace, resolvedOutput, tokenOutput, tokensIn } from "./inputs";
import type { Lifted } from "./inputs";
import { emitResource } from "./emit";
import { judgeInputCredentials } from "./secret-inputs";
import type { ManifestInputs } from "./emit";
import { awaitAnnotations, withAwaitAnnotations } from "./readiness";

/** A core build function (`buildInferenceEngine`, `buildS3Storage`, ...). */
export type BuildFunction<P, H> = (props: P, ctx: BuildContext) => BuildResult<H>;

/**
 * How a component takes its args. What the component knows of each object (its resource name, whether
 * it is a patch, whether its name embeds a hash of its content) comes from the build's emit plan.
 */
export interface ComponentOptions {
  /**
   * The args take {@link ReadinessArgs} (`waitForReady`, `readyTimeoutSeconds`): they are not passed to
   * the core build, and the InferenceServices and LLMInferenceServices the component creates carry the
   * Kubernetes provider's await annotations (waiting is on unless `waitForReady: false`).
   * @default false (the args have no readiness settings; nothing waits)
   */
  readonly readiness?: boolean;
}

/** The args without their readiness settings, and the settings (when the component takes them). */
export function splitReadiness(args: object, takesReadiness: boolean): { readonly rest: object; readonly readiness: ReadinessProps | undefined } {
  if (!takesReadiness) return { rest: args, readiness: undefined };
  const { waitForReady, readyTimeoutSeconds, ...rest } = args as ReadinessProps & Record<string, unknown>;
  return { rest, readiness: { ...(waitForReady !== undefined ? { waitForReady } : {}), ...(readyTimeoutSeconds !== undefined ? { readyTimeoutSeconds } : {}) } };
}

/** A component's args as the core sees them when the component is declared (see {@link declaredArgs}). */
export interface DeclaredArgs {
  /** The readiness settings (when the component takes them). */
  readonly readiness: ReadinessProps | undefined;
  /** The namespace as given: a plain value, an Output (or Promise), or undefined. */
  readonly namespace: unknown;
  /** Whether the namespace is an Output (or Promise). */
  readonly namespaceDeferred: boolean;
  /** The args without the readiness settings and the namespace, Outputs lifted to placeholders. */
  readonly lifted: Lifted;
  /** The props of the build at construction: the lifted args, with the namespace when it is plain. */
  readonly props: unknown;
  /** The context of every build of the component (its name, the program's default target). */
  readonly ctx: BuildContext;
  /** The context of the build at construction: `ctx`, with the namespace's placeholder as `deferredNamespace` when it is an Output. */
  readonly declaredCtx: BuildContext;
}

/**
 * A component's args as its build at construction sees them: the readiness settings split off, the
 * namespace apart (in the props when it is plain; when it is an Output, the context says so and gives
 * its placeholder, and the core decides what a namespace known later means for what it builds), the rest
 * with its Outputs as placeholders (see {@link lift}).
 */
export function declaredArgs(name: string, args: object, takesReadiness: boolean): DeclaredArgs {
  const split = splitReadiness(args, takesReadiness);
  const { namespace, ...rest } = split.rest as { namespace?: unknown };
  const namespaceDeferred = isDeferred(namespace);
  // the namespace first: the same Output elsewhere in the args is shown as `{namespace}` in messages
  const placeholder = namespaceDeferred ? (lift({ namespace }).value as { readonly namespace: string }).namespace : undefined;
  const lifted = lift(rest);
  const ctx: BuildContext = { where: name, defaultName: name, target: KServeTarget.getDefault() };
  return {
    readiness: split.readiness,
    namespace,
    namespaceDeferred,
    lifted,
    props: namespaceDeferred || namespace === undefined ? lifted.value : { ...(lifted.value as object), namespace },
    ctx,
    declaredCtx: placeholder !== undefined ? { ...ctx, deferredNamespace: placeholder } : ctx,
  };
}

/**
 * Throws the ValidationError the core build reports for args that are not an object (`undefined`,
 * `null`, a number, an array), before anything reads a field of them: the same problems as in cdk8s,
 * never a TypeError from destructuring.
 */
export function assertArgsObject(name: string, args: unknown, build: BuildFunction<never, unknown>): void {
  if (args !== null && typeof args === "object" && !Array.isArray(args)) return;
  const ctx: BuildContext = { where: name, defaultName: name, target: KServeTarget.getDefault() };
  const issues = (build as unknown as BuildFunction<unknown, unknown>)(args, ctx).issues.filter(isError);
  throw new ValidationError(
    issues.length > 0 ? issues : locate(name, checkPropsObject(args)),
  );
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A component over one core build function.
 *
 * How args are built:
 * - All plain (no Output or Promise anywhere, none in the handles of the components it references):
 *   one build at construction; a `ValidationError` (every problem, the same text as in cdk8s) is thrown
 *   from the constructor, so it stops `pulumi preview`. Children get plain inputs.
 * - With Outputs: the build runs at construction with each Output replaced by a placeholder (the
 *   namespace left out of the props, its placeholder given as the context's `deferredNamespace` for the
 *   core to use where a build needs one), which fixes the set of resources (it depends on plain props
 *   only) and runs every check that does not depend on the Outputs; problems are thrown from the
 *   constructor with the Outputs shown as `{path}`. Once the Outputs resolve, the build runs again with the real values
 *   inside `apply`; if it finds problems, the apply fails with the `ValidationError` (so the resources
 *   fail with its message: in `pulumi preview` when the values are known then, else in `pulumi up`).
 *   Each field of each child (metadata, spec, ...) is plain when no Output reaches it, else an Output
 *   that is secret exactly when an Output reaching it is secret.
 *
 * Object names and runtimes are recorded in the program-wide registry with real values (see
 * {@link KServeProgram}), so the checks across components see what will be applied.
 */
export abstract class KServeComponent<H> extends pulumi.ComponentResource {
  /** The Kubernetes resources of this component (in the order the core renders them). */
  public readonly resources: readonly pulumi.CustomResource[];
  /** The namespace of its objects (`undefined`: not set, the provider's default namespace applies). */
  public readonly namespace: pulumi.Output<string | undefined>;
  /** `Kind/name` of every Kubernetes object it creates. */
  public readonly objects: pulumi.Output<string[]>;
  /** The core handle from the build at construction (Output leaves are placeholders in it). */
  protected readonly handle: H;
  /** The handle built with the real values (made when first read: most components never need it). */
  protected get resolvedHandle(): pulumi.Output<H> {
    // through `apply`: `pulumi.output(handle)` would copy the handle, losing its identity and functions
    if (this.resolvedHandleOutput === undefined) this.resolvedHandleOutput = pulumi.output(undefined).apply(() => this.handle);
    return this.resolvedHandleOutput;
  }
  /** The handle built with the real values, once made (set by the constructor when the args have Outputs). */
  private resolvedHandleOutput: pulumi.Output<H> | undefined;
  /** `namespace` and `objects` as plain values, when the args have no Outputs (registered as such). */
  private plainOutputs: { readonly namespace: unknown; readonly objects: readonly string[] } | undefined;
  /** Whether the args (or the handles they use) have Outputs: the real build then runs in `apply`. */
  protected readonly deferred: boolean;
  private readonly logged = new Set<string>();
  private ownNamespace: pulumi.Output<unknown> | undefined;
  private readonly kinds: string[] = [];
  private readonly readiness: ReadinessProps | undefined;

  protected constructor(type: string, name: string, args: object, opts: pulumi.ComponentResourceOptions | undefined, build: BuildFunction<never, H>, options: ComponentOptions = {}) {
    assertArgsObject(name, args, build);
    super(type, name, {}, opts);
    const run = build as unknown as BuildFunction<unknown, H>;
    const { readiness, namespace, namespaceDeferred, lifted, props, ctx, declaredCtx } = declaredArgs(name, args, options.readiness === true);
    this.readiness = readiness;
    const readinessIssues = readiness === undefined ? [] : locate(name, checkReadiness(readiness));
    const checks = [...readinessIssues, ...locate(name, lifted.references.flatMap(checkReference))];
    const withNamespace = (value: unknown, ns: unknown): unknown => (ns === undefined ? value : { ...(value as object), namespace: ns });
    this.namespace = pulumi.output(namespace as pulumi.Input<string | undefined>);

    this.deferred = namespaceDeferred || lifted.tokens.size > 0 || lifted.handles.size > 0;
    if (!this.deferred) {
      const result = run(props, { ...ctx, registry: KServeProgram.registry });
      // collected by KServeProgram.collect: a component with problems creates no children
      const plan = this.report([...checks, ...result.issues]) ? result.plan : [];
      this.handle = result.handle;
      this.resources = plan.map((entry) => this.emit(childName(name, entry), entry, (field) => entry.manifest[field] as pulumi.Input<unknown>));
      const objects = plan.map(({ manifest: m }) => `${m.kind}/${m.metadata.name}`);
      this.objects = pulumi.output(objects);
      // registered as the plain values they are (Pulumi then has no Output to wait for)
      this.plainOutputs = { namespace, objects };
      return;
    }

    // Placeholders at construction: the resource set, and every check that does not need the Outputs.
    const built = run(props, declaredCtx);
    const sync = { ...built, issues: [...checks, ...built.issues] };
    if (sync.issues.some(isError)) {
      if (!KServeProgram.record(relabel(sync.issues))) throw new ValidationError(relabel(sync.issues));
      // collected by KServeProgram.collect: no children, and the handle as built with placeholders
      this.handle = sync.handle;
      this.resources = [];
      this.objects = pulumi.output([]);
      return;
    }
    this.report(sync.issues.filter((issue) => tokensIn(issue).size === 0));
    this.handle = sync.handle;

    // Every token the props contain, their own and those inside the handles of other components (whose
    // values may show up in messages, so secret ones are masked there).
    const tokens = [...new Set([...lifted.tokens, ...tokensIn(lifted.value)])];
    const handles = [...lifted.handles];
    const ownNamespace = namespaceDeferred ? [this.namespace as pulumi.Output<unknown>] : [];
    this.ownNamespace = ownNamespace[0];
    const handleNamespaces = handles.flatMap((h) => resolvedNamespace(h) ?? []);
    // The Outputs a field of a manifest depends on: the tokens in it (for the metadata of an object whose
    // name embeds a hash of its content, in the whole object), the own namespace in metadata, and
    // the namespaces of handles (their placeholder builds had none, so no token shows where they went).
    const taint = ({ manifest, contentNamed }: EmitEntry, field: string): pulumi.Output<unknown>[] => [
      ...[...tokensIn(field === "metadata" && contentNamed ? manifest : manifest[field])].map(tokenOutput),
      ...(field === "metadata" ? ownNamespace : []),
      ...handleNamespaces,
    ];
    const untracked = sync.plan.map((entry) => Object.keys(entry.manifest).filter((field) => field !== "apiVersion" && field !== "kind" && taint(entry, field).length === 0));
    const rebuilt = combine([...ownNamespace, ...tokens.map(tokenOutput), ...handles.map(resolvedOutput)]).apply(async (values) => {
      let i = 0;
      const ns = namespaceDeferred ? values[i++] : namespace;
      const tokenValues = new Map(tokens.map((t) => [t, values[i++]] as const));
      const handleValues = new Map(handles.map((h) => [h, values[i++]] as const));
      const secret = await Promise.all(tokens.map((t) => pulumi.isSecret(tokenOutput(t))));
      const secretTokens = new Set(tokens.filter((_, k) => secret[k] === true));
      // a credential whose value is an Input: an error when the Output is plain, a warning when it is a Pulumi secret
      const reviewManifestFindings = (drafts: readonly IssueDraft[]): IssueDraft[] => judgeInputCredentials(drafts, sync.manifests, secretTokens);
      const result = run(withNamespace(resolve(lifted.value, tokenValues, handleValues), ns), { ...ctx, registry: KServeProgram.registry, reviewManifestFindings });
      // with the real values: always thrown, so the resources fail with the message (never collected)
      this.report(maskSecrets(result.issues, tokens.flatMap((t, k) => (secret[k] === true && typeof tokenValues.get(t) === "string" ? [tokenValues.get(t) as string] : []))), false);
      checkSameShape(name, sync.manifests, result.manifests, untracked);
      return result;
    });
    const resolved = pulumi.unsecret(rebuilt);
    this.resolvedHandleOutput = rebuilt.apply((r) => r.handle);
    if (typeof sync.handle === "object" && sync.handle !== null) this.registerDerived(sync.handle, (h) => h);
    this.resources = sync.plan.map((entry, index) =>
      this.emit(childName(name, entry), entry, (key) => {
        const outputs = taint(entry, key);
        return outputs.length === 0 ? (entry.manifest[key] as pulumi.Input<unknown>) : combine(outputs).apply(() => resolved.apply((r) => (r.manifests[index] as Manifest)[key]));
      }),
    );
    const metadataTaint = sync.plan.flatMap((entry) => taint(entry, "metadata"));
    this.objects = combine(metadataTaint).apply(() => resolved.apply((r) => r.manifests.map((m) => `${m.kind}/${m.metadata.name}`)));
  }

  /** Registers the component's outputs: `namespace`, `objects` and the construct's own. */
  protected registerAll(outputs: Record<string, unknown>): void {
    this.registerOutputs({ namespace: this.namespace, objects: this.objects, ...this.plainOutputs, ...outputs });
  }

  /**
   * Records a core value this component hands out (a model location, a request) as derived from its
   * handle, so components using it build with the real values once this component's Outputs resolve.
   */
  protected registerDerived(value: object, derive: (handle: H) => unknown): void {
    if (this.deferred) registerResolved(value, this.resolvedHandle.apply(derive), this.ownNamespace);
  }

  /** The name of the first object of `kind` (an Output of `undefined` when the component creates none). */
  protected nameOfKind(kind: string): pulumi.Output<string | undefined> {
    const resource = this.resourceOfKind(kind) as { metadata?: pulumi.Output<{ name?: string }> } | undefined;
    return resource?.metadata !== undefined ? resource.metadata.apply((m) => m.name) : pulumi.output(undefined);
  }

  /** The resource of the first object of `kind`, if any. */
  protected resourceOfKind(kind: string): pulumi.CustomResource | undefined {
    const index = this.kinds.indexOf(kind);
    return index < 0 ? undefined : this.resources[index];
  }

  private emit(resourceName: string, entry: EmitEntry, value: (field: string) => pulumi.Input<unknown>): pulumi.CustomResource {
    const { manifest } = entry;
    const fields: Record<string, pulumi.Input<unknown>> = {};
    for (const key of Object.keys(manifest)) if (key !== "apiVersion" && key !== "kind") fields[key] = value(key);
    const annotations = this.readiness === undefined ? undefined : awaitAnnotations(manifest.kind, this.readiness);
    if (annotations !== undefined) fields["metadata"] = withAwaitAnnotations(fields["metadata"], annotations);
    this.kinds.push(manifest.kind);
    return emitResource(resourceName, manifest.apiVersion, manifest.kind, fields as ManifestInputs, { parent: this }, entry.ownership);
  }

  /**
   * Throws a ValidationError when an issue is an error (inside {@link KServeProgram.collect}: records the
   * issues and returns false); logs the warnings (each once). True when there is no error.
   */
  private report(issues: readonly Issue[], collectable = true): boolean {
    if (issues.some(isError)) {
      if (collectable && KServeProgram.record(issues)) return false;
      throw new ValidationError(issues);
    }
    for (const issue of issues) {
      const text = formatIssue(issue);
      if (this.logged.has(text)) continue;
      this.logged.add(text);
      void pulumi.log.warn(text, this);
    }
    return true;
  }
}

/**
 * The Pulumi name of a child: `<component>-<id>`, the id the emit plan gives the object (`<Kind>-<stable
 * name>`, so a name that embeds a content hash does not rename the resource), Outputs in it shown as `{path}`.
 */
export function childName(component: string, entry: EmitEntry): string {
  return `${component}-${relabel(entry.id)}`;
}

/**
 * The build with real values must render what the build with placeholders did: the same objects with
 * the same fields, and the same values in every field no Output reaches (else a value would be written
 * without the secretness and dependencies of the Output it came from).
 */
function checkSameShape(name: string, sync: readonly Manifest[], real: readonly Manifest[], untracked: readonly string[][]): void {
  const shape = (ms: readonly Manifest[]): string => ms.map((m) => `${m.apiVersion} ${m.kind} {${Object.keys(m).join(",")}}`).join(", ");
  if (shape(sync) !== shape(real)) {
    throw new Error(`kserve-constructs: ${name} renders ${shape(real)} with its Input values but ${shape(sync)} without them; which objects exist must depend on plain props only`);
  }
  real.forEach((m, i) => {
    for (const key of untracked[i] ?? []) {
      if (!deepEqual(m[key], sync[i]?.[key])) throw new Error(`kserve-constructs: ${name}: ${m.kind} field ${key} depends on an Input value in a way the Pulumi adapter cannot track`);
    }
  });
}
