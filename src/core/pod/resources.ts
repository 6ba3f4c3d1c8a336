/**
 * Resource requests and limits: props, checks, rendering.
 */
import type { ResourceRequirements } from "../k8s";
import type { IssueDraft } from "../errors";
import { compact, compareStrings } from "../canonical";
import { compareQuantities, isQuantity } from "../quantity";

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

/**
 * Checks quantities and that no request exceeds its limit. Applies to rendered manifests, so it catches
 * values from every source (engine defaults, hardware profiles, raw specs).
 */
export function checkResources(path: string, resources: ResourceRequirements | undefined): IssueDraft[] {
  if (resources === undefined) return [];
  const issues: IssueDraft[] = [];
  for (const kind of ["requests", "limits"] as const) {
    const map = resources[kind] ?? {};
    for (const name of Object.keys(map).sort(compareStrings)) {
      const value = map[name];
      if (!isQuantity(value)) {
        issues.push({
          path: `${path}.${kind}.${name}`,
          value,
          rule: "resources/quantity",
          message: `${kind}.${name} is not a Kubernetes quantity`,
          fix: `use a quantity such as ${name === "memory" ? '"16Gi"' : name === "cpu" ? '"500m" or "2"' : "1"}`,
        });
      }
    }
  }
  const requests = resources.requests ?? {};
  const limits = resources.limits ?? {};
  for (const name of Object.keys(requests).sort(compareStrings)) {
    const request = requests[name];
    const limit = limits[name];
    if (request === undefined || limit === undefined || !isQuantity(request) || !isQuantity(limit)) continue;
    if (compareQuantities(request, limit) > 0) {
      issues.push({
        path: `${path}.requests.${name}`,
        value: request,
        rule: "resources/request-above-limit",
        message: `the ${name} request ${String(request)} is above its limit ${String(limit)}; Kubernetes rejects the pod`,
        fix: `lower the request to at most ${String(limit)} or raise the limit`,
      });
    }
  }
  return issues;
}
