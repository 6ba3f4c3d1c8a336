/**
 * Checks that apply to any container the library emits, wherever it came from.
 */
import type { IssueDraft } from "../errors";
import type { Container } from "../k8s";
import { checkResources } from "./resources";
import { BLOCKED_ENV } from "./env";
import { isAcceleratorResource, vendorOf } from "../../accelerators/registry";
import { compareQuantities, isQuantity } from "../quantity";

/** Resource names that are not extended resources. */
const STANDARD_RESOURCES = /^(cpu|memory|storage|ephemeral-storage|hugepages-.+)$|(^|\.)kubernetes\.io\//;

/** True for extended resources (vendor-domain names such as nvidia.com/gpu). */
export function isExtendedResource(name: string): boolean {
  return name.includes("/") && !STANDARD_RESOURCES.test(name);
}

/**
 * Extended resources cannot be overcommitted: a limit is required, a request must equal it, the count is
 * a whole number; and one container requests devices of one vendor.
 */
export function checkExtendedResources(path: string, resources: Container["resources"]): IssueDraft[] {
  if (resources === undefined) return [];
  const issues: IssueDraft[] = [];
  const requests = resources.requests ?? {};
  const limits = resources.limits ?? {};
  const names = [...new Set([...Object.keys(requests), ...Object.keys(limits)])].filter(isExtendedResource).sort();
  for (const name of names) {
    const request = requests[name];
    const limit = limits[name];
    if (limit === undefined) {
      issues.push({ path: `${path}.limits.${name}`, value: request, rule: "resources/extended-limit", message: `${name} is an extended resource: Kubernetes requires a limit (requests alone are rejected)`, fix: `set limits.${name} to ${String(request)}` });
      continue;
    }
    if (!/^\d+$/.test(String(limit)) || Number(limit) < 1) {
      issues.push({ path: `${path}.limits.${name}`, value: limit, rule: "resources/extended-count", message: `${name} is counted in whole devices`, fix: "use a whole number of 1 or more" });
      continue;
    }
    if (request !== undefined && isQuantity(request) && compareQuantities(request, limit) !== 0) {
      issues.push({ path: `${path}.requests.${name}`, value: request, rule: "resources/extended-overcommit", message: `${name} cannot be overcommitted: the request ${String(request)} must equal the limit ${String(limit)}`, fix: `set requests.${name} to ${String(limit)} or drop it (it defaults to the limit)` });
    }
  }
  const vendors = [...new Set(names.filter(isAcceleratorResource).map(vendorOf))];
  if (vendors.length > 1) {
    issues.push({ path, value: names.filter(isAcceleratorResource), rule: "resources/one-vendor", message: `one container requests accelerators of ${vendors.join(" and ")}; a server uses one vendor's devices`, fix: "request one vendor's accelerators per container" });
  }
  return issues;
}

/** KServe's blocked variables and resource sanity, for one container (extended resources unless turned off, for containers KServe merges with a runtime's). */
export function checkContainer(path: string, container: Container | undefined, options: { readonly extendedResources?: boolean } = {}): IssueDraft[] {
  if (container === undefined) return [];
  const issues: IssueDraft[] = [];
  (container.env ?? []).forEach((v, i) => {
    if ((BLOCKED_ENV as readonly string[]).includes(v.name)) {
      issues.push({
        path: `${path}.env[${i}]`,
        value: v.name,
        rule: "kserve/blocked-env",
        message: `${v.name} is blocked by KServe's admission webhook in every container`,
        fix: `remove ${v.name}; install packages into the image's site-packages instead`,
      });
    }
  });
  issues.push(...checkResources(`${path}.resources`, container.resources));
  if (options.extendedResources !== false) issues.push(...checkExtendedResources(`${path}.resources`, container.resources));
  return issues;
}

/** The flag an argument sets (`--max-model-len=4096` and `--max-model-len` give `--max-model-len`), or undefined. */
export function flagOf(arg: string): string | undefined {
  if (/^--[A-Za-z0-9]/.test(arg)) return arg.includes("=") ? arg.slice(0, arg.indexOf("=")) : arg;
  if (/^-[A-Za-z]$/.test(arg) || /^-[A-Za-z]=/.test(arg)) return arg.slice(0, 2);
  return undefined;
}

/** One source of args with the path it came from. */
export interface ArgSource {
  readonly path: string;
  readonly args: readonly string[];
}

/** Flags set more than once across the sources (KServe concatenates runtime args and model args). */
export function checkDuplicateFlags(sources: readonly ArgSource[], repeatable: readonly string[]): IssueDraft[] {
  const seen = new Map<string, string>();
  const issues: IssueDraft[] = [];
  for (const source of sources) {
    source.args.forEach((arg, i) => {
      const flag = flagOf(arg);
      if (flag === undefined || repeatable.includes(flag)) return;
      const at = `${source.path}[${i}]`;
      const first = seen.get(flag);
      if (first !== undefined) {
        issues.push({
          path: at,
          value: arg,
          rule: "args/duplicate-flag",
          message: `flag ${flag} is already set at ${first}; KServe appends the model's args to the runtime's, so the server sees it twice`,
          fix: `set ${flag} once: drop it from one place (make it an engine parameter to vary it per model), or list it in the engine's repeatableFlags`,
        });
      } else {
        seen.set(flag, at);
      }
    });
  }
  return issues;
}
