/**
 * Rules of hardware: a profile's props (bounds, counts, the scheduling choice), a request against a
 * profile or an accelerator, and what applying a request to a pod would conflict with (resources set
 * twice, /dev/shm, the scheduler).
 */
import type { IssueDraft } from "../errors";
import type { Finding, Rule } from "../rules/registry";
import { defineRule, runRules } from "../rules/registry";
import { compareQuantities, isQuantity } from "../quantity";
import { quantityRule } from "../pod/rules";
import type { HardwareProfileProps } from "./props";
import type { HardwareRequest, ResolvedIdentifier } from "./request";
import { acceleratorIdentifier, requestAccelerator } from "./request";
import type { HardwareApplication, HardwareBase } from "./apply";
import { hardwareValues, shmPlan } from "./apply";
import { resolveIdentifiers } from "./spec";

// ---------------------------------------------------------------------------------------------------
// Requests

/** A hardware request, with the prop path it was given at. */
export interface HardwareRequestSubject {
  /** The prop path of the request (`hardware`, `prefill.hardware`, ...). */
  readonly path: string;
  /** The request. */
  readonly request: HardwareRequest;
}

/** A profile's props, for the rules that check both profiles and requests. */
export interface HardwareProfileSubject {
  /** The profile's props. */
  readonly profile: HardwareProfileProps;
}

/** Why a request's device count cannot be used, if it cannot. */
function countProblem(request: HardwareRequest): "count" | "no-accelerator" | undefined {
  if (request.accelerators === undefined) return undefined;
  const accelerator = requestAccelerator(request);
  if (!Number.isInteger(request.accelerators) || request.accelerators < (accelerator?.resourceName === undefined ? 0 : 1)) return "count";
  if (accelerator?.resourceName === undefined && request.accelerators > 0) return "no-accelerator";
  return undefined;
}

/** Whether a request's values can be applied to a pod at all: whole device counts on an accelerator, quantities for cpu, memory and shmSize. */
export function requestUsable(request: HardwareRequest): boolean {
  if (countProblem(request) !== undefined) return false;
  return [request.cpu, request.memory, request.shmSize].every((v) => v === undefined || isQuantity(v));
}

/** Device counts are whole numbers, in a profile's bounds and in a request. */
export const deviceCountRule = defineRule<HardwareRequestSubject | HardwareProfileSubject>({
  id: "hardware/device-count",
  severity: "error",
  on: "props",
  summary: "Accelerator counts (a profile's min, default and max, and a request's accelerators) are whole numbers of devices, at least 1 (a profile's min at least 0).",
  why: "Extended resources such as nvidia.com/gpu are whole devices that cannot be shared or split; Kubernetes refuses fractional or negative counts.",
  fix: "use whole device counts (a MIG profile for slices of an NVIDIA GPU)",
  check: (subject): Finding[] => {
    if ("request" in subject) {
      const { path, request } = subject;
      return countProblem(request) === "count" ? [{ path: `${path}.accelerators`, value: request.accelerators, message: "an accelerator count must be a positive whole number (devices cannot be shared or split)", fix: "request 1 or more whole devices (use a MIG profile for a slice of an NVIDIA GPU)" }] : [];
    }
    const a = subject.profile.accelerator;
    if (a === undefined || a.resourceName === undefined) return [];
    const { min, max } = a.counts;
    const findings: Finding[] = [];
    for (const [field, value] of [["min", min], ["default", a.counts.default], ["max", max]] as const) {
      if (value !== undefined && (!Number.isInteger(value) || value < (field === "min" ? 0 : 1))) {
        findings.push({ path: `accelerator.${field}`, value, message: `accelerator ${field} must be a whole number of devices${field === "min" ? "" : " (at least 1)"}` });
      }
    }
    return findings;
  },
});

/** Devices are requested only of hardware that has an accelerator. */
export const noAcceleratorRule = defineRule<HardwareRequestSubject>({
  id: "hardware/no-accelerator",
  severity: "error",
  on: "props",
  summary: "A request asks for accelerators only of a profile (or accelerator) that has one.",
  why: "Without an accelerator there is no device resource to request, so the count would be silently dropped and the model would run without devices.",
  fix: "use a profile with an accelerator, or drop accelerators",
  check: ({ path, request }) =>
    countProblem(request) === "no-accelerator" ? [{ path: `${path}.accelerators`, value: request.accelerators, message: `${request.profile ? `hardware profile "${request.profile.name}"` : "this request"} has no accelerator` }] : [],
});

