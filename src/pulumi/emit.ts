/**
 * Turns the core's manifests into Pulumi Kubernetes resources, adding no behaviour of their own:
 * custom resources through `apiextensions.CustomResource`, core kinds through the typed resources.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

/** The fields of one manifest below apiVersion and kind (metadata, spec, ...), each plain or an Output. */
export type ManifestInputs = Readonly<Record<string, pulumi.Input<unknown>>>;

type Emitter = (name: string, fields: ManifestInputs, opts: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/**
 * Core (`v1`) kinds the core renders, by kind. The typed resources set apiVersion and kind themselves
 * and keep only the fields they know, which is every field the core renders for them.
 *
 * A Secret without data is the KServe settings overlay of an existing Secret (the library never writes
 * key material): it is applied as a server-side patch, so Pulumi never owns, replaces or deletes the
 * Secret itself, and removes only its own annotations on delete.
 */
const CORE_KINDS: Readonly<Record<string, Emitter>> = {
  ServiceAccount: (name, fields, opts) => new k8s.core.v1.ServiceAccount(name, fields as k8s.core.v1.ServiceAccountArgs, opts),
  PersistentVolumeClaim: (name, fields, opts) => new k8s.core.v1.PersistentVolumeClaim(name, fields as k8s.core.v1.PersistentVolumeClaimArgs, opts),
  ConfigMap: (name, fields, opts) => new k8s.core.v1.ConfigMap(name, fields as k8s.core.v1.ConfigMapArgs, opts),
  Secret: (name, fields, opts) =>
    "data" in fields || "stringData" in fields
      ? new k8s.core.v1.Secret(name, fields as k8s.core.v1.SecretArgs, opts)
      : new k8s.core.v1.SecretPatch(name, fields as k8s.core.v1.SecretPatchArgs, opts),
};

/**
 * Creates the resource for one manifest. Custom resources get a `status` output (KServe's status, as
 * the provider last read it; `undefined` under mocks).
 */
export function emitResource(name: string, apiVersion: string, kind: string, fields: ManifestInputs, opts: pulumi.CustomResourceOptions): pulumi.CustomResource {
  if (apiVersion.includes("/")) return new k8s.apiextensions.CustomResource(name, { apiVersion, kind, ...fields, status: undefined }, opts);
  const emitter = CORE_KINDS[kind];
  if (emitter === undefined) throw new Error(`kserve-constructs: no Pulumi resource for ${apiVersion} ${kind}; add one to CORE_KINDS in src/pulumi/emit.ts`);
  return emitter(name, fields, opts);
}

/** The `status` output of a custom resource made by {@link emitResource}. */
export function statusOf(resource: pulumi.CustomResource): pulumi.Output<Record<string, unknown> | undefined> {
  return (resource as unknown as { status: pulumi.Output<Record<string, unknown> | undefined> }).status;
}
