/**
 * What a hardware request adds to a pod: the same values OpenShift AI's hardware-profile webhook would
 * write (so the manifest does not drift after admission), plus what the accelerator itself needs.
 *
 * Resources: for every resource the profile offers, request = the requested value or the profile's
 * default, limit = request (user-set values are kept). Node scheduling: the profile's node selector wins,
 * its tolerations come first, exact duplicates are dropped. Queue scheduling: the Kueue queue label
 * (and priority class label) instead of node scheduling.
 */
import type { IssueDraft } from "../errors";
import type { Container, Toleration } from "../k8s";
import type { ResourcesProps } from "../pod/resources";
import type { VolumeProps } from "../pod/volumes";
import { formatBytes, parseQuantity } from "../quantity";
import { ODH } from "../keys";
import type { AcceleratorSpec } from "../accelerators/types";
import type { HardwareRequest } from "./request";
import { acceleratorIdentifier, requestAccelerator, requestedDevices } from "./request";
import { APPLICATION_RULES, checkRequest, requestUsable } from "./rules";
import { runRules } from "../rules/registry";
import { uniqueTolerations } from "./spec";

/** Kueue's labels on workloads. */
export const KUEUE = { queueName: "kueue.x-k8s.io/queue-name", priorityClass: "kueue.x-k8s.io/priority-class" } as const;

/** Where shared memory is mounted. */
export const SHM_PATH = "/dev/shm";

/** What a hardware request contributes to an InferenceService's predictor. */
export interface HardwareApplication {
  readonly accelerator?: AcceleratorSpec;
  /** Image target of the request (`cpu` when no accelerator). */
  readonly imageTarget: string;
  readonly devices: number;
  readonly resources: ResourcesProps;
  readonly nodeSelector: Readonly<Record<string, string>>;
  readonly tolerations: readonly Toleration[];
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly schedulerName?: string;
  readonly runtimeClassName?: string;
  readonly env: Readonly<Record<string, string>>;
  readonly volumes: readonly VolumeProps[];
}

/** What is already there: the user's own settings and the runtime's container. */
export interface HardwareBase {
  readonly resources?: ResourcesProps;
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly tolerations?: readonly Toleration[];
  readonly runtimeContainer?: Container;
  readonly runtimeSchedulerName?: string;
  readonly openshiftAI: boolean;
  /** Tensor parallel size when it is not the device count (multi-node). */
  readonly tensorParallel?: number;
}

/** The default /dev/shm size: 2Gi per device, at most half the memory limit, at least 1Gi. */
export function defaultShmSize(devices: number, memoryLimit: string | number | undefined): string {
  const gi = 1024n ** 3n;
  let bytes = 2n * gi * BigInt(Math.max(1, devices));
  const limit = memoryLimit !== undefined ? parseQuantity(memoryLimit) : undefined;
  if (limit !== undefined) {
    const half = limit.units / 10n ** BigInt(limit.scale) / 2n;
    if (half < bytes) bytes = half;
  }
  if (bytes < gi) bytes = gi;
  return formatBytes({ units: bytes, scale: 0 });
}

/** The resource values a request sets (a profile's defaults, the device count, cpu and memory), and the device resource. */
export function hardwareValues(request: HardwareRequest): { readonly values: Readonly<Record<string, string | number>>; readonly deviceResource?: string } {
  const profile = request.profile;
  const accelerator = requestAccelerator(request);
  const devices = requestedDevices(request);
  const values: Record<string, string | number> = {};
  for (const id of profile?.identifiers ?? []) values[id.identifier] = id.default;
  const deviceResource = accelerator !== undefined ? acceleratorIdentifier(accelerator)?.identifier : undefined;
  if (deviceResource !== undefined && devices > 0 && (profile === undefined || profile.identifiers.some((i) => i.identifier === deviceResource))) {
    values[deviceResource] = devices;
  }
  if (request.cpu !== undefined) values["cpu"] = request.cpu;
  if (request.memory !== undefined) values["memory"] = request.memory;
  return { values, ...(deviceResource !== undefined ? { deviceResource } : {}) };
}

/** Whether the request's value for resource `name` is one the user also set in resources (the user's value is kept then). */
function setTwice(request: HardwareRequest, user: ResourcesProps, name: string, deviceResource: string | undefined): boolean {
  const explicit = (name === "cpu" && request.cpu !== undefined) || (name === "memory" && request.memory !== undefined) || name === deviceResource;
  return explicit && (user.requests?.[name] !== undefined || user.limits?.[name] !== undefined);
}

/** The /dev/shm decision for an application: whether the library adds one, its size, and what it is weighed against. */
export function shmPlan(request: HardwareRequest, base: HardwareBase, application: HardwareApplication): { readonly added: boolean; readonly size: string; readonly memoryLimit?: string | number; readonly parallel: number; readonly runtimeMounts: boolean } {
  const runtimeMounts = (base.runtimeContainer?.volumeMounts ?? []).some((m) => m.mountPath === SHM_PATH);
  const parallel = Math.max(application.devices, base.tensorParallel ?? 0);
  const acceleratorShm = (requestAccelerator(request)?.volumes ?? []).some((v) => v.mountPath === SHM_PATH);
  const memoryLimit = application.resources.limits?.["memory"] ?? base.runtimeContainer?.resources?.limits?.["memory"];
  const size = request.shmSize ?? defaultShmSize(parallel, memoryLimit);
  return { added: parallel > 1 && !runtimeMounts && !acceleratorShm, size, ...(memoryLimit !== undefined ? { memoryLimit } : {}), parallel, runtimeMounts };
}

