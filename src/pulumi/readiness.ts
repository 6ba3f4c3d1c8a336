/**
 * Readiness in `pulumi up`: the Kubernetes provider's await support for custom resources (provider 4.18
 * or later) waits for the condition named in the `pulumi.com/waitFor` annotation, up to
 * `pulumi.com/timeoutSeconds`, before it reads the object back. So an InferenceService's `status.url` is
 * known on the first `up`, and what depends on the service waits until it serves.
 */
import * as pulumi from "@pulumi/pulumi";
import { readinessOf } from "../index";
import type { ReadinessProps } from "../index";

/** The annotation naming what the Kubernetes provider waits for (`condition=Ready`). */
export const PULUMI_WAIT_FOR = "pulumi.com/waitFor";
/** The annotation with the provider's timeout for the create or update, in seconds. */
export const PULUMI_TIMEOUT_SECONDS = "pulumi.com/timeoutSeconds";

/**
 * Readiness args of the components that create InferenceServices or LLMInferenceServices: `pulumi up`
 * waits until each is `Ready` (a failed wait fails the update, naming the object and its conditions).
 * Pulumi only: cdk8s output carries none of it.
 */
export type ReadinessArgs = ReadinessProps;

/** The provider's await annotations for an object of `kind` under `readiness` (`undefined`: none). */
export function awaitAnnotations(kind: string, readiness: ReadinessProps): Record<string, string> | undefined {
  const wait = readinessOf(kind, readiness);
  if (wait === undefined) return undefined;
  return { [PULUMI_WAIT_FOR]: `condition=${wait.condition}`, [PULUMI_TIMEOUT_SECONDS]: String(wait.timeoutSeconds) };
}

type Metadata = { readonly annotations?: Record<string, string> } & Record<string, unknown>;

function merged(metadata: Metadata, annotations: Record<string, string>): Metadata {
  // annotations the object sets itself win (an explicit pulumi.com/waitFor in the props)
  return { ...metadata, annotations: { ...annotations, ...metadata.annotations } };
}

/** `metadata` (plain or an Output) with the await annotations added. */
export function withAwaitAnnotations(metadata: pulumi.Input<unknown>, annotations: Record<string, string>): pulumi.Input<unknown> {
  if (pulumi.Output.isInstance(metadata) || metadata instanceof Promise) return pulumi.output(metadata as pulumi.Input<Metadata>).apply((m) => merged(m as Metadata, annotations));
  return merged(metadata as Metadata, annotations);
}
