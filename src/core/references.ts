/**
 * References to existing objects by name. The adapters accept their framework's objects where a prop
 * names a Secret, a PersistentVolumeClaim or a ServiceAccount (cdk8s-plus handles in cdk8s, resources
 * of `@pulumi/kubernetes` in Pulumi) and replace them by their names before the core sees the props;
 * this module holds what both need: which prop names which kind, and the rules about it.
 */
import type { Finding } from "./rules/registry";
import { defineRule, runRules } from "./rules/registry";
import type { IssueDraft } from "./errors";

/** The kinds a prop may reference by name. */
export type ReferenceKind = "Secret" | "PersistentVolumeClaim" | "ServiceAccount" | "ConfigMap";

/** The kind of object each reference prop names (by the prop's key, wherever it is in the props). */
export const REFERENCE_FIELDS: Readonly<Record<string, ReferenceKind>> = {
  secretName: "Secret",
  pullSecret: "Secret",
  tokenSecret: "Secret",
  credentialsSecret: "Secret",
  apiKeySecret: "Secret",
  hfTokenSecret: "Secret",
  imagePullSecrets: "Secret",
  claimName: "PersistentVolumeClaim",
  serviceAccountName: "ServiceAccount",
  caBundleConfigMap: "ConfigMap",
};

const KINDS: ReadonlySet<string> = new Set(Object.values(REFERENCE_FIELDS));

/**
 * True for an object that stands for a Kubernetes object by name (a cdk8s-plus handle, a cdk8s
 * ApiObject): a string `name`, a string `apiVersion` and a `kind` the library references.
 */
export function isObjectHandle(value: unknown): value is { readonly name: string; readonly apiVersion: string; readonly kind: string } {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const v = value as { name?: unknown; apiVersion?: unknown; kind?: unknown };
  return typeof v.name === "string" && typeof v.apiVersion === "string" && typeof v.kind === "string" && KINDS.has(v.kind);
}

/** What a reference check sees: where the object was given, under which prop key, and its kind and name. */
export interface ReferenceSubject {
  readonly path: string;
  /** The key of the prop (for an item of a list, the list's key). */
  readonly key: string | undefined;
  readonly kind: string;
  readonly name: string;
}

const referenceKindRule = defineRule<ReferenceSubject>({
  id: "references/kind",
  severity: "error",
  summary: "an object given for a reference prop is of the kind the prop names",
  why: "the library takes only the object's name: a claim given for a Secret would make the workload read a Secret that does not exist",
  fix: "pass an object of the kind the prop names (a Secret for secretName, a PersistentVolumeClaim for claimName, ...), or its name",
  on: "props",
  check: ({ path, key, kind, name }) => {
    const expected = key === undefined ? undefined : REFERENCE_FIELDS[key];
    if (expected === undefined || expected === kind) return [];
    const finding: Finding = { path, value: `${kind}/${name}`, message: `${key as string} names a ${expected}, but a ${kind} was given`, fix: `pass a ${expected} (or the name of one)` };
    return [finding];
  },
});

/** Problems with an object given as a reference. */
export function checkReference(subject: ReferenceSubject): IssueDraft[] {
  return runRules([referenceKindRule], subject);
}

/** What {@link checkCreated} sees: which object a construct is asked for, and whether it creates one. */
export interface CreatedSubject {
  /** The method or property asked (`serviceAccount()`, `claim()`). */
  readonly path: string;
  readonly kind: ReferenceKind;
  /** The name of the object the construct creates, if it creates one. */
  readonly name: string | undefined;
}

const createdRule = defineRule<CreatedSubject>({
  id: "references/not-created",
  severity: "error",
  summary: "a handle is asked only for an object the construct creates",
  why: "a handle to an object nobody creates would bind RBAC to, or mount, something that does not exist",
  fix: "ask the construct that creates the object, or import the existing object by name with cdk8s-plus",
  on: "props",
  check: ({ path, kind, name }) =>
    name !== undefined ? [] : [{ path, value: undefined, message: `this construct creates no ${kind}`, fix: `give the storage what makes it create one, or use ${kind}.from...Name(...) of cdk8s-plus for an existing one` }],
});

/** Problems with asking a construct for a handle to an object of `kind` it may not create. */
export function checkCreated(subject: CreatedSubject): IssueDraft[] {
  return runRules([createdRule], subject);
}
