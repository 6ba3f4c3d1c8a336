/**
 * cdk8s-plus interop, typed structurally so it works with whichever cdk8s-plus line an app uses (28 to 33,
 * none of which the library imports):
 *
 * - where a prop names a Secret, a PersistentVolumeClaim or a ServiceAccount, it also takes the
 *   cdk8s-plus object (`ISecret`, `IPersistentVolumeClaim`, `IServiceAccount`, or a cdk8s `ApiObject` of
 *   that kind); the construct reads only its name, and checks that its kind is the one the prop names;
 * - the ServiceAccounts and claims a construct creates are handed out as cdk8s-plus objects
 *   (`storage.serviceAccount(kplus.ServiceAccount)`, `storage.claim(kplus.PersistentVolumeClaim)`), so
 *   RBAC bindings and volumes are written with cdk8s-plus.
 */
import { ApiObject, Chart } from "cdk8s";
import { Construct } from "constructs";
import { SECRET_OVERLAY_ANNOTATIONS, ValidationError, checkCreated, checkOverlayAnnotation, checkReference, isObjectHandle, isPlainObject, locate, mapTree, someInTree } from "../index";
import type { EmitPlan, EnginePreset, HandleKey, IssueDraft, Issue, ReferenceKey, ReferenceKind } from "../index";

/**
 * What the library reads of a cdk8s-plus object given as a reference: cdk8s-plus's `IResource` (every line
 * from 28 to 33), which `ISecret`, `IPersistentVolumeClaim` and `IServiceAccount` extend; a cdk8s
 * `ApiObject` has the same fields. Only `name` ends up in the manifests; `kind` is checked against the prop.
 */
export interface ObjectHandle {
  /** The object's name (`metadata.name`). */
  readonly name: string;
  /** Its API version (`v1`). */
  readonly apiVersion: string;
  /** Its kind (`Secret`, `PersistentVolumeClaim`, `ServiceAccount`). */
  readonly kind: string;
}

/** A Secret: its name, or a cdk8s-plus `ISecret` (`new kplus.Secret(...)`, `kplus.Secret.fromSecretName(...)`). */
export type SecretReference = string | ObjectHandle;
/** A PersistentVolumeClaim: its name, or a cdk8s-plus `IPersistentVolumeClaim`. */
export type ClaimReference = string | ObjectHandle;
/** A ServiceAccount: its name, or a cdk8s-plus `IServiceAccount`. */
export type ServiceAccountReference = string | ObjectHandle;

/** cdk8s-plus's `ServiceAccount` class (any line from 28 to 33), as far as the library calls it. */
export interface ServiceAccountClass<T> {
  /** `kplus.ServiceAccount.fromServiceAccountName`. */
  fromServiceAccountName(scope: Construct, id: string, name: string, options?: { readonly namespaceName?: string }): T;
}

/** cdk8s-plus's `PersistentVolumeClaim` class (any line from 28 to 33), as far as the library calls it. */
export interface ClaimClass<T> {
  /** `kplus.PersistentVolumeClaim.fromClaimName`. */
  fromClaimName(scope: Construct, id: string, claimName: string): T;
}

/**
 * `props` with every cdk8s-plus object (or ApiObject) of a referenced kind replaced by its name, and a
 * problem for each one given under a prop that names another kind. Descends into plain objects and
 * arrays only (other constructs, locations and requests are kept as they are); unchanged parts keep
 * their identity.
 */
