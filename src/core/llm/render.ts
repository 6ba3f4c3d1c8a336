/**
 * Renders a resolved LLMInferenceService (or config) as KServe's resource, and the HTTPRoute and
 * InferencePool of user-managed routing.
 *
 * The pod templates carry only what the library decides (image, args, env, resources, volumes, scheduling):
 * the controller merges them over its well-known configs by container name (`main`) and volume name, so
 * everything else (command, ports, probes) stays KServe's.
 */
import type { Manifest } from "../k8s";
import { renderEnv } from "../pod/env";
import { renderResources } from "../pod/resources";
import { renderVolumes } from "../pod/volumes";
import { canonicalize, compact, nonEmpty } from "../canonical";
import { MANAGED_BY, ODH } from "../keys";
import type { LLMKvCacheOffloadingProps, LLMRouterPodProps, LLMScalingProps } from "./props";
import type { LLMSpec, ResolvedWorkload } from "./resolve";
import { MAIN_CONTAINER } from "./resolve";
import type { HardwareApplication } from "../hardware/apply";

/** Gateway API HTTPRoute. */
export const HTTPROUTE_API_VERSION = "gateway.networking.k8s.io/v1";
/** llm-d's InferenceObjective, as KServe bundles it. */
export const INFERENCE_OBJECTIVE_API_VERSION = "llm-d.ai/v1alpha2";
/** llm-d's InferenceModelRewrite, as KServe bundles it. */
export const INFERENCE_MODEL_REWRITE_API_VERSION = "llm-d.ai/v1alpha2";
/** Gateway API Inference Extension InferencePool. */
export const INFERENCE_POOL_API_VERSION = "inference.networking.k8s.io/v1";

/** KServe's managed DRA annotations on an LLMInferenceService (experimental, KServe 0.20 and later). */
export const DRA_ANNOTATIONS = {
  deviceClass: "serving.kserve.io/exp-dra-device-class",
  count: "serving.kserve.io/exp-dra-device-count",
  selectors: "serving.kserve.io/exp-dra-cel-selector",
  containerName: "serving.kserve.io/exp-dra-container-name",
} as const;