/**
 * What `request` adds to a pod, defaults applied and nothing reported (the rules in `./rules.ts` check
 * the same request and application). The request must be usable ({@link requestUsable}).
 */
export function resolveHardware(request: HardwareRequest, base: HardwareBase): HardwareApplication {
  const profile = request.profile;
  const accelerator = requestAccelerator(request);
  const devices = requestedDevices(request);
  const user = base.resources ?? {};

  // resources (a value the user also set in resources keeps the user's)
  const { values, deviceResource } = hardwareValues(request);
  const requests: Record<string, string | number> = { ...user.requests };
  const limits: Record<string, string | number> = { ...user.limits };
  for (const [name, value] of Object.entries(values)) {
    if (setTwice(request, user, name, deviceResource)) continue;
    if (requests[name] === undefined) requests[name] = value;
    if (limits[name] === undefined) limits[name] = requests[name] as string | number;
  }

  // scheduling
  const scheduling = profile?.scheduling ?? (accelerator && profile === undefined ? { type: "Node" as const, nodeSelector: accelerator.nodeSelector, tolerations: accelerator.tolerations } : undefined);
  let nodeSelector: Record<string, string> = { ...base.nodeSelector };
  let tolerations: Toleration[] = [...(base.tolerations ?? [])];
  const labels: Record<string, string> = {};
  if (scheduling?.type === "Queue") {
    labels[KUEUE.queueName] = scheduling.localQueue;
    if (scheduling.priorityClass !== undefined) labels[KUEUE.priorityClass] = scheduling.priorityClass;
  } else if (scheduling?.type === "Node") {
    nodeSelector = { ...nodeSelector, ...scheduling.nodeSelector };
    tolerations = uniqueTolerations([...scheduling.tolerations, ...tolerations]);
  }
  const annotations: Record<string, string> = {};
  if (profile !== undefined && base.openshiftAI) {
    annotations[ODH.hardwareProfileName] = profile.name;
    if (profile.namespace !== undefined) annotations[ODH.hardwareProfileNamespace] = profile.namespace;
  }

  // what the accelerator needs that the runtime does not have yet
  const runtimeEnv = new Set((base.runtimeContainer?.env ?? []).map((e) => e.name));
  const runtimeMounts = new Set((base.runtimeContainer?.volumeMounts ?? []).map((m) => m.mountPath));
  const parallel = Math.max(devices, base.tensorParallel ?? 0);
  const env: Record<string, string> = {};
  if (accelerator !== undefined) {
    for (const [k, v] of Object.entries({ ...accelerator.env, ...(parallel > 1 ? accelerator.multiDeviceEnv : {}) })) if (!runtimeEnv.has(k)) env[k] = v;
  }
  const volumes: VolumeProps[] = (accelerator?.volumes ?? []).filter((v) => !runtimeMounts.has(v.mountPath));
  const application: HardwareApplication = {
    ...(accelerator ? { accelerator } : {}),
    imageTarget: accelerator?.key ?? "cpu",
    devices,
    resources: { requests, limits },
    nodeSelector,
    tolerations,
    labels,
    annotations,
    // the runtime's scheduler wins (hardware/scheduler reports a different one)
    ...(accelerator?.schedulerName !== undefined && base.runtimeSchedulerName === undefined ? { schedulerName: accelerator.schedulerName } : {}),
    ...(accelerator?.runtimeClassName !== undefined ? { runtimeClassName: accelerator.runtimeClassName } : {}),
    env,
    volumes,
  };
  const shm = shmPlan(request, base, application);
  if (shm.added) volumes.push({ name: "shm", mountPath: SHM_PATH, emptyDir: { medium: "Memory", sizeLimit: shm.size } });
  return application;
}

/**
 * What `request` adds to a pod, or undefined when it cannot be applied (a profile that is not valid, or a
 * request the rules refuse: see {@link requestUsable}). Nothing is reported.
 */
export function hardwareApplication(request: HardwareRequest, base: HardwareBase): HardwareApplication | undefined {
  if ((request.profile !== undefined && !request.profile.valid) || !requestUsable(request)) return undefined;
  return resolveHardware(request, base);
}

/** The problems of `request` at `path`: the request's rules, then (when it applies) the rules on applying it. */
export function hardwareIssues(path: string, request: HardwareRequest, base: HardwareBase, application: HardwareApplication | undefined): IssueDraft[] {
  const issues: IssueDraft[] = checkRequest(path, request);
  if (application !== undefined) issues.push(...runRules(APPLICATION_RULES, { path, request, base, application }));
  return issues;
}
