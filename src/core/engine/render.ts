/**
 * Renders an engine spec as a ServingRuntime / ClusterServingRuntime.
 */
import { supports } from "../target/resolve";
import type { Container, ContainerPort, Manifest } from "../k8s";
import type { EngineSpec } from "./spec";
import { impliedPaths, isGrpc, kserveProtocols, odhApiProtocol } from "./protocols";
import { renderParameter } from "./parameters";
import { renderEnv, substituteEnv } from "../pod/env";
import type { EnvValue } from "../pod/env";
import { renderProbe } from "../pod/probes";
import type { ProbeSettings } from "../pod/probes";
import { renderResources } from "../pod/resources";
import { renderSecurityContext } from "../pod/security";
import { renderVolumes } from "../pod/volumes";
import { substitutePlaceholders } from "../templates";
import { canonicalize, compact, nonEmpty } from "../canonical";
import { MANAGED_BY, KSERVE, ODH } from "../keys";
import { KSERVE_CONTAINER, WORKER_CONTAINER } from "../runtime/rules";
import { multiModelAnnotations, renderAdapterContainers, renderMultiModelFields } from "../modelmesh/render";
import type { VolumeProps } from "../pod/volumes";

/** Runtime annotation choosing the multi-node executor (KServe 0.18+). */
export const MULTINODE_EXECUTOR_BACKEND = "multinode/executor-backend";

/** The API version of ServingRuntime and ClusterServingRuntime. */
export const RUNTIME_API_VERSION = "serving.kserve.io/v1alpha1";

/** Env head and workers share: the accelerator's and the hardware's, then the engine's own. */
function sharedEnv(spec: EngineSpec): Record<string, EnvValue> {
  return { ...(spec.accelerator?.env ?? {}), ...(spec.hardware?.env ?? {}), ...spec.env };
}

/** Env of the runtime container: the accelerator's, the engine's, the default version's, parameter defaults. */
export function runtimeEnv(spec: EngineSpec): Record<string, EnvValue> {
  const env: Record<string, EnvValue> = { ...sharedEnv(spec), ...(spec.versions[spec.defaultVersion]?.env ?? {}) };
  for (const [name, p] of Object.entries(spec.parameters)) {
    if (p.default !== undefined) {
      const { text } = renderParameter(p, p.default);
      if (text !== undefined) env[name] = text;
    }
  }
  return env;
}

function probe(kind: "readiness" | "liveness" | "startup", settings: ProbeSettings | undefined, spec: EngineSpec): Container["readinessProbe"] {
  if (settings === undefined) return undefined;
  const implied = impliedPaths(spec.protocols);
  const path = settings.path ?? (kind === "liveness" ? implied.liveness : implied.readiness);
  return renderProbe(kind, settings, path === undefined ? undefined : substitutePlaceholders(path, { port: spec.port }), spec.port);
}

/** The engine's volumes: its own, then the accelerator's and the hardware's that mount elsewhere. */
export function engineVolumes(spec: EngineSpec): VolumeProps[] {
  const out: VolumeProps[] = [...spec.volumes];
  for (const v of [...(spec.accelerator?.volumes ?? []), ...(spec.hardware?.volumes ?? [])]) {
    if (!out.some((o) => o.mountPath === v.mountPath || o.name === v.name)) out.push(v);
  }
  return out;
}

