/**
 * Whether the target can run ModelMesh: OpenShift AI before 3.0 ships it, OpenShift AI 3.0 removed it,
 * and upstream KServe needs ModelMesh Serving installed separately (declared with `target.modelMesh`).
 */
import type { Finding } from "../rules/registry";
import type { Target } from "../target/resolve";
import { describeTarget } from "../target/resolve";

/** The OpenShift AI release that removed ModelMesh. */
export const MODELMESH_REMOVED_IN = "3.0";

/** The `modelmesh/unavailable` finding when the target has no ModelMesh; `what` names the object ("a multi-model runtime"). */
export function modelMeshUnavailable(target: Target, path: string, value: unknown, what: string): Finding[] {
  if (target.openshiftAI !== undefined) {
    if (!target.openshiftAI.release.modelMesh) {
      return [
        {
          path,
          value,
          message: `${describeTarget(target)} cannot serve ${what}: OpenShift AI 3.x has no ModelMesh (multi-model serving was removed in ${MODELMESH_REMOVED_IN}) and reconciles only Standard mode`,
          fix: 'serve the model in single-model mode (ModelServing mode "single", or a single-model engine with deploymentMode "Standard"), or target OpenShift AI 2.25',
        },
      ];
    }
    if (target.modelMesh === false) {
      return [{ path, value, message: `the target says ModelMesh is off (target.modelMesh: false), so ${what} would never be reconciled`, fix: "remove target.modelMesh: false if the cluster runs the multi-model serving platform, or serve the model in single-model mode" }];
    }
    return [];
  }
  if (target.modelMesh === true) return [];
  return [
    {
      path,
      value,
      message: `${what} needs ModelMesh Serving, a separate install on upstream KServe (archived upstream), and the target does not declare it`,
      fix: 'set target.modelMesh: true (KServeTarget.set(app, { modelMesh: true })) if the cluster runs ModelMesh Serving, or serve the model in single-model mode (deploymentMode "Standard")',
    },
  ];
}
