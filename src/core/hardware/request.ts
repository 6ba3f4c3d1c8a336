/**
 * Hardware requests: what an InferenceService (or engine) asks for, from a profile or directly from an
 * accelerator, and the checks against the profile's bounds.
 */
import type { IssueDraft } from "../errors";
import { throwIfErrors } from "../errors";
import type { Toleration } from "../k8s";
import type { AcceleratorSpec } from "../../accelerators/types";
import { compareQuantities, isQuantity } from "../quantity";
import type { HardwareRequestProps } from "./props";

/** A resource a profile offers, resolved. */
export interface ResolvedIdentifier {
  readonly identifier: string;
  readonly displayName: string;
  readonly min: string | number;
  readonly default: string | number;
  readonly max?: string | number;
  readonly resourceType?: "CPU" | "Memory" | "Accelerator";
}

/** The identifier an accelerator's device counts resolve to (`undefined` for CPU). */
export function acceleratorIdentifier(a: AcceleratorSpec): ResolvedIdentifier | undefined {
  if (a.resourceName === undefined) return undefined;
  const { counts } = a;
  return { identifier: a.odhIdentifier ?? a.resourceName, displayName: a.displayName, resourceType: "Accelerator", min: counts.min, default: counts.default, ...(counts.max !== undefined ? { max: counts.max } : {}) };
}

/** Resolved scheduling of a profile. */
export type ResolvedScheduling =
  | { readonly type: "Node"; readonly nodeSelector: Readonly<Record<string, string>>; readonly tolerations: readonly Toleration[] }
  | { readonly type: "Queue"; readonly localQueue: string; readonly priorityClass?: string };

/** The handle of a hardware profile. */
export interface HardwareProfileInfo {
  readonly name: string;
  /** Namespace of the OpenShift AI object (annotated on workloads). */
  readonly namespace?: string;
  readonly where: string;
  readonly valid: boolean;
  readonly accelerator?: AcceleratorSpec;
  readonly identifiers: readonly ResolvedIdentifier[];
  readonly scheduling?: ResolvedScheduling;
}

/** A hardware request: values asked of a profile, or of an accelerator without a profile. */
export interface HardwareRequest extends HardwareRequestProps {
  /** The profile asked, when there is one. */
  readonly profile?: HardwareProfileInfo;
  /** The accelerator, when there is no profile. */
  readonly accelerator?: AcceleratorSpec;
}

/** Requests without a hardware profile. */
export const Hardware = {
  /**
   * Request an accelerator directly (no profile object): its scheduling, env and volumes apply, and
   * `accelerators` devices (default: the accelerator's default count) are requested.
   */
  accelerator(accelerator: AcceleratorSpec, request: HardwareRequestProps = {}): HardwareRequest {
    return { ...request, accelerator };
  },
} as const;

/**
 * The request fields of a value given as hardware: `profile.request(...)`, `Hardware.accelerator(...)`,
 * or a HardwareProfile construct itself (which has a `profile` and no values: the profile's defaults).
 */
export function requestOf(value: HardwareRequest): HardwareRequest {
  const { profile, accelerator, accelerators, cpu, memory, shmSize } = value;
  return {
    ...(profile !== undefined ? { profile } : {}),
    ...(accelerator !== undefined ? { accelerator } : {}),
    ...(accelerators !== undefined ? { accelerators } : {}),
    ...(cpu !== undefined ? { cpu } : {}),
    ...(memory !== undefined ? { memory } : {}),
    ...(shmSize !== undefined ? { shmSize } : {}),
  };
}

/** The accelerator of a request. */
export function requestAccelerator(request: HardwareRequest): AcceleratorSpec | undefined {
  return request.profile?.accelerator ?? request.accelerator;
}

/** Devices per pod a request resolves to. */
export function requestedDevices(request: HardwareRequest): number {
  const accelerator = requestAccelerator(request);
  if (accelerator?.resourceName === undefined) return 0;
  return request.accelerators ?? accelerator.counts.default;
}

function within(value: string | number, id: ResolvedIdentifier): "below" | "above" | undefined {
  if (!isQuantity(value) || !isQuantity(id.min)) return undefined;
  if (compareQuantities(value, id.min) < 0) return "below";
  if (id.max !== undefined && isQuantity(id.max) && compareQuantities(value, id.max) > 0) return "above";
  return undefined;
}

