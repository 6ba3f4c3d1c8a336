/**
 * A lookup over the manifests of an app, built once per app array and shared by every rule that looks
 * across objects (an app rule runs once per manifest: without the index, 10,000 InferenceServices would
 * scan 10,000 manifests each).
 */
import type { Manifest } from "../k8s";

/** The manifests of an app by kind and by `Kind/namespace/name`. */
export interface AppIndex {
  /** Manifests of `kind`, in input order. */
  ofKind(kind: string): readonly Manifest[];
  /** The manifests named `name` of `kind` in `namespace` (`""` for none; cluster-scoped kinds use `""`). */
  find(kind: string, namespace: string, name: string): readonly Manifest[];
}

const cache = new WeakMap<readonly Manifest[], AppIndex>();

/** The namespace of a manifest, `""` when it has none. */
export function namespaceOf(m: Manifest): string {
  return typeof m.metadata?.namespace === "string" ? m.metadata.namespace : "";
}

/** The index of `app` (built on first use, then cached for that array). */
export function appIndex(app: readonly Manifest[]): AppIndex {
  let index = cache.get(app);
  if (index !== undefined) return index;
  const byKind = new Map<string, Manifest[]>();
  const byId = new Map<string, Manifest[]>();
  for (const m of app) {
    if (typeof m?.kind !== "string" || typeof m.metadata?.name !== "string") continue;
    (byKind.get(m.kind) ?? byKind.set(m.kind, []).get(m.kind)!).push(m);
    const id = `${m.kind}/${namespaceOf(m)}/${m.metadata.name}`;
    (byId.get(id) ?? byId.set(id, []).get(id)!).push(m);
  }
  index = {
    ofKind: (kind) => byKind.get(kind) ?? [],
    find: (kind, namespace, name) => byId.get(`${kind}/${namespace}/${name}`) ?? [],
  };
  cache.set(app, index);
  return index;
}