/** `resources/quantity` (declared on manifests in pod/rules.ts), checked on a request's values before anything is rendered. */
const requestQuantityRule: Rule<HardwareRequestSubject> = {
  ...quantityRule,
  on: "props",
  check: ({ path, request }) => {
    if (countProblem(request) !== undefined) return [];
    const findings: Finding[] = [];
    if (request.cpu !== undefined && !isQuantity(request.cpu)) findings.push({ path: `${path}.cpu`, value: request.cpu, message: "cpu is not a Kubernetes quantity", fix: 'use for example "4" or "500m"' });
    if (request.memory !== undefined && !isQuantity(request.memory)) findings.push({ path: `${path}.memory`, value: request.memory, message: "memory is not a Kubernetes quantity", fix: 'use for example "32Gi"' });
    if (request.shmSize !== undefined && !isQuantity(request.shmSize)) findings.push({ path: `${path}.shmSize`, value: request.shmSize, message: "shmSize is not a Kubernetes quantity", fix: 'use for example "8Gi"' });
    return findings;
  },
};

/** One requested value (accelerators, cpu or memory) with the bounds it is checked against. */
export interface RequestedValueSubject extends HardwareRequestSubject {
  /** The request field. */
  readonly field: "accelerators" | "cpu" | "memory";
  /** The value asked. */
  readonly value: string | number;
  /** The resource it requests. */
  readonly resource: string;
}

/** The bounds a requested value is checked against: the profile's for that resource, or the accelerator's counts without a profile. */
function boundsOf({ request, field, resource }: RequestedValueSubject): ResolvedIdentifier | undefined {
  const accelerator = requestAccelerator(request);
  const deviceBounds = accelerator !== undefined ? acceleratorIdentifier(accelerator) : undefined;
  return request.profile?.identifiers.find((i) => i.identifier === resource) ?? (field === "accelerators" && request.profile === undefined ? deviceBounds : undefined);
}

/** A profile offers what is asked of it. */
export const notOfferedRule = defineRule<RequestedValueSubject>({
  id: "hardware/not-offered",
  severity: "error",
  on: "props",
  summary: "A request asks a profile only for cpu and memory the profile offers.",
  why: "OpenShift AI's hardware-profile webhook writes only the resources the profile lists; a value for another one would be dropped at admission (or disagree with what the profile allows).",
  fix: "add the resource's bounds to the profile, or set it through the InferenceService's resources",
  check: (subject) => {
    const { path, request, field, value, resource } = subject;
    const profile = request.profile;
    if (profile === undefined || field === "accelerators" || boundsOf(subject) !== undefined) return [];
    return [{ path: `${path}.${field}`, value, message: `hardware profile "${profile.name}" does not offer ${resource}`, fix: `add ${field} bounds to the profile, or set ${field} through the InferenceService's resources` }];
  },
});

function within(value: string | number, id: ResolvedIdentifier): "below" | "above" | undefined {
  if (!isQuantity(value) || !isQuantity(id.min)) return undefined;
  if (compareQuantities(value, id.min) < 0) return "below";
  if (id.max !== undefined && isQuantity(id.max) && compareQuantities(value, id.max) > 0) return "above";
  return undefined;
}

/** A requested value lies within the profile's (or the accelerator's) bounds. */
export const outOfBoundsRule = defineRule<RequestedValueSubject>({
  id: "hardware/out-of-bounds",
  severity: "error",
  on: "props",
  summary: "Each requested value lies within the bounds of its profile (or of its accelerator's device counts).",
  why: "OpenShift AI refuses workloads outside a hardware profile's bounds, and the bounds are what the platform team allows on those nodes.",
  fix: "request a value within the bounds, or use a profile that allows it",
  check: (subject) => {
    const bounds = boundsOf(subject);
    if (bounds === undefined) return [];
    const { path, request, field, value, resource } = subject;
    const outside = within(value, bounds);
    if (outside === undefined) return [];
    const range = bounds.max !== undefined ? `${String(bounds.min)} to ${String(bounds.max)}` : `at least ${String(bounds.min)}`;
    return [
      {
        path: `${path}.${field}`,
        value,
        message: `${request.profile ? `hardware profile "${request.profile.name}"` : `accelerator ${bounds.displayName}`} allows ${range} ${resource}; ${String(value)} is ${outside === "below" ? "below the minimum" : "above the maximum"}`,
        fix: outside === "below" ? `request at least ${String(bounds.min)}` : `request at most ${String(bounds.max)}, or use a profile that allows more`,
      },
    ];
  },
});

