/**
 * The emit plan: what an adapter needs to know about each manifest a build renders, beyond the manifest
 * itself, so that the cdk8s and Pulumi adapters only read it and never guess from the object's shape.
 *
 * A builder states the facts only it knows ({@link ManifestFacts}: a name without its content hash, a
 * patch of an object that exists, an object other constructs may share); {@link planOf} fills in the
 * defaults for everything else, in one place (`guardBuild` calls it for every build).
 */
import type { Manifest } from "./k8s";

/**
 * The kinds that are cluster-scoped, by API group (`""` for the core group) then kind: the one table of
 * them in the library. An adapter must not give them a namespace (cdk8s would give them the chart's).
 */
export const CLUSTER_SCOPED_KINDS: Readonly<Record<string, readonly string[]>> = {
  "": ["Namespace"],
  "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding"],
  "serving.kserve.io": ["ClusterServingRuntime", "ClusterStorageContainer", "LocalModelCache", "LocalModelNodeGroup"],
};

/** The API group of an apiVersion (`""` for the core group's `v1`). */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** True for an object of a cluster-scoped kind (see {@link CLUSTER_SCOPED_KINDS}). */
export function isClusterScoped(apiVersion: string, kind: string): boolean {
  const kinds = Object.hasOwn(CLUSTER_SCOPED_KINDS, groupOf(apiVersion)) ? CLUSTER_SCOPED_KINDS[groupOf(apiVersion)] : undefined;
  return kinds?.includes(kind) ?? false;
}

/** The object is the library's: the adapter creates, updates and deletes it. */
export interface OwnedObject {
  readonly kind: "owned";
}

/**
 * How a patch changes the object it patches. Every patch is a server-side apply of the manifest's fields
 * onto an object that exists already and that the library neither creates, owns nor deletes: Pulumi
 * applies it as the kind's `Patch` resource (`SecretPatch`); in YAML, the annotations the manifest
 * carries (see `SECRET_OVERLAY_ANNOTATIONS`) make Argo CD and Flux apply it so.
 *
 * - `secret-annotations`: annotations on an existing Secret (KServe's S3 settings on the credentials Secret).
 * - `secret-data-connection`: labels, annotations and non-secret `stringData` keys on an existing Secret
 *   (an OpenShift AI data connection, from which OpenShift AI builds the storage-config entry).
 */
export type PatchStrategy = "secret-annotations" | "secret-data-connection";

/** The object exists already (the user's, or another tool's); the manifest only patches it. */
export interface PatchOfExisting {
  readonly kind: "patch";
  /** What the patch changes (see {@link PatchStrategy}). */
  readonly strategy: PatchStrategy;
}

/** Whether the library owns an object or only patches one that exists. */
export type Ownership = OwnedObject | PatchOfExisting;

/** What an adapter needs to know about one manifest. */
export interface EmitEntry {
  /** The manifest, exactly as the adapter writes it. */
  readonly manifest: Manifest;
  /**
   * The object's stable name: `metadata.name`, or for an object whose name embeds a hash of its content
   * (see {@link EmitEntry.contentNamed}) that name without the hash.
   */
  readonly name: string;
  /**
   * The object's id among the objects of its construct, `<Kind>-<name>`: the id of its cdk8s ApiObject,
   * and its Pulumi resource name after `<component>-`. Stable across content changes, so a changed Job
   * spec replaces the Pulumi resource rather than renaming it.
   */
  readonly id: string;
  /**
   * `metadata.name` embeds a hash of the object's content (a storage-config Job is named after its pod
   * spec), so it changes whenever the content does: the object's name depends on all of its fields.
   */
  readonly contentNamed: boolean;
  /** Whether the library owns the object or only patches one that exists, and how. */
  readonly ownership: Ownership;
  /** The object's kind is cluster-scoped: it has no namespace, and an adapter must not give it one. */
  readonly clusterScoped: boolean;
  /**
   * For an object several constructs may render identically (a NIM runtime, which the Nims of one model
   * and version share): equal keys mean the same object, which the app defines once. Opaque.
   * @default none (the object is its construct's alone)
   */
  readonly shareKey?: string;
}

/** The emit plan of a build: one entry per manifest, in the order of the manifests. */
export type EmitPlan = readonly EmitEntry[];

/** What a builder states about one of its manifests; {@link planOf} fills in the rest. */
export interface ManifestFacts {
  /**
   * The name without the content hash in `metadata.name` (the entry is then {@link EmitEntry.contentNamed}).
   * @default none (`metadata.name` is stable)
   */
  readonly stableName?: string;
  /**
   * Whether the library owns the object.
   * @default `{ kind: "owned" }`
   */
  readonly ownership?: Ownership;
  /**
   * The sharing key (see {@link EmitEntry.shareKey}), usually {@link shareKeyOf} the manifest.
   * @default none
   */
  readonly shareKey?: string;
}

/** The facts builders state, by manifest (the objects the build returns). */
export type ManifestFactsMap = ReadonlyMap<Manifest, ManifestFacts>;

const OWNED: OwnedObject = { kind: "owned" };

/**
 * The emit plan of `manifests`: each with the facts its builder stated in `facts`, and the defaults for
 * the rest (the name is `metadata.name`, the object is owned, cluster scope comes from the kind, nothing
 * is shared).
 */
export function planOf(manifests: readonly Manifest[], facts?: ManifestFactsMap): EmitPlan {
  return manifests.map((manifest) => {
    const stated = facts?.get(manifest);
    const name = stated?.stableName ?? manifest.metadata.name;
    const id = `${manifest.kind}-${name}`;
    return {
      manifest,
      name,
      id,
      contentNamed: stated?.stableName !== undefined,
      ownership: stated?.ownership ?? OWNED,
      clusterScoped: isClusterScoped(manifest.apiVersion, manifest.kind),
      ...(stated?.shareKey !== undefined ? { shareKey: stated.shareKey } : {}),
    };
  });
}

/** The facts of planned entries, by manifest: for a build made of other builds, to keep its parts' facts. */
export function factsOf(...plans: readonly EmitPlan[]): Map<Manifest, ManifestFacts> {
  const facts = new Map<Manifest, ManifestFacts>();
  for (const entry of plans.flat()) {
    const stated: ManifestFacts = {
      ...(entry.contentNamed ? { stableName: entry.name } : {}),
      ...(entry.ownership.kind !== "owned" ? { ownership: entry.ownership } : {}),
      ...(entry.shareKey !== undefined ? { shareKey: entry.shareKey } : {}),
    };
    // an entry of defaults only needs no facts: planOf gives it the same entry
    if (Object.keys(stated).length > 0) facts.set(entry.manifest, stated);
  }
  return facts;
}

/** A 64-bit digest of a text as 16 hex digits (two independent 32-bit lanes). */
function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

/**
 * The sharing key of an object: its group, kind, namespace and name, then a 64-bit digest of the whole
 * object, so that two objects of one name have equal keys only when they are equal in every field.
 */
export function shareKeyOf(manifest: Manifest): string {
  const scope = manifest.metadata.namespace !== undefined ? `${manifest.metadata.namespace}/` : "";
  return `${groupOf(manifest.apiVersion)}/${manifest.kind}/${scope}${manifest.metadata.name}@${digest(JSON.stringify(manifest))}`;
}
