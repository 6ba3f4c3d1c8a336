/**
 * Renders an OpenShift AI HardwareProfile: `infrastructure.opendatahub.io/v1` from OpenShift AI 3.0,
 * `v1alpha1` on 2.x (the 2.x operator serves only `v1alpha1`, with the same spec).
 */
import type { Manifest } from "../k8s";
import { canonicalize } from "../canonical";
import { MANAGED_BY } from "../keys";
import type { HardwareProfileInfo } from "./request";

/** API group of OpenShift AI hardware profiles. */
export const HARDWARE_PROFILE_GROUP = "infrastructure.opendatahub.io";

/** API version of OpenShift AI hardware profiles from OpenShift AI 3.0. */
export const HARDWARE_PROFILE_API_VERSION = `${HARDWARE_PROFILE_GROUP}/v1`;

/** OpenShift AI annotations on hardware profiles. */
export const HWP_ANNOTATIONS = {
  displayName: "opendatahub.io/display-name",
  description: "opendatahub.io/description",
  disabled: "opendatahub.io/disabled",
  visibility: "opendatahub.io/dashboard-feature-visibility",
} as const;

/** Renders the profile object. */
export function renderHardwareProfile(info: HardwareProfileInfo, meta: { displayName: string; description?: string; disabled: boolean; visibleIn: readonly string[]; version: "v1" | "v1alpha1" }): Manifest {
  const s = info.scheduling;
  return canonicalize({
    apiVersion: `${HARDWARE_PROFILE_GROUP}/${meta.version}`,
    kind: "HardwareProfile",
    metadata: {
      name: info.name,
      ...(info.namespace !== undefined ? { namespace: info.namespace } : {}),
      labels: { [MANAGED_BY.key]: MANAGED_BY.value },
      annotations: {
        [HWP_ANNOTATIONS.displayName]: meta.displayName,
        ...(meta.description !== undefined ? { [HWP_ANNOTATIONS.description]: meta.description } : {}),
        [HWP_ANNOTATIONS.disabled]: String(meta.disabled),
        [HWP_ANNOTATIONS.visibility]: JSON.stringify(meta.visibleIn),
      },
    },
    spec: {
      identifiers: info.identifiers.map((i) => ({
        identifier: i.identifier,
        displayName: i.displayName,
        minCount: i.min,
        defaultCount: i.default,
        ...(i.max !== undefined ? { maxCount: i.max } : {}),
        ...(i.resourceType !== undefined ? { resourceType: i.resourceType } : {}),
      })),
      ...(s === undefined
        ? {}
        : s.type === "Queue"
          ? { scheduling: { type: "Queue", kueue: { localQueueName: s.localQueue, ...(s.priorityClass ? { priorityClass: s.priorityClass } : {}) } } }
          : {
              scheduling: {
                type: "Node",
                node: {
                  ...(Object.keys(s.nodeSelector).length > 0 ? { nodeSelector: { ...s.nodeSelector } } : {}),
                  ...(s.tolerations.length > 0 ? { tolerations: s.tolerations.map((t) => ({ ...t })) } : {}),
                },
              },
            }),
    },
  }) as Manifest;
}