/** The rules on a request as a whole, in the order they run. */
export const REQUEST_RULES: readonly Rule<HardwareRequestSubject>[] = [deviceCountRule, noAcceleratorRule, requestQuantityRule];

/** The rules on each requested value, in the order they run. */
export const REQUESTED_VALUE_RULES: readonly Rule<RequestedValueSubject>[] = [notOfferedRule, outOfBoundsRule];

/** Checks the requested values against the profile (or the accelerator's counts). */
export function checkRequest(path: string, request: HardwareRequest): IssueDraft[] {
  const issues = runRules(REQUEST_RULES, { path, request });
  if (countProblem(request) !== undefined) return issues;
  const accelerator = requestAccelerator(request);
  const deviceResource = accelerator !== undefined ? acceleratorIdentifier(accelerator)?.identifier : undefined;
  const pairs: ["accelerators" | "cpu" | "memory", string | number | undefined, string | undefined][] = [
    ["accelerators", request.accelerators, deviceResource],
    ["cpu", request.cpu, "cpu"],
    ["memory", request.memory, "memory"],
  ];
  for (const [field, value, resource] of pairs) {
    if (value === undefined || resource === undefined) continue;
    issues.push(...runRules(REQUESTED_VALUE_RULES, { path, request, field, value, resource }));
  }
  return issues;
}

/** What `profile.request(...)` was given. */
export interface RequestArgumentSubject {
  /** The argument. */
  readonly values: unknown;
}

/** `profile.request()` takes an object of values, or nothing. */
export const requestArgumentRule = defineRule<RequestArgumentSubject>({
  id: "hardware/request",
  severity: "error",
  on: "props",
  summary: "profile.request() is called with an object of values ({ accelerators, cpu, memory, shmSize }) or with nothing.",
  why: "Any other argument would be dropped silently and the request would fall back to the profile's defaults, which is not what the caller asked for.",
  fix: "call it as profile.request({ accelerators: 2 }), or profile.request() for the profile's defaults",
  check: ({ values }) =>
    values !== undefined && (values === null || typeof values !== "object" || Array.isArray(values))
      ? [{ path: "request", value: values, message: `profile.request() takes { accelerators, cpu, memory, shmSize } (or nothing), got ${values === null ? "null" : Array.isArray(values) ? "an array" : typeof values}` }]
      : [],
});

// ---------------------------------------------------------------------------------------------------
// Applying a request to a pod

/** A usable request, what it is applied to, and the result. */
export interface HardwareApplicationSubject extends HardwareRequestSubject {
  /** The user's own settings and the runtime's container. */
  readonly base: HardwareBase;
  /** The application the request resolves to. */
  readonly application: HardwareApplication;
}

/** A resource is set by the hardware request or in resources, not both. */
export const resourceSetTwiceRule = defineRule<HardwareApplicationSubject>({
  id: "hardware/resource-set-twice",
  severity: "error",
  on: "props",
  summary: "A resource the hardware request sets explicitly (accelerators, cpu, memory) is not also set in resources.",
  why: "Two values for one resource leave it unclear which the pod gets; the library keeps the one in resources, so the hardware request would be silently ignored.",
  fix: "set each resource in one place",
  check: ({ request, base }) => {
    const user = base.resources ?? {};
    const { values, deviceResource } = hardwareValues(request);
    const findings: Finding[] = [];
    for (const name of Object.keys(values)) {
      const explicit = (name === "cpu" && request.cpu !== undefined) || (name === "memory" && request.memory !== undefined) || name === deviceResource;
      if (explicit && (user.requests?.[name] !== undefined || user.limits?.[name] !== undefined)) {
        findings.push({
          path: `resources`,
          value: { requests: user.requests?.[name], limits: user.limits?.[name] },
          message: `${name} is set both by the hardware request and in resources`,
          fix: name === deviceResource ? `set the device count once, with ${request.profile ? "profile.request({ accelerators })" : "Hardware.accelerator(..., { accelerators })"}` : `set ${name} in one place`,
        });
      }
    }
    return findings;
  },
});

