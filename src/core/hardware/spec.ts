/**
 * The resolved hardware profile: identifiers and scheduling with every default applied here.
 */
import type { Toleration } from "../k8s";
import type { HardwareProfileProps } from "./props";
import type { HardwareProfileInfo, ResolvedIdentifier, ResolvedScheduling } from "./request";

/** Tolerations without exact duplicates (first one wins), in order. */
export function uniqueTolerations(items: readonly Toleration[]): Toleration[] {
  const seen = new Set<string>();
  const out: Toleration[] = [];
  for (const t of items) {
    const key = `${t.key ?? ""}:${t.operator ?? ""}:${t.value ?? ""}:${t.effect ?? ""}:${t.tolerationSeconds ?? ""}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ ...t });
    }
  }
  return out;
}

/** Identifiers in a fixed order: CPU, memory, accelerator, then the extra ones as given. */
export function resolveIdentifiers(props: HardwareProfileProps): ResolvedIdentifier[] {
  const out: ResolvedIdentifier[] = [];
  if (props.cpu) out.push({ identifier: "cpu", displayName: "CPU", resourceType: "CPU", min: props.cpu.min, default: props.cpu.default, ...(props.cpu.max !== undefined ? { max: props.cpu.max } : {}) });
  if (props.memory) out.push({ identifier: "memory", displayName: "Memory", resourceType: "Memory", min: props.memory.min, default: props.memory.default, ...(props.memory.max !== undefined ? { max: props.memory.max } : {}) });
  const a = props.accelerator;
  if (a?.resourceName !== undefined) {
    out.push({ identifier: a.odhIdentifier ?? a.resourceName, displayName: a.displayName, resourceType: "Accelerator", min: a.counts.min, default: a.counts.default, ...(a.counts.max !== undefined ? { max: a.counts.max } : {}) });
  }
  for (const i of props.identifiers ?? []) {
    out.push({ identifier: i.identifier, displayName: i.displayName ?? i.identifier, min: i.min, default: i.default, ...(i.max !== undefined ? { max: i.max } : {}), ...(i.resourceType ? { resourceType: i.resourceType } : {}) });
  }
  return out;
}

/** Scheduling: queue, explicit node scheduling plus the accelerator's, or the accelerator's alone. */
export function resolveScheduling(props: HardwareProfileProps): ResolvedScheduling | undefined {
  if (props.queueScheduling) {
    return { type: "Queue", localQueue: props.queueScheduling.localQueue, ...(props.queueScheduling.priorityClass ? { priorityClass: props.queueScheduling.priorityClass } : {}) };
  }
  const a = props.accelerator;
  const tolerations = uniqueTolerations([...(a?.tolerations ?? []), ...(props.nodeScheduling?.tolerations ?? [])]);
  const nodeSelector = { ...(a?.nodeSelector ?? {}), ...(props.nodeScheduling?.nodeSelector ?? {}) };
  if (props.nodeScheduling === undefined && tolerations.length === 0 && Object.keys(nodeSelector).length === 0) return undefined;
  return { type: "Node", nodeSelector, tolerations };
}

/** The handle of a valid profile. */
export function resolveProfile(props: HardwareProfileProps, name: string, namespace: string | undefined, where: string): HardwareProfileInfo {
  const scheduling = resolveScheduling(props);
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    where,
    valid: true,
    ...(props.accelerator ? { accelerator: props.accelerator } : {}),
    identifiers: resolveIdentifiers(props),
    ...(scheduling ? { scheduling } : {}),
  };
}
