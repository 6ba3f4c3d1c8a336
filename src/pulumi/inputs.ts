/**
 * Pulumi Inputs in props: the bookkeeping that lets the core (which only knows plain values) build
 * components whose leaves are Outputs.
 *
 * - {@link lift} replaces every Output (or Promise) in the args by a placeholder token, a short string
 *   that is valid wherever a leaf may be (a DNS name, an image reference, an env value), and finds the
 *   handles of other components that resolve later.
 * - {@link resolve} puts the real values back, once Pulumi knows them, so the core can build again
 *   with them.
 * - {@link tokensIn} tells which Outputs a rendered field depends on (for its secretness and
 *   dependencies); {@link relabel} shows tokens as `{path}` in messages and resource names.
 */
import * as pulumi from "@pulumi/pulumi";
import { isPlainObject, mapTree as mapPlainTree } from "../index";
import type { ReferenceSubject, TreeLeaf } from "../index";
import { referencedResource } from "./references";
import { perProgram } from "./scope";

interface TokenInfo {
  readonly output: pulumi.Output<unknown>;
  /** Where the Output was first found, e.g. `credentials.secretName`. */
  readonly label: string;
}

const TOKEN = /x--(\d+)--x/g;

interface ResolvedHandle {
  readonly output: pulumi.Output<unknown>;
  /** The namespace of the component that made the handle, when it is an Output. */
  readonly namespace?: pulumi.Output<unknown>;
}

/** The Input bookkeeping of one program run (see ./scope). */
interface InputsState {
  readonly tokens: Map<string, TokenInfo>;
  readonly tokenOf: WeakMap<object, string>;
  readonly resolvedHandles: WeakMap<object, ResolvedHandle>;
  readonly references: WeakMap<object, () => unknown>;
}

const inputs = perProgram<InputsState>(() => ({ tokens: new Map(), tokenOf: new WeakMap(), resolvedHandles: new WeakMap(), references: new WeakMap() }));

/** Forgets every token and handle (a new program). */
export function resetInputs(): void {
  inputs.reset();
}

/** True for a value Pulumi resolves later (an Output or a Promise). */
export function isDeferred(value: unknown): value is pulumi.Output<unknown> | Promise<unknown> {
  return pulumi.Output.isInstance(value) || value instanceof Promise;
}

function tokenFor(value: object, label: string, output: pulumi.Output<unknown> = pulumi.output(value as pulumi.Input<unknown>) as pulumi.Output<unknown>): string {
  const known = inputs.get().tokenOf.get(value);
  if (known !== undefined) return known;
  const token = `x--${inputs.get().tokens.size}--x`;
  inputs.get().tokens.set(token, { output, label });
  inputs.get().tokenOf.set(value, token);
  return token;
}

function joinLabel(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  const part = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return path === "" ? part : /^[A-Za-z_$]/.test(part) ? `${path}.${part}` : `${path}[${part}]`;
}

/** Maps arrays and plain objects with Pulumi's path labels, keeping the original object when nothing inside changed. */
function mapTree(value: unknown, path: string, leaf: (v: unknown, path: string) => TreeLeaf | undefined): unknown {
  return mapPlainTree(value, path, joinLabel, leaf);
}

/** Props with their Outputs replaced by tokens. */
export interface Lifted {
  /** The props, Outputs replaced by tokens and component references by their core views. */
  readonly value: unknown;
  /** Tokens the props contain (their own Outputs, and those in handles that are copies, not resolved handles). */
  readonly tokens: ReadonlySet<string>;
  /** Handles of other components that resolve later (replaced by their resolved values in {@link resolve}). */
  readonly handles: ReadonlySet<object>;
  /** The `@pulumi/kubernetes` resources given as references (replaced by tokens of their names), for the kind check. */
  readonly references: readonly ReferenceSubject[];
}

/** The prop key of a path (`credentials.secretName` -> `secretName`, `imagePullSecrets[0]` -> `imagePullSecrets`). */
function keyOf(path: string): string | undefined {
  const last = path.replace(/(\[\d+\])+$/, "").split(".").pop();
  return last === undefined || last === "" ? undefined : last;
}

/**
 * Replaces Outputs and Promises in `value` by tokens, `@pulumi/kubernetes` Secrets, claims,
 * ServiceAccounts and ConfigMaps by tokens of their `metadata.name`, and references to this adapter's
 * components by the core values they stand for (see {@link registerReference}).
 */