/** The memory-backed /dev/shm the library adds fits in the memory limit. */
export const shmAboveMemoryRule = defineRule<HardwareApplicationSubject>({
  id: "hardware/shm-above-memory",
  severity: "error",
  on: "props",
  summary: "The memory-backed /dev/shm added for several devices is not larger than the container's memory limit.",
  why: "A memory-backed emptyDir counts against the container's memory limit; once it fills, the kubelet kills the pod for exceeding its memory.",
  fix: "lower shmSize or raise the memory limit",
  check: ({ path, request, base, application }) => {
    const plan = shmPlan(request, base, application);
    if (!plan.added || plan.memoryLimit === undefined || !isQuantity(plan.size) || !isQuantity(plan.memoryLimit) || compareQuantities(plan.size, plan.memoryLimit) <= 0) return [];
    return [{ path: `${path}.shmSize`, value: plan.size, message: `a memory-backed /dev/shm of ${plan.size} counts against the memory limit ${String(plan.memoryLimit)}; the pod would be killed when it fills` }];
  },
});

/** shmSize cannot resize a /dev/shm the runtime mounts itself. */
export const shmRuntimeRule = defineRule<HardwareApplicationSubject>({
  id: "hardware/shm-runtime",
  severity: "error",
  on: "props",
  summary: "shmSize is not given when the runtime already mounts /dev/shm.",
  why: "The library adds no /dev/shm volume when the runtime has one, so the requested size would be silently ignored.",
  fix: "drop shmSize, or size the runtime's /dev/shm volume",
  check: ({ path, request, base, application }) => {
    const plan = shmPlan(request, base, application);
    return !plan.added && request.shmSize !== undefined && plan.runtimeMounts ? [{ path: `${path}.shmSize`, value: request.shmSize, message: "the runtime already mounts /dev/shm, so shmSize cannot change its size" }] : [];
  },
});

/** shmSize needs more than one device per pod. */
export const shmSingleDeviceRule = defineRule<HardwareApplicationSubject>({
  id: "hardware/shm-single-device",
  severity: "error",
  on: "props",
  summary: "shmSize is given only when a pod uses more than one accelerator (or tensor parallelism).",
  why: "The library adds a memory-backed /dev/shm only for multi-device pods, so for one device the size would be silently ignored.",
  fix: "drop shmSize, or request more than one accelerator",
  check: ({ path, request, base, application }) => {
    const plan = shmPlan(request, base, application);
    return !plan.added && request.shmSize !== undefined && !plan.runtimeMounts && plan.parallel <= 1 ? [{ path: `${path}.shmSize`, value: request.shmSize, message: "/dev/shm is added only when a pod uses more than one accelerator" }] : [];
  },
});

/** An accelerator that needs its own scheduler runs on a runtime that does not set another one. */
export const schedulerRule = defineRule<HardwareApplicationSubject>({
  id: "hardware/scheduler",
  severity: "error",
  on: "props",
  summary: "When an accelerator needs its own scheduler, the runtime does not set a different one.",
  why: "A pod has one schedulerName; the runtime's would win, and the devices of an accelerator that needs its own scheduler would never be assigned.",
  fix: "use a runtime built for this accelerator",
  check: ({ path, request, base }) => {
    const accelerator = requestAccelerator(request);
    const schedulerName = accelerator?.schedulerName;
    if (schedulerName === undefined || base.runtimeSchedulerName === undefined || base.runtimeSchedulerName === schedulerName) return [];
    return [{ path, value: schedulerName, message: `${accelerator?.displayName ?? "the accelerator"} needs scheduler ${schedulerName}, and the runtime sets ${base.runtimeSchedulerName}` }];
  },
});

/** The rules on applying a request to a pod, in the order they run. */
export const APPLICATION_RULES: readonly Rule<HardwareApplicationSubject>[] = [resourceSetTwiceRule, shmAboveMemoryRule, shmRuntimeRule, shmSingleDeviceRule, schedulerRule];

// ---------------------------------------------------------------------------------------------------
// Profiles

