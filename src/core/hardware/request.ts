/**
 * Hardware requests: what an InferenceService (or engine) asks for, from a profile or directly from an
 * accelerator, and the checks against the profile's bounds.
 */
import { locate, throwIfErrors } from "../errors";
import { runRules } from "../rules/registry";
import { requestArgumentRule } from "./rules";
import type { Toleration } from "../k8s";
import type { AcceleratorSpec } from "../accelerators/types";
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

/**
 * A request against `profile` (`profile.request(values)` in both adapters): values that are not an
 * object (or omitted) throw one ValidationError naming the profile instead of being silently dropped.
 */
export function profileRequest(profile: HardwareProfileInfo, values: unknown): HardwareRequest {
  throwIfErrors(locate(profile.where, runRules([requestArgumentRule], { values })));
  return { ...(values as HardwareRequestProps | undefined), profile };
}