export function lift(value: unknown, path = ""): Lifted {
  const found = new Set<string>();
  const handles = new Set<object>();
  const referenced: ReferenceSubject[] = [];
  const lifted = mapTree(value, path, function leaf(v, at) {
    if (typeof v === "string") {
      for (const token of tokensIn(v)) found.add(token);
      return undefined;
    }
    if (v === null || typeof v !== "object") return undefined;
    if (inputs.get().resolvedHandles.has(v)) {
      handles.add(v);
      return { value: v };
    }
    const reference = inputs.get().references.get(v);
    if (reference !== undefined) return { value: mapTree(reference(), at, leaf) };
    if (isDeferred(v)) {
      const token = tokenFor(v, at);
      found.add(token);
      return { value: token };
    }
    const resource = referencedResource(v);
    if (resource !== undefined) {
      const token = tokenFor(v, at, resource.name);
      found.add(token);
      referenced.push({ path: at, key: keyOf(at), kind: resource.kind, name: `{${at}}` });
      return { value: token };
    }
    return undefined;
  });
  return { value: lifted, tokens: found, handles, references: referenced };
}

/** Puts real values back: tokens by their Outputs' values, handles by their resolved values. */
export function resolve(value: unknown, tokenValues: ReadonlyMap<string, unknown>, handleValues: ReadonlyMap<object, unknown>): unknown {
  return mapTree(value, "", (v) => {
    if (typeof v === "string") {
      if (tokenValues.has(v)) return { value: tokenValues.get(v) };
      const replaced = v.replace(TOKEN, (token) => (tokenValues.has(token) ? String(tokenValues.get(token)) : token));
      return replaced === v ? undefined : { value: replaced };
    }
    if (v !== null && typeof v === "object" && handleValues.has(v)) return { value: handleValues.get(v) };
    return undefined;
  });
}

/** Replaces every occurrence of the `secrets` in the strings of a value by `[secret]` (for messages). */
export function maskSecrets<T>(value: T, secrets: readonly string[]): T {
  const nonEmpty = secrets.filter((secret) => secret !== "");
  if (nonEmpty.length === 0) return value;
  return mapTree(value, "", (v) => {
    if (typeof v !== "string") return undefined;
    const masked = nonEmpty.reduce((text, secret) => text.split(secret).join("[secret]"), v);
    return masked === v ? undefined : { value: masked };
  }) as T;
}

/** The known tokens inside a value (strings, arrays and plain objects). */
export function tokensIn(value: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === "string") {
      for (const match of v.matchAll(TOKEN)) if (inputs.get().tokens.has(match[0])) found.add(match[0]);
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (isPlainObject(v)) {
      Object.values(v).forEach(visit);
    }
  };
  visit(value);
  return found;
}

/** Shows every token in a value as `{label}` (for messages and resource names). */
export function relabel<T>(value: T): T {
  return mapTree(value, "", (v) => {
    if (typeof v !== "string") return undefined;
    const replaced = v.replace(TOKEN, (token) => {
      const info = inputs.get().tokens.get(token);
      return info === undefined ? token : `{${info.label}}`;
    });
    return replaced === v ? undefined : { value: replaced };
  }) as T;
}

/** The Output a token stands for. */
export function tokenOutput(token: string): pulumi.Output<unknown> {
  const info = inputs.get().tokens.get(token);
  if (info === undefined) throw new Error(`kserve-constructs: unknown Input token ${token}`);
  return info.output;
}

/**
 * Records that `handle` (a core value another component uses) is known for real once `resolved` is.
 * `namespace` is the Output namespace of the component that made it: the handle built with
 * placeholders has no namespace, so whatever uses the handle may depend on it without showing a token.
 */
export function registerResolved(handle: object, resolved: pulumi.Output<unknown>, namespace?: pulumi.Output<unknown>): void {
  inputs.get().resolvedHandles.set(handle, { output: resolved, ...(namespace !== undefined ? { namespace } : {}) });
}

function resolvedOf(handle: object): ResolvedHandle {
  const resolved = inputs.get().resolvedHandles.get(handle);
  if (resolved === undefined) throw new Error("kserve-constructs: a handle without a resolved value");
  return resolved;
}

/** The resolved value of a handle recorded with {@link registerResolved}. */
export function resolvedOutput(handle: object): pulumi.Output<unknown> {
  return resolvedOf(handle).output;
}

/** The Output namespace behind a handle recorded with {@link registerResolved}, if any. */
export function resolvedNamespace(handle: object): pulumi.Output<unknown> | undefined {
  return resolvedOf(handle).namespace;
}

/**
 * Records the core value a component stands for when it is passed as a prop (an engine passed as
 * `engine` stands for `{ runtime }`), so props never carry Pulumi resources into the core.
 */
export function registerReference(component: object, view: () => unknown): void {
  inputs.get().references.set(component, view);
}

/**
 * One Output of several, without the deep copy `pulumi.all` makes of the values (handles keep their
 * identity and functions). Secretness, unknowns and dependencies combine as with `pulumi.all`.
 */
export function combine(outputs: readonly pulumi.Output<unknown>[]): pulumi.Output<unknown[]> {
  return outputs.reduce<pulumi.Output<unknown[]>>((acc, next) => acc.apply((list) => next.apply((v) => [...list, v])), pulumi.output([] as unknown[]));
}