/** A profile schedules onto nodes or through a queue. */
export const oneSchedulingRule = defineRule<HardwareProfileSubject>({
  id: "hardware/one-scheduling",
  severity: "error",
  on: "props",
  summary: "A hardware profile has nodeScheduling or queueScheduling, not both.",
  why: "OpenShift AI rejects a hardware profile with both kinds of scheduling.",
  fix: "keep nodeScheduling or queueScheduling; with Kueue, put node placement in the queue's ResourceFlavor",
  check: ({ profile }) =>
    profile.nodeScheduling !== undefined && profile.queueScheduling !== undefined
      ? [{ path: "queueScheduling", value: profile.queueScheduling, message: "a hardware profile schedules either onto nodes or through a Kueue queue, not both (OpenShift AI rejects both)" }]
      : [],
});

/** One resource a profile offers, with the others before it. */
export interface ProfileIdentifierSubject extends HardwareProfileSubject {
  /** The resource offered. */
  readonly id: ResolvedIdentifier;
  /** The resources listed before it. */
  readonly earlier: readonly ResolvedIdentifier[];
}

/** The prop path of a profile's resource. */
function identifierPath({ profile, id }: ProfileIdentifierSubject): string {
  return id.identifier === "cpu" ? "cpu" : id.identifier === "memory" ? "memory" : id.resourceType === "Accelerator" && profile.accelerator !== undefined ? "accelerator" : `identifiers[${id.identifier}]`;
}

/** Each resource once. */
export const duplicateIdentifierRule = defineRule<ProfileIdentifierSubject>({
  id: "hardware/duplicate-identifier",
  severity: "error",
  on: "props",
  summary: "A hardware profile offers each resource once.",
  why: "OpenShift AI keys a profile's resources by identifier; a second entry for one resource makes its bounds ambiguous.",
  fix: "offer each resource once",
  check: (subject) => (subject.earlier.some((e) => e.identifier === subject.id.identifier) ? [{ path: identifierPath(subject), value: subject.id.identifier, message: `${subject.id.identifier} is offered twice` }] : []),
});

/** The bounds of a profile's resource, as quantities. */
function boundValues(id: ResolvedIdentifier): (string | number)[] {
  return [id.min, id.default, ...(id.max !== undefined ? [id.max] : [])];
}

/** `resources/quantity` (declared on manifests in pod/rules.ts), checked on a profile's bounds. */
const profileQuantityRule: Rule<ProfileIdentifierSubject> = {
  ...quantityRule,
  on: "props",
  check: (subject) => {
    const bad = boundValues(subject.id).find((v) => !isQuantity(v));
    return bad === undefined ? [] : [{ path: identifierPath(subject), value: bad, message: `${subject.id.identifier} bounds must be Kubernetes quantities`, fix: subject.id.identifier === "memory" ? 'use for example "16Gi"' : 'use for example 2 or "500m"' }];
  },
};

/** min <= default <= max. */
export const boundsOrderRule = defineRule<ProfileIdentifierSubject>({
  id: "hardware/bounds-order",
  severity: "error",
  on: "props",
  summary: "The bounds of each resource a profile offers are ordered min <= default <= max.",
  why: "OpenShift AI refuses a profile whose default lies outside its own bounds, and no request could satisfy reversed bounds.",
  fix: "order the bounds min <= default <= max",
  check: (subject) => {
    const { id } = subject;
    if (!boundValues(id).every((v) => isQuantity(v))) return [];
    if (compareQuantities(id.min, id.default) <= 0 && (id.max === undefined || compareQuantities(id.default, id.max) <= 0)) return [];
    return [{ path: identifierPath(subject), value: { min: id.min, default: id.default, max: id.max }, message: `${id.identifier}: min ${String(id.min)} <= default ${String(id.default)} <= max ${String(id.max ?? "(none)")} does not hold` }];
  },
});

/** The rules on a profile as a whole, in the order they run. */
export const PROFILE_RULES: readonly Rule<HardwareProfileSubject>[] = [oneSchedulingRule, deviceCountRule];

/** The rules on each resource a profile offers, in the order they run. */
export const PROFILE_IDENTIFIER_RULES: readonly Rule<ProfileIdentifierSubject>[] = [duplicateIdentifierRule, profileQuantityRule, boundsOrderRule];

/** Checks bounds, counts and the scheduling choice of a profile's props. */
export function checkProfileProps(props: HardwareProfileProps): IssueDraft[] {
  const issues = runRules(PROFILE_RULES, { profile: props });
  const ids = resolveIdentifiers(props);
  ids.forEach((id, i) => issues.push(...runRules(PROFILE_IDENTIFIER_RULES, { profile: props, id, earlier: ids.slice(0, i) })));
  return issues;
}
