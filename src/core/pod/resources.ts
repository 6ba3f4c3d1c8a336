/**
 * Resource requests and limits: props, checks, rendering.
 */
import type { ResourceRequirements } from "../k8s";
import { compact } from "../canonical";

/** Requests and limits, by resource name (`cpu`, `memory`, `nvidia.com/gpu`, ...). */
export interface ResourcesProps {
  /**
   * What the scheduler reserves for the container.
   * @default none
   */
  readonly requests?: Readonly<Record<string, string | number>>;
  /**
   * The most the container may use.
   * @default none
   */
  readonly limits?: Readonly<Record<string, string | number>>;
}

/** Renders resources with sorted keys; `undefined` when empty. Numbers stay numbers (int-or-string). */
export function renderResources(props: ResourcesProps | undefined): ResourceRequirements | undefined {
  if (props === undefined) return undefined;
  const requests = compact<string | number>(props.requests);
  const limits = compact<string | number>(props.limits);
  if (requests === undefined && limits === undefined) return undefined;
  return { ...(limits ? { limits } : {}), ...(requests ? { requests } : {}) };
}

/** Merges resources: `over` wins per resource name. */
export function mergeResources(base: ResourcesProps | undefined, over: ResourcesProps | undefined): ResourcesProps | undefined {
  if (base === undefined) return over;
  if (over === undefined) return base;
  return { requests: { ...base.requests, ...over.requests }, limits: { ...base.limits, ...over.limits } };
}