/** The engine's main container. */
export function renderEngineContainer(spec: EngineSpec): Container {
  const sub = (s: string): string => substitutePlaceholders(s, { port: spec.port });
  const image = spec.versions[spec.defaultVersion]?.image[spec.runtimeImage] as string;
  const { mounts } = renderVolumes(engineVolumes(spec));
  const onlyGrpc = spec.protocols.every(isGrpc);
  const ports: ContainerPort[] = [{ containerPort: spec.port, ...(onlyGrpc ? { name: "h2c" } : {}), protocol: "TCP" }];
  if (spec.grpcPort !== undefined) ports.push({ containerPort: spec.grpcPort, name: "grpc-port", protocol: "TCP" });
  return {
    name: spec.multiModel?.containerName ?? KSERVE_CONTAINER,
    image,
    ...(spec.command !== undefined ? { command: spec.command.map(sub) } : {}),
    ...(spec.args.length > 0 ? { args: spec.args.map(sub) } : {}),
    env: renderEnv(substituteEnv(runtimeEnv(spec), spec.port)),
    ports: spec.multiModel === undefined ? ports : undefined,
    readinessProbe: probe("readiness", spec.readiness, spec),
    livenessProbe: probe("liveness", spec.liveness, spec),
    startupProbe: probe("startup", spec.startup, spec),
    resources: renderResources(spec.hardware?.resources ?? spec.resources),
    securityContext: renderSecurityContext(spec.security),
    volumeMounts: mounts,
  };
}

/** The runtime's workerSpec for a multi-node engine: one worker container like the head. */
export function renderWorkerSpec(spec: EngineSpec, head: Container, volumes: unknown[] | undefined, scheduling: Record<string, unknown>): Record<string, unknown> | undefined {
  const m = spec.multiNode;
  if (m === undefined) return undefined;
  const sub = (s: string): string => substitutePlaceholders(s, { port: spec.port });
  const command = m.command ?? spec.command;
  const args = m.args ?? spec.args;
  return {
    pipelineParallelSize: m.pipelineParallelSize,
    tensorParallelSize: m.tensorParallelSize,
    containers: [
      {
        name: WORKER_CONTAINER,
        image: head.image,
        ...(command !== undefined ? { command: command.map(sub) } : {}),
        ...(args.length > 0 ? { args: args.map(sub) } : {}),
        env: renderEnv(substituteEnv({ ...sharedEnv(spec), ...(m.env ?? {}) }, spec.port)),
        resources: head.resources,
        securityContext: head.securityContext,
        volumeMounts: head.volumeMounts,
      },
    ],
    volumes,
    ...scheduling,
  };
}

/** Renders the runtime object. */
export function renderEngine(spec: EngineSpec): Manifest {
  const odh = spec.target.openshiftAI !== undefined;
  const { volumes } = renderVolumes(engineVolumes(spec));
  const metricsAnnotations: Record<string, string> = {};
  if (spec.metrics !== undefined) {
    metricsAnnotations[KSERVE.prometheusPort] = String(spec.metrics.port);
    metricsAnnotations[KSERVE.prometheusPath] = spec.metrics.path;
    if (odh) {
      metricsAnnotations[ODH.prometheusPort] = String(spec.metrics.port);
      metricsAnnotations[ODH.prometheusPath] = spec.metrics.path;
    }
  }
  const labels: Record<string, string> = { [MANAGED_BY.key]: MANAGED_BY.value, ...spec.labels };
  const annotations: Record<string, string> = { ...(spec.multiModel !== undefined ? multiModelAnnotations(spec.multiModel, odh) : {}), ...spec.annotations };
  if (odh) {
    if (spec.openshiftAI.showInDashboard) labels[ODH.dashboard] = "true";
    annotations[ODH.displayName] ??= spec.openshiftAI.displayName;
    annotations[ODH.apiProtocol] ??= odhApiProtocol(spec.protocols);
    annotations[ODH.modelServingSupport] ??= JSON.stringify([spec.multiModel !== undefined ? "multi" : "single"]);
    annotations[ODH.modelType] ??= JSON.stringify([spec.openshiftAI.modelType]);
    annotations[ODH.runtimeVersion] ??= spec.defaultVersion;
    if (spec.recommendedAccelerators.length > 0) annotations[ODH.recommendedAccelerators] ??= JSON.stringify(spec.recommendedAccelerators);
  }
  const protocolVersions = kserveProtocols(spec.protocols);
  const head = renderEngineContainer(spec);
  const scheduling: Record<string, unknown> = {
    // before KServe 0.17 (and on the forks at that level) a ServingRuntime has no schedulerName: each
    // InferenceService of the runtime sets it instead (RuntimeInfo.engine.podSchedulerName)
    schedulerName: supports(spec.target, "runtime-scheduler-name") ? spec.accelerator?.schedulerName : undefined,
    nodeSelector: compact(spec.hardware?.nodeSelector),
    tolerations: nonEmpty(spec.hardware?.tolerations.map((t) => ({ ...t }))),
  };
  const multiNodeAnnotations: Record<string, string> = {};
  if (spec.multiNode !== undefined) {
    if (spec.multiNode.executorBackend === "mp") multiNodeAnnotations[MULTINODE_EXECUTOR_BACKEND] = "mp";
    if (spec.accelerator?.resourceName !== undefined && !spec.accelerator.kserveKnownGpu) multiNodeAnnotations[KSERVE.gpuResourceTypes] = JSON.stringify([spec.accelerator.resourceName]);
  }
  return canonicalize({
    apiVersion: RUNTIME_API_VERSION,
    kind: spec.kind,
    metadata: {
      name: spec.name,
      ...(spec.namespace !== undefined ? { namespace: spec.namespace } : {}),
      labels: compact(labels),
      annotations: compact(annotations),
    },
    spec: {
      annotations: compact({ ...metricsAnnotations, ...multiNodeAnnotations, ...spec.podAnnotations }),
      labels: compact(spec.podLabels),
      containers: [head, ...(spec.multiModel !== undefined ? renderAdapterContainers(spec.multiModel, spec.security) : [])],
      ...scheduling,
      workerSpec: renderWorkerSpec(spec, head, volumes, scheduling),
      imagePullSecrets: nonEmpty(spec.imagePullSecrets.map((name) => ({ name }))),
      multiModel: false,
      ...(spec.multiModel !== undefined ? renderMultiModelFields(spec.multiModel) : {}),
      ...(spec.modelLoadingTimeoutMillis !== undefined ? { builtInAdapter: { modelLoadingTimeoutMillis: spec.modelLoadingTimeoutMillis } } : {}),
      protocolVersions: nonEmpty(protocolVersions),
      supportedModelFormats: spec.modelFormats.map((f) => ({ ...f })),
      volumes,
    },
  }) as Manifest;
}

