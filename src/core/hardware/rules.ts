/**
 * Rules of a hardware profile's props.
 */
import type { IssueDraft } from "../errors";
import { compareQuantities, isQuantity } from "../quantity";
import type { HardwareProfileProps } from "./props";
import { resolveIdentifiers } from "./spec";

/** Checks bounds, counts and the scheduling choice. */
export function checkProfileProps(props: HardwareProfileProps): IssueDraft[] {
  const issues: IssueDraft[] = [];
  if (props.nodeScheduling !== undefined && props.queueScheduling !== undefined) {
    issues.push({
      path: "queueScheduling",
      value: props.queueScheduling,
      rule: "hardware/one-scheduling",
      message: "a hardware profile schedules either onto nodes or through a Kueue queue, not both (OpenShift AI rejects both)",
      fix: "keep nodeScheduling or queueScheduling; with Kueue, put node placement in the queue's ResourceFlavor",
    });
  }
  const a = props.accelerator;
  if (a !== undefined && a.resourceName !== undefined) {
    const { min, max } = a.counts;
    const def = a.counts.default;
    for (const [field, value] of [["min", min], ["default", def], ["max", max]] as const) {
      if (value !== undefined && (!Number.isInteger(value) || value < (field === "min" ? 0 : 1))) {
        issues.push({ path: `accelerator.${field}`, value, rule: "hardware/device-count", message: `accelerator ${field} must be a whole number of devices${field === "min" ? "" : " (at least 1)"}`, fix: "use whole device counts (a MIG profile for slices of an NVIDIA GPU)" });
      }
    }
  }
  const seen = new Set<string>();
  resolveIdentifiers(props).forEach((id) => {
    const path = id.identifier === "cpu" ? "cpu" : id.identifier === "memory" ? "memory" : id.resourceType === "Accelerator" && a !== undefined ? "accelerator" : `identifiers[${id.identifier}]`;
    if (seen.has(id.identifier)) {
      issues.push({ path, value: id.identifier, rule: "hardware/duplicate-identifier", message: `${id.identifier} is offered twice`, fix: "offer each resource once" });
    }
    seen.add(id.identifier);
    const values = [id.min, id.default, ...(id.max !== undefined ? [id.max] : [])];
    const bad = values.find((v) => !isQuantity(v));
    if (bad !== undefined) {
      issues.push({ path, value: bad, rule: "resources/quantity", message: `${id.identifier} bounds must be Kubernetes quantities`, fix: id.identifier === "memory" ? 'use for example "16Gi"' : 'use for example 2 or "500m"' });
      return;
    }
    if (compareQuantities(id.min, id.default) > 0 || (id.max !== undefined && compareQuantities(id.default, id.max) > 0)) {
      issues.push({
        path,
        value: { min: id.min, default: id.default, max: id.max },
        rule: "hardware/bounds-order",
        message: `${id.identifier}: min ${String(id.min)} <= default ${String(id.default)} <= max ${String(id.max ?? "(none)")} does not hold`,
        fix: "order the bounds min <= default <= max",
      });
    }
  });
  return issues;
}