export function resolveHandles(props: unknown): { readonly value: unknown; readonly drafts: IssueDraft[]; readonly defined: readonly DefinedSecret[] } {
  // most props name no object by a handle: nothing to replace, nothing to walk with paths
  if (!someInTree(props, isGivenHandle)) return { value: props, drafts: [], defined: [] };
  const drafts: IssueDraft[] = [];
  const defined: DefinedSecret[] = [];
  const join = (path: string, key: string | number): string => (typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`);
  const value = mapTree(props, "", join, (v, path, key) => {
    if (!isGivenHandle(v)) return undefined;
    const handle = v;
    drafts.push(...checkReference({ path, key, kind: handle.kind, name: handle.name }));
    const object = handle.kind === "Secret" ? definingObject(v) : undefined;
    if (object !== undefined) defined.push({ path, name: handle.name, object });
    return { value: handle.name };
  });
  return { value, drafts, defined };
}

/** A cdk8s-plus object (or ApiObject) given for a referenced kind; a props object that only looks like one stays props. */
function isGivenHandle(v: unknown): v is ObjectHandle {
  return isObjectHandle(v) && !isPlainObject(v as unknown);
}

/** A Secret given as a reference that the app itself defines (a `new kplus.Secret(...)` or an ApiObject). */
export interface DefinedSecret {
  /** The prop path it was given at. */
  readonly path: string;
  readonly name: string;
  /** The ApiObject that writes it. */
  readonly object: ApiObject;
}

/** The ApiObject that writes a handle's object in this app: the handle itself, or a cdk8s-plus resource's own; none for an imported one. */
function definingObject(handle: object): ApiObject | undefined {
  if (handle instanceof ApiObject) return handle;
  if (!Construct.isConstruct(handle)) return undefined;
  const child = handle.node.defaultChild;
  return child instanceof ApiObject ? child : undefined;
}

/**
 * The build's plan with each patch of a Secret the app defines itself (see {@link DefinedSecret}) applied
 * to that Secret instead: the settings annotations of a `secret-annotations` patch are added to the
 * Secret's ApiObject (the GitOps overlay annotations are not: the app owns that Secret), so the output
 * holds one object of it. An annotation the Secret already has with another value is a problem.
 */
export function applyOverlaysToDefinedSecrets(plan: EmitPlan, defined: readonly DefinedSecret[]): { readonly plan: EmitPlan; readonly drafts: IssueDraft[] } {
  if (defined.length === 0) return { plan, drafts: [] };
  const drafts: IssueDraft[] = [];
  const kept = plan.filter(({ manifest, ownership }) => {
    const annotates = ownership.kind === "patch" && ownership.strategy === "secret-annotations";
    const secret = annotates ? defined.find((d) => d.name === manifest.metadata.name && sameNamespace(d.object, manifest.metadata.namespace)) : undefined;
    if (secret === undefined) return true;
    const existing = (secret.object.metadata.toJson() as { annotations?: Record<string, string> }).annotations ?? {};
    const wanted = Object.entries(manifest.metadata.annotations ?? {}).filter(([key]) => !Object.hasOwn(SECRET_OVERLAY_ANNOTATIONS, key));
    const problems = wanted.flatMap(([key, value]) => checkOverlayAnnotation({ path: secret.path, secret: secret.name, key, existing: existing[key], wanted: value }));
    drafts.push(...problems);
    if (problems.length === 0) for (const [key, value] of wanted) secret.object.metadata.addAnnotation(key, value);
    return false;
  });
  return { plan: kept, drafts };
}

function sameNamespace(object: ApiObject, namespace: string | undefined): boolean {
  const own = object.metadata.namespace ?? chartNamespaceOf(object);
  return own === undefined || namespace === undefined || own === namespace;
}

function chartNamespaceOf(object: ApiObject): string | undefined {
  try {
    return Chart.of(object).namespace;
  } catch {
    return undefined;
  }
}

/**
 * A preset made from props that may hold cdk8s-plus objects: the preset sees their names, and an object of
 * the wrong kind is a problem of the preset (a preset's own schema takes names only).
 */
export function presetWithHandles<P>(props: WithHandles<P>, make: (props: P) => EnginePreset): EnginePreset {
  const { value, drafts } = resolveHandles(props);
  const preset = make(value as P);
  if (drafts.length === 0) return preset;
  return {
    preset: preset.preset,
    resolve: () => {
      const resolved = preset.resolve();
      return { ...resolved, issues: [...drafts, ...resolved.issues] };
    },
  };
}

/** The name of the object of `kind` among a construct's ApiObjects, if it creates one. */
export function createdName(objects: readonly ApiObject[], kind: ReferenceKind): string | undefined {
  return objects.find((o) => o.kind === kind && o.apiVersion === "v1")?.name;
}

const handles = new WeakMap<object, Map<object, unknown>>();

/**
 * The cdk8s-plus handle of an object a construct creates, made once per construct and cdk8s-plus class
 * (under the construct, so its id never clashes); a ValidationError when the construct creates no such object.
 */
export function createdHandle<T>(construct: Construct, kind: ReferenceKind, name: string | undefined, method: string, factory: object, make: (name: string, id: string) => T): T {
  const issues: Issue[] = locate(construct.node.path, checkCreated({ path: `${method}()`, kind, name }));
  if (issues.length > 0 || name === undefined) throw new ValidationError(issues);
  let cache = handles.get(construct);
  if (cache === undefined) {
    cache = new Map();
    handles.set(construct, cache);
  }
  if (cache.has(factory)) return cache.get(factory) as T;
  const handle = make(name, `${kind}-handle-${cache.size}`);
  cache.set(factory, handle);
  return handle;
}

/** The cdk8s-plus handle of the ServiceAccount `name` a construct creates in `namespace` (see {@link createdHandle}). */
export function serviceAccountHandle<T>(construct: Construct, name: string | undefined, namespace: string | undefined, serviceAccountClass: ServiceAccountClass<T>): T {
  return createdHandle(construct, "ServiceAccount", name, "serviceAccount", serviceAccountClass, (created, id) =>
    serviceAccountClass.fromServiceAccountName(construct, id, created, namespace !== undefined ? { namespaceName: namespace } : {}),
  );
}




/** A reference prop's type, also taking a cdk8s-plus object (for a list: in each item). */
export type WithHandle<V> = V extends readonly (infer U)[] ? readonly (U | ObjectHandle)[] : V | ObjectHandle;

/**
 * Props `T` in which every prop that names a Secret, a PersistentVolumeClaim, a ServiceAccount or a
 * ConfigMap (`secretName`, `claimName`, `serviceAccountName`, `pullSecret`, `imagePullSecrets`, ... at any
 * depth) also takes the cdk8s-plus object ({@link ObjectHandle}); everything else is unchanged.
 */
export type WithHandles<T> = 0 extends 1 & T
  ? T
  : unknown extends T
    ? T
    : T extends string | number | boolean | bigint | symbol | null | undefined
      ? T
      : T extends (...args: never[]) => unknown
        ? T
        : T extends readonly (infer U)[]
          ? readonly WithHandles<U>[]
          : { readonly [K in keyof T]: K extends ReferenceKey ? WithHandle<T[K]> : K extends HandleKey ? T[K] : WithHandles<T[K]> };
