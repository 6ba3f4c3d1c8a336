/**
 * Turns the core's plain manifests into cdk8s ApiObjects, adding no behaviour of its own.
 */
import { ApiObject, Chart, JsonPatch } from "cdk8s";
import type { Construct } from "constructs";
import { asCanonical, withSyncWave } from "../index";
import { GitOps } from "./gitops";
import type { Manifest } from "../index";

/**
 * An ApiObject whose JSON is canonical whatever cdk8s's settings: keys sorted at every level (so
 * `CDK8S_DISABLE_SORT` changes nothing), with apiVersion, kind and metadata first as cdk8s writes them.
 * Patches and metadata added with cdk8s's own methods are kept.
 */
export class CanonicalApiObject extends ApiObject {
  public override toJson(): Record<string, unknown> {
    // cdk8s renders a fresh object (sorted unless CDK8S_DISABLE_SORT): its members are used as they are when canonical already
    const json = super.toJson() as Record<string, unknown>;
    const ordered: Record<string, unknown> = {};
    for (const key of ["apiVersion", "kind", "metadata", ...Object.keys(json).sort()]) {
      const value = json[key];
      if (value !== undefined && Object.hasOwn(json, key) && !Object.hasOwn(ordered, key) && !(key in Object.prototype)) ordered[key] = asCanonical(value);
    }
    return ordered;
  }
}

/** Kinds that are cluster-scoped: cdk8s would otherwise give them the chart's namespace. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set(["ClusterServingRuntime", "ClusterStorageContainer", "Namespace", "ClusterRole", "ClusterRoleBinding", "LocalModelCache", "LocalModelNodeGroup"]);

/** Emits each manifest as an ApiObject child of `scope`, ids `<Kind>-<name>` (with the scope's Argo CD sync waves, see {@link GitOps}). */
export function emitManifests(scope: Construct, manifests: readonly Manifest[]): ApiObject[] {
  const waves = GitOps.of(scope).syncWaves;
  return manifests.map((rendered) => {
    const manifest = waves === undefined ? rendered : withSyncWave(rendered, waves);
    const { apiVersion, kind, metadata, ...rest } = manifest;
    const object = new CanonicalApiObject(scope, `${kind}-${metadata.name}`, { apiVersion, kind, metadata: { ...metadata }, ...rest });
    if (metadata.namespace === undefined && Chart.of(scope).namespace !== undefined && CLUSTER_SCOPED_KINDS.has(kind)) {
      object.addJsonPatch(JsonPatch.remove("/metadata/namespace"));
    }
    return object;
  });
}
