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
export const REFERENCE_FIELDS: Readonly<Record<ReferenceKey, ReferenceKind>> = {
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

/** The prop keys that name a Secret, claim, ServiceAccount or ConfigMap (the keys of {@link REFERENCE_FIELDS}). */
export type ReferenceKey = "secretName" | "pullSecret" | "tokenSecret" | "credentialsSecret" | "apiKeySecret" | "hfTokenSecret" | "imagePullSecrets" | "claimName" | "serviceAccountName" | "caBundleConfigMap";

/**
 * Prop keys that hold other constructs, locations, requests or targets: the adapters' reference types
 * (cdk8s-plus objects, Pulumi Inputs) keep them as they are.
 */
export type HandleKey = "engine" | "model" | "hardware" | "runtime" | "target" | "storage" | "single" | "multi" | "baseRefs" | "profile" | "parameters";

const KINDS: ReadonlySet<string> = new Set(Object.values(REFERENCE_FIELDS));

/** The kind of object named by the `name` of an environment value's reference (`Env.fromSecret`, `Env.fromConfigMap`). */
const ENV_REFERENCES: Readonly<Record<string, ReferenceKind>> = {
  secretKeyRef: "Secret",
  configMapKeyRef: "ConfigMap",
};

/**
 * The kind of object the prop at `path` (whose key is `key`) names: by the key for the reference props
 * of {@link REFERENCE_FIELDS}, by the parent for the `name` of an environment value's `secretKeyRef` or
 * `configMapKeyRef`; `undefined` for any other prop.
 */
export function referencedKind(path: string, key: string | undefined): ReferenceKind | undefined {
  if (key === undefined) return undefined;
  if (key !== "name") return Object.hasOwn(REFERENCE_FIELDS, key) ? REFERENCE_FIELDS[key as ReferenceKey] : undefined;
  const parent = path.split(".").at(-2);
  return parent === undefined ? undefined : ENV_REFERENCES[parent];
}

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
    const expected = referencedKind(path, key);
    if (expected === undefined || expected === kind) return [];
    const what = key === "name" ? (path.split(".").at(-2) ?? "name") : (key as string);
    const finding: Finding = { path, value: `${kind}/${name}`, message: `${what} names a ${expected}, but a ${kind} was given`, fix: `pass a ${expected} (or the name of one)` };
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

/** What {@link checkOverlayAnnotation} sees: an annotation the library would add to a Secret the app itself defines. */
export interface OverlayAnnotationSubject {
  /** The prop path of the Secret reference. */
  readonly path: string;
  /** The Secret's name. */
  readonly secret: string;
  readonly key: string;
  /** The annotation's value on the Secret, if it has one. */
  readonly existing: string | undefined;
  /** The value the library would set. */
  readonly wanted: string;
}

const overlayAnnotationRule = defineRule<OverlayAnnotationSubject>({
  id: "references/secret-annotation",
  severity: "error",
  summary: "a Secret the app defines itself does not already carry one of the storage's settings annotations with another value",
  why: "the library puts the S3 settings on a Secret defined in the same app instead of writing a second object of it; two values for one annotation means one storage would read the other's endpoint or region",
  fix: "give the storages that share the Secret the same settings, drop the annotation from the Secret, or use one Secret per storage",
  on: "props",
  check: ({ path, secret, key, existing, wanted }) =>
    existing === undefined || existing === wanted
      ? []
      : [{ path, value: existing, message: `Secret ${secret} already has ${key}: "${existing}", and this storage needs "${wanted}"`, fix: `set ${key} to "${wanted}" on the Secret (or drop it), or give this storage its own Secret` }],
});

/** Problems with putting an annotation on a Secret the app defines itself. */
export function checkOverlayAnnotation(subject: OverlayAnnotationSubject): IssueDraft[] {
  return runRules([overlayAnnotationRule], subject);
}