/** The labels KServe puts on workload pods, which an InferencePool selects (KServe's well-known scheduler config). */
export function workloadSelector(name: string): Record<string, string> {
  return { "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "llminferenceservice", "kserve.io/component": "workload" };
}

function renderScaling(s: LLMScalingProps & { readonly min: number }): Record<string, unknown> {
  const keda = (k: NonNullable<LLMScalingProps["keda"]> | NonNullable<NonNullable<LLMScalingProps["wva"]>["keda"]>): Record<string, unknown> => ({ ...k });
  return {
    minReplicas: s.min,
    maxReplicas: s.max,
    ...(s.wva !== undefined
      ? {
          wva: {
            variantCost: s.wva.variantCost,
            hpa: s.wva.hpa !== undefined ? { ...s.wva.hpa } : undefined,
            keda: s.wva.keda !== undefined ? keda(s.wva.keda) : undefined,
          },
        }
      : {}),
    ...(s.keda !== undefined ? { keda: keda(s.keda) } : {}),
  };
}

function renderKvCache(kv: LLMKvCacheOffloadingProps): Record<string, unknown> {
  return {
    cpu: kv.cpu,
    evictionPolicy: kv.evictionPolicy,
    secondary: nonEmpty(
      (kv.secondary ?? []).map((tier) => {
        if ("emptyDir" in tier) return { fileSystem: { emptyDir: { size: tier.emptyDir.size } } };
        const pvc = tier.pvc;
        if ("claimName" in pvc) return { fileSystem: { pvc: { ref: { name: pvc.claimName, path: pvc.path } } } };
        return { fileSystem: { pvc: { spec: { accessModes: [...(pvc.accessModes ?? ["ReadWriteOnce"])], resources: { requests: { storage: pvc.size } }, storageClassName: pvc.storageClassName } } } };
      }),
    ),
  };
}

/** A pod spec with the `main` container: only the fields the library sets. */
function renderPod(spec: LLMSpec, w: ResolvedWorkload, hardware: HardwareApplication | undefined, extraEnv: Readonly<Record<string, unknown>> | undefined, leader: boolean): Record<string, unknown> | undefined {
  const { volumes, mounts } = renderVolumes(hardware?.volumes ?? []);
  const userEnv = leader ? w.props.env : { ...(w.props.env ?? {}), ...((extraEnv as Record<string, string> | undefined) ?? {}) };
  const container = compact<unknown>({
    image: w.image,
    args: leader ? nonEmpty(w.props.args) : undefined,
    env: renderEnv(hardware?.env, userEnv),
    resources: renderResources(hardware?.resources ?? (leader ? w.props.resources : undefined)),
    volumeMounts: mounts,
  });
  const model = spec.model;
  const pod = compact<unknown>({
    serviceAccountName: leader ? model?.serviceAccountName : undefined,
    imagePullSecrets: leader ? nonEmpty((model?.imagePullSecrets ?? []).map((name) => ({ name }))) : undefined,
    nodeSelector: compact(hardware?.nodeSelector ?? (leader ? w.props.nodeSelector : undefined)),
    tolerations: nonEmpty((hardware?.tolerations ?? (leader ? w.props.tolerations : undefined))?.map((t) => ({ ...t }))),
    schedulerName: hardware?.schedulerName,
    runtimeClassName: hardware?.runtimeClassName,
    volumes,
  });
  if (container === undefined && pod === undefined) return undefined;
  return { ...(pod ?? {}), containers: [{ name: MAIN_CONTAINER, ...(container ?? {}) }] };
}

/** The workload fields of one workload. */
function renderWorkload(spec: LLMSpec, w: ResolvedWorkload): Record<string, unknown> {
  const p = w.props;
  const worker = typeof p.worker === "object" ? p.worker : undefined;
  return {
    replicas: w.replicas,
    scaling: w.scaling !== undefined ? renderScaling(w.scaling) : undefined,
    parallelism: w.parallelism !== undefined ? { ...w.parallelism } : undefined,
    labels: compact(p.podLabels),
    annotations: compact(p.podAnnotations),
    template: renderPod(spec, w, w.hardware, undefined, true),
    worker: w.multiNode ? (renderPod(spec, w, w.workerHardware, worker?.env, false) ?? { containers: [{ name: MAIN_CONTAINER }] }) : undefined,
    kvCacheOffloading: p.kvCacheOffloading !== undefined ? renderKvCache(p.kvCacheOffloading) : undefined,
    rolloutStrategy: p.rolloutStrategy !== undefined ? { ...p.rolloutStrategy } : undefined,
  };
}

/** A router pod (scheduler or tokenizer): the `main` container with what the props set. */
function renderRouterPod(p: LLMRouterPodProps | undefined): Record<string, unknown> | undefined {
  if (p === undefined) return undefined;
  const container = compact<unknown>({ image: p.image, args: p.args !== undefined ? [...p.args] : undefined, env: renderEnv(p.env), resources: renderResources(p.resources) });
  return {
    nodeSelector: compact(p.nodeSelector),
    tolerations: nonEmpty(p.tolerations?.map((t) => ({ ...t }))),
    containers: [{ name: MAIN_CONTAINER, ...(container ?? {}) }],
  };
}

function renderRouter(spec: LLMSpec): Record<string, unknown> | undefined {
  const r = spec.props.router;
  const u = spec.userRouting;
  if (r === undefined && u === undefined) return undefined;
  const gatewayRefs = u !== undefined ? [u.props.gateway] : r?.gateway?.refs;
  const gateway = u !== undefined || r?.gateway !== undefined ? { refs: gatewayRefs?.map((g) => ({ name: g.name, namespace: g.namespace, sectionName: g.sectionName })) } : undefined;
  const http = u !== undefined ? { refs: [{ name: u.routeName }] } : r?.route?.http !== undefined ? ("refs" in r.route.http ? { refs: r.route.http.refs.map((name) => ({ name })) } : { spec: { ...r.route.http.spec } }) : undefined;
  const route = u !== undefined || r?.route !== undefined ? { http, group: r?.route?.group, weight: r?.route?.weight } : undefined;
  const s = r?.scheduler;
  const pool = u !== undefined ? { ref: { name: u.poolName } } : s?.pool !== undefined ? ("ref" in s.pool ? { ref: { name: s.pool.ref } } : { spec: { ...s.pool.spec } }) : undefined;
  const scheduler =
    u !== undefined || s !== undefined
      ? {
          pool,
          config: s?.config !== undefined ? ("inline" in s.config ? { inline: { ...s.config.inline } } : { ref: { name: s.config.configMap.name, key: s.config.configMap.key } }) : undefined,
          replicas: s?.replicas,
          labels: compact(s?.podLabels),
          annotations: compact(s?.podAnnotations),
          template: renderRouterPod(s?.template),
          tokenizer: s?.tokenizer !== undefined ? { template: renderRouterPod(s.tokenizer.template) } : undefined,
        }
      : undefined;
  return {
    gateway,
    route,
    scheduler,
    ingress: r?.ingress !== undefined ? { refs: r.ingress.refs.map((i) => ({ name: i.name, namespace: i.namespace })) } : undefined,
  };
}

/** Renders the LLMInferenceService (or LLMInferenceServiceConfig). */
export function renderLLM(spec: LLMSpec): Manifest {
  const p = spec.props;
  const odh = spec.target.openshiftAI !== undefined;
  const service = spec.kind === "LLMInferenceService";
  const hw = spec.main.hardware;
  const labels: Record<string, string> = { [MANAGED_BY.key]: MANAGED_BY.value, ...(p.labels ?? {}), ...(hw?.labels ?? {}) };
  const annotations: Record<string, string> = { ...(p.annotations ?? {}), ...(hw?.annotations ?? {}) };
  const dra = spec.props.dra;
  if (dra !== undefined && service) {
    annotations[DRA_ANNOTATIONS.deviceClass] = dra.deviceClass;
    if (dra.count !== undefined) annotations[DRA_ANNOTATIONS.count] = String(dra.count);
    if (dra.selectors !== undefined) annotations[DRA_ANNOTATIONS.selectors] = dra.selectors.join("\n");
    if (dra.containerName !== undefined) annotations[DRA_ANNOTATIONS.containerName] = dra.containerName;
  }
  if (odh && service) {
    labels[ODH.dashboard] = "true";
    annotations[ODH.displayName] ??= spec.displayName;
    if (spec.auth !== undefined) annotations[ODH.enableAuth] = String(spec.auth);
  }
  const model = spec.model;
  const body: Record<string, unknown> = {
    ...(model !== undefined || p.servedModelName !== undefined || p.lora !== undefined || p.confidential !== undefined
      ? {
          model: {
            uri: model?.uri,
            name: p.servedModelName,
            confidential: p.confidential !== undefined ? { enabled: p.confidential.enabled ?? true, resourceId: p.confidential.resourceId } : undefined,
            lora:
              p.lora !== undefined
                ? { adapters: p.lora.adapters.map((a) => ({ name: a.name, uri: a.model.uri })), maxRank: p.lora.maxRank, maxAdapters: p.lora.maxAdapters, maxCpuAdapters: p.lora.maxCpuAdapters }
                : undefined,
          },
        }
      : {}),
    storageInitializer: p.storageInitializer !== undefined ? { enabled: p.storageInitializer } : undefined,
    ...renderWorkload(spec, spec.main),
    prefill: spec.prefill !== undefined ? renderWorkload(spec, spec.prefill) : undefined,
    router: renderRouter(spec),
    tracing: p.tracing !== undefined ? { ...p.tracing } : undefined,
    baseRefs: nonEmpty(spec.baseRefs.map((name) => ({ name }))),
  };
  return canonicalize({
    apiVersion: spec.apiVersion,
    kind: spec.kind,
    metadata: { name: spec.name, ...(spec.namespace !== undefined ? { namespace: spec.namespace } : {}), labels: compact(labels), annotations: compact(annotations) },
    spec: body,
  }) as Manifest;
}

/** The HTTPRoute and InferencePool of user-managed routing. */
export function renderUserRouting(spec: LLMSpec): Manifest[] {
  const u = spec.userRouting;
  if (u === undefined) return [];
  const ns = spec.namespace;
  const meta = (name: string): Manifest["metadata"] => ({ name, ...(ns !== undefined ? { namespace: ns } : {}), labels: { [MANAGED_BY.key]: MANAGED_BY.value } });
  const g = u.props.gateway;
  const epp = u.props.inferencePool.endpointPicker;
  const route = {
    apiVersion: HTTPROUTE_API_VERSION,
    kind: "HTTPRoute",
    metadata: meta(u.routeName),
    spec: {
      parentRefs: [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: g.name, namespace: g.namespace, sectionName: g.sectionName }],
      hostnames: nonEmpty(u.props.httpRoute?.hostnames),
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: u.pathPrefix } }],
          filters: [{ type: "URLRewrite", urlRewrite: { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/" } } }],
          backendRefs: [{ group: "inference.networking.k8s.io", kind: "InferencePool", name: u.poolName, port: 8000, weight: 1 }],
          timeouts: { request: u.props.httpRoute?.timeout ?? "0s", backendRequest: u.props.httpRoute?.timeout ?? "0s" },
        },
      ],
    },
  };
  const pool = {
    apiVersion: INFERENCE_POOL_API_VERSION,
    kind: "InferencePool",
    metadata: meta(u.poolName),
    spec: {
      selector: { matchLabels: workloadSelector(spec.name) },
      targetPorts: [{ number: 8000 }],
      endpointPickerRef: { kind: "Service", name: epp.service, port: { number: epp.port ?? 9002 }, failureMode: epp.failureMode ?? "FailOpen" },
    },
  };
  const o = u.props.inferenceObjective;
  const objective =
    o !== undefined
      ? [canonicalize({ apiVersion: INFERENCE_OBJECTIVE_API_VERSION, kind: "InferenceObjective", metadata: meta(o.name ?? `${spec.name}-objective`), spec: { poolRef: { group: "inference.networking.k8s.io", kind: "InferencePool", name: u.poolName }, priority: o.priority } }) as Manifest]
      : [];
  const rw = u.props.modelRewrite;
  const rewrite =
    rw !== undefined
      ? [
          canonicalize({
            apiVersion: INFERENCE_MODEL_REWRITE_API_VERSION,
            kind: "InferenceModelRewrite",
            metadata: meta(rw.name ?? `${spec.name}-rewrite`),
            spec: {
              poolRef: { group: "inference.networking.k8s.io", kind: "InferencePool", name: u.poolName },
              rules: rw.rules.map((r) => ({ matches: nonEmpty(r.models?.map((value) => ({ model: { type: "Exact", value } }))), targets: r.targets.map((t) => ({ modelRewrite: t.model, weight: t.weight })) })),
            },
          }) as Manifest,
        ]
      : [];
  return [canonicalize(route) as Manifest, canonicalize(pool) as Manifest, ...objective, ...rewrite];
}