/** The API version of OpenShift Templates. */
export const TEMPLATE_API_VERSION = "template.openshift.io/v1";

/** The name of the dashboard Template holding runtime `name` (OpenShift AI's own: `<runtime>-template`). */
export function dashboardTemplateName(name: string): string {
  return `${name}-template`;
}

/**
 * Wraps a rendered runtime in the OpenShift `Template` the OpenShift AI dashboard lists: in the
 * applications namespace, labelled `opendatahub.io/dashboard`, with the serving support, API protocol
 * and model type annotations on the Template and the runtime's own (display name, recommended
 * accelerators, runtime version) on the object. The object carries no namespace (the dashboard puts it in
 * the project it deploys to) and the Template no parameters (nothing is substituted).
 */
export function renderDashboardTemplate(spec: EngineSpec, runtime: Manifest): Manifest {
  const { namespace: _ns, ...objectMeta } = runtime.metadata;
  const annotations = runtime.metadata.annotations ?? {};
  const labels: Record<string, string> = { [MANAGED_BY.key]: MANAGED_BY.value, ...spec.labels };
  if (spec.openshiftAI.showInDashboard) labels[ODH.dashboard] = "true";
  return canonicalize({
    apiVersion: TEMPLATE_API_VERSION,
    kind: "Template",
    metadata: {
      name: dashboardTemplateName(spec.name),
      namespace: spec.dashboard?.namespace,
      labels: compact(labels),
      annotations: compact({
        [ODH.displayName]: annotations[ODH.displayName],
        [ODH.modelServingSupport]: annotations[ODH.modelServingSupport],
        [ODH.apiProtocol]: annotations[ODH.apiProtocol],
        [ODH.modelType]: annotations[ODH.modelType],
        description: spec.openshiftAI.description,
        "openshift.io/provider-display-name": spec.openshiftAI.provider,
      }),
    },
    objects: [{ ...runtime, metadata: objectMeta }],
  }) as Manifest;
}
