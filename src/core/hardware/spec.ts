/**
 * The resolved hardware profile: identifiers and scheduling with every default applied here.
 */
import type { Toleration } from "../k8s";
import type { HardwareProfileProps, ResourceBounds } from "./props";
import type { HardwareProfileInfo, ResolvedIdentifier, ResolvedScheduling } from "./request";
import { acceleratorIdentifier } from "./request";

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

/** min, default and max (when set) of `b`. */
function boundsOf(b: ResourceBounds): ResourceBounds {
  return { min: b.min, default: b.default, ...(b.max !== undefined ? { max: b.max } : {}) };
}

/** Identifiers in a fixed order: CPU, memory, accelerator, then the extra ones as given. */
export function resolveIdentifiers(props: HardwareProfileProps): ResolvedIdentifier[] {
  const out: ResolvedIdentifier[] = [];
  if (props.cpu) out.push({ identifier: "cpu", displayName: "CPU", resourceType: "CPU", ...boundsOf(props.cpu) });
  if (props.memory) out.push({ identifier: "memory", displayName: "Memory", resourceType: "Memory", ...boundsOf(props.memory) });
  const accelerator = props.accelerator !== undefined ? acceleratorIdentifier(props.accelerator) : undefined;
  if (accelerator !== undefined) out.push(accelerator);
  for (const i of props.identifiers ?? []) {
    out.push({ identifier: i.identifier, displayName: i.displayName ?? i.identifier, ...boundsOf(i), ...(i.resourceType ? { resourceType: i.resourceType } : {}) });
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
