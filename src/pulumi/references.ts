/**
 * `@pulumi/kubernetes` resources as references: where an arg names a Secret, a PersistentVolumeClaim or a
 * ServiceAccount, it also takes the resource (`k8s.core.v1.Secret`, ...); the component uses its
 * `metadata.name` (an Output, so the component's objects also wait for the resource to be created).
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

/** A Secret: its name (an Input), or a `k8s.core.v1.Secret` resource. */
export type SecretInput = pulumi.Input<string> | k8s.core.v1.Secret;
/** A PersistentVolumeClaim: its name (an Input), or a `k8s.core.v1.PersistentVolumeClaim` resource. */
export type ClaimInput = pulumi.Input<string> | k8s.core.v1.PersistentVolumeClaim;
/** A ServiceAccount: its name (an Input), or a `k8s.core.v1.ServiceAccount` resource. */
export type ServiceAccountInput = pulumi.Input<string> | k8s.core.v1.ServiceAccount;

/** The kind of a `@pulumi/kubernetes` resource the args may reference, and its name Output; `undefined` for anything else. */
export function referencedResource(value: unknown): { readonly kind: "Secret" | "PersistentVolumeClaim" | "ServiceAccount" | "ConfigMap"; readonly name: pulumi.Output<string> } | undefined {
  // only a Pulumi resource can be one (the kind checks below read @pulumi/kubernetes's lazily loaded modules)
  if (value === null || typeof value !== "object" || !pulumi.Resource.isInstance(value)) return undefined;
  const kind = k8s.core.v1.Secret.isInstance(value)
    ? "Secret"
    : k8s.core.v1.PersistentVolumeClaim.isInstance(value)
      ? "PersistentVolumeClaim"
      : k8s.core.v1.ServiceAccount.isInstance(value)
        ? "ServiceAccount"
        : k8s.core.v1.ConfigMap.isInstance(value)
          ? "ConfigMap"
          : undefined;
  if (kind === undefined) return undefined;
  return { kind, name: (value as unknown as { metadata: pulumi.Output<{ name?: string }> }).metadata.apply((m) => m.name ?? "") };
}
