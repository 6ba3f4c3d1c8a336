/**
 * Turns the core's manifests into Pulumi Kubernetes resources, adding no behaviour of their own:
 * built-in kinds through the typed resources of `@pulumi/kubernetes`, custom resources through
 * `apiextensions.CustomResource`.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import type { Ownership } from "../index";

/** The fields of one manifest below apiVersion and kind (metadata, spec, ...), each plain or an Output. */
export type ManifestInputs = Readonly<Record<string, pulumi.Input<unknown>>>;

type TypedResource = new (name: string, args: ManifestInputs, opts: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/**
 * The typed resource class of a built-in kind: `v1` kinds in `k8s.core.v1`, `batch/v1` in
 * `k8s.batch.v1`, `rbac.authorization.k8s.io/v1` in `k8s.rbac.v1`, and so on. Groups of custom
 * resources (dotted, not `*.k8s.io`) have none. The typed resources set apiVersion and kind themselves
 * and keep the fields they know: every field of the object's schema, which is all the core renders
 * (the conformance tests check it against the same schemas).
 */
export function typedResourceOf(apiVersion: string, kind: string): TypedResource | undefined {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "core" : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  if (group.includes(".") && !group.endsWith(".k8s.io")) return undefined;
  const module = group.slice(0, group.includes(".") ? group.indexOf(".") : group.length);
  const typed = (k8s as unknown as Record<string, Record<string, Record<string, unknown>> | undefined>)[module]?.[version]?.[kind];
  return typeof typed === "function" ? (typed as TypedResource) : undefined;
}

/**
 * Creates the resource for one manifest of the emit plan, from its apiVersion, kind and other fields
 * (each plain or an Output), and its ownership in the plan.
 *
 * - An object the plan marks as a patch of one that exists (a Secret overlay: KServe's S3 annotations, or
 *   an OpenShift AI data connection's labels, annotations and non-secret `stringData` keys) is applied as
 *   a server-side patch, the kind's `Patch` resource (`SecretPatch`), so Pulumi never owns, replaces or
 *   deletes the object, and removes only its own fields when the patch goes.
 * - Custom resources get a `status` output (the object's status as the provider last read it;
 *   `undefined` under mocks).
 */
export function emitResource(name: string, apiVersion: string, kind: string, fields: ManifestInputs, opts: pulumi.CustomResourceOptions, ownership: Ownership = { kind: "owned" }): pulumi.CustomResource {
  if (ownership.kind === "patch") {
    const patch = typedResourceOf(apiVersion, `${kind}Patch`);
    if (patch === undefined) throw new Error(`kserve-constructs: @pulumi/kubernetes has no patch resource for ${apiVersion} ${kind}`);
    return new patch(name, fields, opts);
  }
  const typed = typedResourceOf(apiVersion, kind);
  if (typed !== undefined) return new typed(name, fields, opts);
  if (!apiVersion.includes("/")) throw new Error(`kserve-constructs: @pulumi/kubernetes has no resource for ${apiVersion} ${kind}`);
  return new k8s.apiextensions.CustomResource(name, { apiVersion, kind, ...fields, status: undefined }, opts);
}

/** The `status` output of a custom resource made by {@link emitResource}. */
export function statusOf(resource: pulumi.CustomResource): pulumi.Output<Record<string, unknown> | undefined> {
  return (resource as unknown as { status: pulumi.Output<Record<string, unknown> | undefined> }).status;
}
