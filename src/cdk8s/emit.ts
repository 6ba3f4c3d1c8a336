/**
 * Turns the core's plain manifests into cdk8s ApiObjects, adding no behaviour of its own.
 */
import { ApiObject, Chart, JsonPatch } from "cdk8s";
import type { Construct } from "constructs";
import type { Manifest } from "../index";

/** Kinds that are cluster-scoped: cdk8s would otherwise give them the chart's namespace. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set(["ClusterServingRuntime", "ClusterStorageContainer", "Namespace", "ClusterRole", "ClusterRoleBinding", "LocalModelCache", "LocalModelNodeGroup"]);

/** Emits each manifest as an ApiObject child of `scope`, ids `<Kind>-<name>`. */
export function emitManifests(scope: Construct, manifests: readonly Manifest[]): ApiObject[] {
  return manifests.map((manifest) => {
    const { apiVersion, kind, metadata, ...rest } = manifest;
    const object = new ApiObject(scope, `${kind}-${metadata.name}`, { apiVersion, kind, metadata: { ...metadata }, ...rest });
    if (metadata.namespace === undefined && Chart.of(scope).namespace !== undefined && CLUSTER_SCOPED_KINDS.has(kind)) {
      object.addJsonPatch(JsonPatch.remove("/metadata/namespace"));
    }
    return object;
  });
}