/** Checks the requested values against the profile (or the accelerator's counts). */
export function checkRequest(path: string, request: HardwareRequest): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const accelerator = requestAccelerator(request);
  if (request.accelerators !== undefined) {
    if (!Number.isInteger(request.accelerators) || request.accelerators < (accelerator?.resourceName === undefined ? 0 : 1)) {
      issues.push({ path: `${path}.accelerators`, value: request.accelerators, rule: "hardware/device-count", message: "an accelerator count must be a positive whole number (devices cannot be shared or split)", fix: "request 1 or more whole devices (use a MIG profile for a slice of an NVIDIA GPU)" });
      return issues;
    }
    if (accelerator?.resourceName === undefined && request.accelerators > 0) {
      issues.push({ path: `${path}.accelerators`, value: request.accelerators, rule: "hardware/no-accelerator", message: `${request.profile ? `hardware profile "${request.profile.name}"` : "this request"} has no accelerator`, fix: "use a profile with an accelerator, or drop accelerators" });
      return issues;
    }
  }
  if (request.cpu !== undefined && !isQuantity(request.cpu)) issues.push({ path: `${path}.cpu`, value: request.cpu, rule: "resources/quantity", message: "cpu is not a Kubernetes quantity", fix: 'use for example "4" or "500m"' });
  if (request.memory !== undefined && !isQuantity(request.memory)) issues.push({ path: `${path}.memory`, value: request.memory, rule: "resources/quantity", message: "memory is not a Kubernetes quantity", fix: 'use for example "32Gi"' });
  if (request.shmSize !== undefined && !isQuantity(request.shmSize)) issues.push({ path: `${path}.shmSize`, value: request.shmSize, rule: "resources/quantity", message: "shmSize is not a Kubernetes quantity", fix: 'use for example "8Gi"' });
  const profile = request.profile;
  const deviceBounds = accelerator !== undefined ? acceleratorIdentifier(accelerator) : undefined;
  const pairs: [string, string | number | undefined, string | undefined][] = [
    ["accelerators", request.accelerators, deviceBounds?.identifier],
    ["cpu", request.cpu, "cpu"],
    ["memory", request.memory, "memory"],
  ];
  for (const [field, value, resource] of pairs) {
    if (value === undefined || resource === undefined) continue;
    const id = profile?.identifiers.find((i) => i.identifier === resource);
    const bounds = id ?? (field === "accelerators" && profile === undefined ? deviceBounds : undefined);
    if (bounds === undefined) {
      if (profile !== undefined && field !== "accelerators") {
        issues.push({ path: `${path}.${field}`, value, rule: "hardware/not-offered", message: `hardware profile "${profile.name}" does not offer ${resource}`, fix: `add ${field} bounds to the profile, or set ${field} through the InferenceService's resources` });
      }
      continue;
    }
    const outside = within(value, bounds);
    if (outside !== undefined) {
      const range = bounds.max !== undefined ? `${String(bounds.min)} to ${String(bounds.max)}` : `at least ${String(bounds.min)}`;
      issues.push({
        path: `${path}.${field}`,
        value,
        rule: "hardware/out-of-bounds",
        message: `${profile ? `hardware profile "${profile.name}"` : `accelerator ${bounds.displayName}`} allows ${range} ${resource}; ${String(value)} is ${outside === "below" ? "below the minimum" : "above the maximum"}`,
        fix: outside === "below" ? `request at least ${String(bounds.min)}` : `request at most ${String(bounds.max)}, or use a profile that allows more`,
      });
    }
  }
  return issues;
}

/**
 * A request against `profile` (`profile.request(values)` in both adapters): values that are not an
 * object (or omitted) throw one ValidationError naming the profile instead of being silently dropped.
 */
export function profileRequest(profile: HardwareProfileInfo, values: unknown): HardwareRequest {
  if (values !== undefined && (values === null || typeof values !== "object" || Array.isArray(values))) {
    throwIfErrors([
      {
        where: profile.where,
        path: "request",
        value: values,
        rule: "hardware/request",
        message: `profile.request() takes { accelerators, cpu, memory, shmSize } (or nothing), got ${values === null ? "null" : Array.isArray(values) ? "an array" : typeof values}`,
        fix: "call it as profile.request({ accelerators: 2 }), or profile.request() for the profile's defaults",
      },
    ]);
  }
  return { ...(values as HardwareRequestProps | undefined), profile };
}
