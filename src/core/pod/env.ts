/**
 * Environment variables as props (`{ NAME: "value" }` or a reference), rendered in a stable order.
 */
import type { EnvVar, EnvVarSource } from "../k8s";
import { compareStrings } from "../canonical";
import { substitutePlaceholders } from "../templates";

/** A value read from a Secret, ConfigMap, the pod's own fields or its resources. */
export type EnvSource =
  | { readonly secretKeyRef: { readonly name: string; readonly key: string; readonly optional?: boolean } }
  | { readonly configMapKeyRef: { readonly name: string; readonly key: string; readonly optional?: boolean } }
  | { readonly fieldRef: { readonly fieldPath: string } }
  | { readonly resourceFieldRef: { readonly resource: string; readonly divisor?: string } };

/** An environment variable value: a literal string, or a reference (never put a secret in a literal). */
export type EnvValue = string | EnvSource;

/** Factories for {@link EnvSource} references. */
export const Env = {
  /** The value of `key` in Secret `name` (a reference; the secret never appears in the output). */
  fromSecret(name: string, key: string, options: { optional?: boolean } = {}): EnvSource {
    return { secretKeyRef: { name, key, ...(options.optional !== undefined ? { optional: options.optional } : {}) } };
  },
  /** The value of `key` in ConfigMap `name`. */
  fromConfigMap(name: string, key: string, options: { optional?: boolean } = {}): EnvSource {
    return { configMapKeyRef: { name, key, ...(options.optional !== undefined ? { optional: options.optional } : {}) } };
  },
  /** A field of the pod, such as `metadata.name` or `status.podIP`. */
  fromField(fieldPath: string): EnvSource {
    return { fieldRef: { fieldPath } };
  },
  /** A resource of the container, such as `limits.memory`. */
  fromResource(resource: string, divisor?: string): EnvSource {
    return { resourceFieldRef: { resource, ...(divisor !== undefined ? { divisor } : {}) } };
  },
} as const;

/**
 * The {@link Env} factories with `fromSecret` and `fromConfigMap` also taking an adapter's objects (`S`
 * for a Secret, `C` for a ConfigMap: cdk8s-plus objects, `@pulumi/kubernetes` resources or Inputs). The
 * object stays in the props until the adapter replaces it by its name (and checks its kind).
 */
export interface EnvFactories<S, C> {
  /** The value of `key` in a Secret: its name or the adapter's object (a reference; the secret never appears in the output). */
  fromSecret(secret: string | S, key: string, options?: { optional?: boolean }): EnvSource;
  /** The value of `key` in a ConfigMap: its name or the adapter's object. */
  fromConfigMap(configMap: string | C, key: string, options?: { optional?: boolean }): EnvSource;
  /** A field of the pod, such as `metadata.name` or `status.podIP`. */
  fromField(fieldPath: string): EnvSource;
  /** A resource of the container, such as `limits.memory`. */
  fromResource(resource: string, divisor?: string): EnvSource;
}

/** {@link EnvFactories} for an adapter's Secret and ConfigMap objects. */
export function envFactories<S, C>(): EnvFactories<S, C> {
  return {
    ...Env,
    fromSecret: (secret, key, options = {}) => Env.fromSecret(secret as string, key, options),
    fromConfigMap: (configMap, key, options = {}) => Env.fromConfigMap(configMap as string, key, options),
  };
}

/** Names the library refuses in every container (the KServe webhook rejects them). */
export const BLOCKED_ENV = ["PYTHONPATH"] as const;

/** The fix for an environment variable name that is not a C identifier: the name made into one. */
export function envNameFix(name: string): string {
  const fixed = name.replace(/[^A-Za-z0-9_]/g, "_").replace(/^([0-9])/, "_$1");
  return `rename it, for example to ${fixed === "" ? "MY_VAR" : fixed.length > 80 ? `${fixed.slice(0, 40)}...` : fixed}`;
}

/** Renders one variable. */
export function renderEnvVar(name: string, value: EnvValue): EnvVar {
  if (typeof value === "string") return { name, value };
  return { name, valueFrom: value as EnvVarSource };
}

/**
 * Orders variables deterministically: by name, except that a variable whose value refers to another
 * with `$(OTHER)` comes after it (Kubernetes expands only variables defined earlier in the list).
 */
export function orderEnv(vars: readonly EnvVar[]): EnvVar[] {
  const byName = new Map<string, EnvVar>();
  for (const v of vars) byName.set(v.name, v);
  const names = [...byName.keys()].sort(compareStrings);
  const deps = new Map<string, string[]>();
  for (const name of names) {
    const value = byName.get(name)?.value ?? "";
    const refs = [...value.matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)].map((m) => m[1] as string);
    deps.set(name, refs.filter((r) => r !== name && byName.has(r)).sort(compareStrings));
  }
  const out: EnvVar[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string): void => {
    const s = state.get(name);
    if (s === "done" || s === "visiting") return; // a cycle keeps name order
    state.set(name, "visiting");
    for (const dep of deps.get(name) ?? []) visit(dep);
    state.set(name, "done");
    out.push(byName.get(name) as EnvVar);
  };
  for (const name of names) visit(name);
  return out;
}

/** Renders and orders a props env map plus extra variables; later entries win on equal names. */
export function renderEnv(...sources: (Readonly<Record<string, EnvValue>> | readonly EnvVar[] | undefined)[]): EnvVar[] | undefined {
  const merged = new Map<string, EnvVar>();
  for (const source of sources) {
    if (source === undefined) continue;
    if (Array.isArray(source)) {
      for (const v of source as readonly EnvVar[]) merged.set(v.name, v);
    } else {
      const record = source as Readonly<Record<string, EnvValue>>;
      for (const name of Object.keys(record)) merged.set(name, renderEnvVar(name, record[name] as EnvValue));
    }
  }
  return merged.size === 0 ? undefined : orderEnv([...merged.values()]);
}

/** Env with the `{{port}}` placeholder substituted in its literal values (references are kept). */
export function substituteEnv(env: Readonly<Record<string, EnvValue>>, port: number): Record<string, EnvValue> {
  const out: Record<string, EnvValue> = {};
  for (const [k, v] of Object.entries(env)) out[k] = typeof v === "string" ? substitutePlaceholders(v, { port }) : v;
  return out;
}
