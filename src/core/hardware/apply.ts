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
import { compareQuantities, formatBytes, isQuantity, parseQuantity } from "../quantity";
import { ODH } from "../keys";
import type { AcceleratorSpec } from "../../accelerators/types";
import type { HardwareRequest } from "./request";
import { acceleratorIdentifier, checkRequest, requestAccelerator, requestedDevices } from "./request";
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

/** Computes the application of `request`, or the problems that prevent it. */
export function applyHardware(path: string, request: HardwareRequest, base: HardwareBase): { application?: HardwareApplication; issues: IssueDraft[] } {
  const issues: IssueDraft[] = [...checkRequest(path, request)];
  const profile = request.profile;
  if ((profile !== undefined && !profile.valid) || issues.some((i) => i.rule === "hardware/device-count" || i.rule === "hardware/no-accelerator" || i.rule === "resources/quantity")) return { issues };
  const accelerator = requestAccelerator(request);
  const devices = requestedDevices(request);
  const user = base.resources ?? {};

  // resources
  const values: Record<string, string | number> = {};
  for (const id of profile?.identifiers ?? []) values[id.identifier] = id.default;
  const deviceResource = accelerator !== undefined ? acceleratorIdentifier(accelerator)?.identifier : undefined;
  if (deviceResource !== undefined && devices > 0 && (profile === undefined || profile.identifiers.some((i) => i.identifier === deviceResource))) {
    values[deviceResource] = devices;
  }
  if (request.cpu !== undefined) values["cpu"] = request.cpu;
  if (request.memory !== undefined) values["memory"] = request.memory;
  const requests: Record<string, string | number> = { ...user.requests };
  const limits: Record<string, string | number> = { ...user.limits };
  for (const [name, value] of Object.entries(values)) {
    const explicit = (name === "cpu" && request.cpu !== undefined) || (name === "memory" && request.memory !== undefined) || name === deviceResource;
    if (explicit && (user.requests?.[name] !== undefined || user.limits?.[name] !== undefined)) {
      issues.push({
        path: `resources`,
        value: { requests: user.requests?.[name], limits: user.limits?.[name] },
        rule: "hardware/resource-set-twice",
        message: `${name} is set both by the hardware request and in resources`,
        fix: name === deviceResource ? `set the device count once, with ${profile ? "profile.request({ accelerators })" : "Hardware.accelerator(..., { accelerators })"}` : `set ${name} in one place`,
      });
      continue;
    }
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
  if (parallel > 1 && !runtimeMounts.has(SHM_PATH) && !volumes.some((v) => v.mountPath === SHM_PATH)) {
    const memoryLimit = limits["memory"] ?? base.runtimeContainer?.resources?.limits?.["memory"];
    const size = request.shmSize ?? defaultShmSize(parallel, memoryLimit);
    volumes.push({ name: "shm", mountPath: SHM_PATH, emptyDir: { medium: "Memory", sizeLimit: size } });
    if (memoryLimit !== undefined && isQuantity(size) && isQuantity(memoryLimit) && compareQuantities(size, memoryLimit) > 0) {
      issues.push({
        path: `${path}.shmSize`,
        value: size,
        rule: "hardware/shm-above-memory",
        message: `a memory-backed /dev/shm of ${size} counts against the memory limit ${String(memoryLimit)}; the pod would be killed when it fills`,
        fix: "lower shmSize or raise the memory limit",
      });
    }
  } else if (request.shmSize !== undefined && runtimeMounts.has(SHM_PATH)) {
    issues.push({ path: `${path}.shmSize`, value: request.shmSize, rule: "hardware/shm-runtime", message: "the runtime already mounts /dev/shm, so shmSize cannot change its size", fix: "drop shmSize, or size the runtime's /dev/shm volume" });
  } else if (request.shmSize !== undefined && parallel <= 1) {
    issues.push({ path: `${path}.shmSize`, value: request.shmSize, rule: "hardware/shm-single-device", message: "/dev/shm is added only when a pod uses more than one accelerator", fix: "drop shmSize, or request more than one accelerator" });
  }
  let schedulerName = accelerator?.schedulerName;
  if (schedulerName !== undefined && base.runtimeSchedulerName !== undefined) {
    if (base.runtimeSchedulerName !== schedulerName) {
      issues.push({ path, value: schedulerName, rule: "hardware/scheduler", message: `${accelerator?.displayName ?? "the accelerator"} needs scheduler ${schedulerName}, and the runtime sets ${base.runtimeSchedulerName}`, fix: "use a runtime built for this accelerator" });
    }
    schedulerName = undefined;
  }
  return {
    issues,
    application: {
      ...(accelerator ? { accelerator } : {}),
      imageTarget: accelerator?.key ?? "cpu",
      devices,
      resources: { requests, limits },
      nodeSelector,
      tolerations,
      labels,
      annotations,
      ...(schedulerName !== undefined ? { schedulerName } : {}),
      ...(accelerator?.runtimeClassName !== undefined ? { runtimeClassName: accelerator.runtimeClassName } : {}),
      env,
      volumes,
    },
  };
}
