/**
 * Turns the core's plain manifests into cdk8s ApiObjects, adding no behaviour of its own.
 */
import { ApiObject, JsonPatch } from "cdk8s";
import type { ApiObjectProps } from "cdk8s";
import type { Construct } from "constructs";
import { asCanonical, withSyncWave } from "../index";
import { GitOps } from "./gitops";
import type { EmitEntry, EmitPlan } from "../index";

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

/** The ApiObject props of a plan entry emitted in `scope`, with the scope's Argo CD sync waves (see {@link GitOps}). */
export function apiObjectProps(scope: Construct, entry: EmitEntry, waves = GitOps.of(scope).syncWaves): ApiObjectProps {
  const manifest = waves === undefined ? entry.manifest : withSyncWave(entry.manifest, waves);
  const { apiVersion, kind, metadata, ...rest } = manifest;
  return { apiVersion, kind, metadata: { ...metadata }, ...rest };
}

/** Gives `object`, emitted for `entry`, what cdk8s adds on its own that the entry rules out: a cluster-scoped object without a namespace does not get the chart's namespace. */
export function finishApiObject(object: ApiObject, entry: EmitEntry): void {
  if (entry.clusterScoped && entry.manifest.metadata.namespace === undefined && object.chart.namespace !== undefined) object.addJsonPatch(JsonPatch.remove("/metadata/namespace"));
}

/**
 * Emits each entry of an emit plan as an ApiObject child of `scope`, with the plan's id, and the scope's
 * Argo CD sync waves (see {@link GitOps}). A cluster-scoped object without a namespace does not get the
 * chart's namespace either.
 */
export function emitPlan(scope: Construct, plan: EmitPlan): ApiObject[] {
  const waves = GitOps.of(scope).syncWaves;
  return plan.map((entry) => {
    const object = new CanonicalApiObject(scope, entry.id, apiObjectProps(scope, entry, waves));
    finishApiObject(object, entry);
    return object;
  });
}
