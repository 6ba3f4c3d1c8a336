/**
 * Renders the multi-model parts of a runtime: the ModelMesh spec fields, the custom adapter container and
 * the runtime annotations ModelMesh (and OpenShift AI 2.x) read.
 */
import type { Container } from "../k8s";
import { renderEnv } from "../pod/env";
import { renderResources } from "../pod/resources";
import { renderSecurityContext } from "../pod/security";
import type { SecurityProps } from "../pod/security";
import { compact } from "../canonical";
import type { MultiModelSpec } from "./spec";
import { ODH_MODELMESH_KEYS, RUNTIME_SCALING_KEYS } from "./constants";

/** The ServingRuntime spec fields of a multi-model runtime. */
export function renderMultiModelFields(spec: MultiModelSpec): Record<string, unknown> {
  const adapter = spec.builtInAdapter;
  return {
    multiModel: true,
    grpcEndpoint: spec.grpcEndpoint,
    grpcDataEndpoint: spec.grpcDataEndpoint,
    httpDataEndpoint: spec.httpDataEndpoint,
    replicas: spec.replicas,
    storageHelper: spec.storageHelper ? undefined : { disabled: true },
    builtInAdapter:
      adapter === undefined
        ? undefined
        : {
            serverType: adapter.serverType,
            runtimeManagementPort: adapter.runtimeManagementPort,
            memBufferBytes: adapter.memBufferBytes,
            modelLoadingTimeoutMillis: adapter.modelLoadingTimeoutMillis,
            env: renderEnv(adapter.env),
          },
  };
}

/** The custom adapter container, if any (secured like the server container). */
export function renderAdapterContainers(spec: MultiModelSpec, security: SecurityProps | undefined): Container[] {
  const c = spec.adapterContainer;
  if (c === undefined) return [];
  return [
    {
      name: c.name,
      image: c.image,
      ...(c.command !== undefined ? { command: [...c.command] } : {}),
      ...(c.args !== undefined && c.args.length > 0 ? { args: [...c.args] } : {}),
      env: renderEnv(c.env),
      resources: renderResources(c.resources),
      securityContext: renderSecurityContext(security),
    },
  ];
}

/** Runtime metadata annotations: HPA settings, and the OpenShift AI 2.x route and auth switches. */
export function multiModelAnnotations(spec: MultiModelSpec, openshiftAI: boolean): Record<string, string> {
  const a = spec.scaling;
  return (
    compact({
      ...(a !== undefined
        ? {
            [RUNTIME_SCALING_KEYS.autoscalerClass]: "hpa",
            [RUNTIME_SCALING_KEYS.minScale]: String(a.min),
            [RUNTIME_SCALING_KEYS.maxScale]: String(a.max),
            [RUNTIME_SCALING_KEYS.metric]: a.metric,
            [RUNTIME_SCALING_KEYS.targetUtilization]: String(a.target),
          }
        : {}),
      ...(openshiftAI && spec.route ? { [ODH_MODELMESH_KEYS.enableRoute]: "true" } : {}),
      ...(openshiftAI && spec.auth ? { [ODH_MODELMESH_KEYS.enableAuth]: "true" } : {}),
    }) ?? {}
  );
}
