/**
 * The rules of LLMInferenceService and LLMInferenceServiceConfig.
 *
 * - Props rules (`on: "props"`) look at the resolved spec: parallelism arithmetic against the devices of
 *   every pod, hardware and images per accelerator, prefill/decode agreement, names, presets, routing.
 * - Manifest rules (`on: "manifest"`) look at the rendered resource, so `lint` runs them on YAML the library
 *   did not write: KServe's CRD validation rules (`x-kubernetes-validations`, reference digest 6.2), its
 *   admission webhook (6.3), and which fields and API versions the target serves.
 */
import type { Finding, ManifestRule, ManifestSubject } from "../rules/registry";
import { defineManifestRule, defineRule } from "../rules/registry";
import { getIn, isRecord } from "../canonical";
import { DNS1035_LABEL, MAX_LABEL, toDns1035 } from "../names";
import { requestedDevices } from "../hardware/request";
import { atLeast } from "../target/version";
import { describeTarget } from "../target/resolve";
import type { KnownLLMConfig, LLMSpec, ResolvedWorkload } from "./resolve";
import type { LLMFeature } from "./features";
import { LLM_GROUP, hasLLMInferenceService, llmSupports, llmUnavailable, missingLLMFeature } from "./features";
import { WELL_KNOWN_LLM_CONFIGS, openshiftAIPreset } from "./configs";
import { DRA_ANNOTATIONS } from "./render";

// ---------------------------------------------------------------------------------------------------
// helpers

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | undefined {
  return isRecord(value) ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

/** The workload specs of a manifest: `spec` and, when present, `spec.prefill`. */
function workloads(spec: Obj): { path: string; w: Obj }[] {
  const out = [{ path: "spec", w: spec }];
  const prefill = obj(spec["prefill"]);
  if (prefill !== undefined) out.push({ path: "spec.prefill", w: prefill });
  return out;
}

/** The LLMInferenceService or config spec of a manifest, if it is one. */
function llmSpecOf(subject: ManifestSubject, kinds: readonly string[] = ["LLMInferenceService", "LLMInferenceServiceConfig"]): Obj | undefined {
  const m = subject.manifest;
  if (!kinds.includes(m.kind) || !m.apiVersion.startsWith(`${LLM_GROUP}/`)) return undefined;
  return obj(m["spec"]) ?? {};
}

function manifestRule(meta: { id: string; severity?: "error" | "warning"; summary: string; why: string; fix: string; reads?: ManifestRule["reads"] }, check: (spec: Obj, subject: ManifestSubject) => Finding[], kinds?: readonly string[]) {
  return defineManifestRule({
    ...meta,
    severity: meta.severity ?? "error",
    on: "manifest",
    check: (subject) => {
      const spec = llmSpecOf(subject, kinds);
      return spec === undefined ? [] : check(spec, subject);
    },
  });
}

/** What the props rules see. */
export interface LLMRuleSubject {
  readonly spec: LLMSpec;
}

function propsRule(meta: { id: string; severity?: "error" | "warning"; summary: string; why: string; fix: string }, check: (spec: LLMSpec) => Finding[]) {
  return defineRule<LLMRuleSubject>({ ...meta, severity: meta.severity ?? "error", on: "props", check: (s) => check(s.spec) });
}

function at(w: ResolvedWorkload, field: string): string {
  return w.path === "" ? field : `${w.path}.${field}`;
}

function eachWorkload(spec: LLMSpec): ResolvedWorkload[] {
  return spec.prefill !== undefined ? [spec.main, spec.prefill] : [spec.main];
}

// ---------------------------------------------------------------------------------------------------
// CRD validation rules (x-kubernetes-validations on spec, spec.prefill and each scaling block)

/** CEL 1: replicas and scaling are mutually exclusive. */
export const replicasOrScaling = manifestRule(
  {
    id: "llm/replicas-or-scaling",
    summary: "A workload sets either replicas or scaling, not both.",
    why: "KServe's CRD rejects a workload with both (`!(has(self.replicas) && has(self.scaling))`).",
    fix: "use scaling for an autoscaled workload, replicas for a fixed one",
    reads: ["scaling"],
  },
  (spec) =>
    workloads(spec)
      .filter(({ w }) => w["replicas"] !== undefined && w["scaling"] !== undefined)
      .map(({ path, w }) => ({ path: `${path}.replicas`, value: w["replicas"], message: "replicas and scaling are mutually exclusive" })),
);

function scalingBlocks(spec: Obj): { path: string; s: Obj }[] {
  return workloads(spec).flatMap(({ path, w }) => {
    const s = obj(w["scaling"]);
    return s !== undefined ? [{ path: `${path}.scaling`, s }] : [];
  });
}

/** CEL 2 and 3: exactly one of wva and keda. */
export const scalingMode = manifestRule(
  {
    id: "llm/scaling-mode",
    summary: "A scaling block names exactly one autoscaler: wva or keda.",
    why: "KServe's CRD requires one of them (`has(self.wva) || has(self.keda)`) and rejects both.",
    fix: "set scaling.wva (the Workload Variant Autoscaler) or scaling.keda (direct KEDA), not both",
    reads: ["scaling"],
  },
  (spec) =>
    scalingBlocks(spec).flatMap(({ path, s }) => {
      const wva = s["wva"] !== undefined;
      const keda = s["keda"] !== undefined;
      if (wva && keda) return [{ path, value: { wva: s["wva"], keda: s["keda"] }, message: "scaling has both wva and keda; they are mutually exclusive" }];
      if (!wva && !keda) return [{ path, value: s, message: "scaling names no autoscaler (wva or keda)" }];
      return [];
    }),
);

/** CEL 4: direct KEDA needs triggers. */
export const kedaTriggers = manifestRule(
  {
    id: "llm/keda-triggers",
    summary: "Direct KEDA scaling has at least one trigger.",
    why: "KServe's CRD rejects `scaling.keda` without triggers (`size(self.keda.triggers) > 0`): KEDA would have nothing to scale on.",
    fix: "add a trigger, for example a prometheus query on vllm:num_requests_waiting",
    reads: ["keda"],
  },
  (spec) =>
    scalingBlocks(spec).flatMap(({ path, s }) => {
      const keda = obj(s["keda"]);
      if (keda === undefined) return [];
      const triggers = keda["triggers"];
      return Array.isArray(triggers) && triggers.length > 0 ? [] : [{ path: `${path}.keda.triggers`, value: triggers, message: "direct KEDA scaling needs at least one trigger" }];
    }),
);

/** CEL 5: minReplicas ≤ maxReplicas. */
export const scalingBounds = manifestRule(
  {
    id: "llm/scaling-bounds",
    summary: "minReplicas is at most maxReplicas.",
    why: "KServe's CRD rejects `minReplicas > maxReplicas`.",
    fix: "lower min or raise max",
    reads: ["maxReplicas"],
  },
  (spec) =>
    scalingBlocks(spec).flatMap(({ path, s }) => {
      const min = num(s["minReplicas"]);
      const max = num(s["maxReplicas"]);
      return min !== undefined && max !== undefined && min > max ? [{ path: `${path}.minReplicas`, value: min, message: `minReplicas ${min} is above maxReplicas ${max}` }] : [];
    }),
);

function kedaBlocks(spec: Obj): { path: string; keda: Obj; scaling: Obj; wva: boolean }[] {
  return scalingBlocks(spec).flatMap(({ path, s }) => {
    const out: { path: string; keda: Obj; scaling: Obj; wva: boolean }[] = [];
    const direct = obj(s["keda"]);
    if (direct !== undefined) out.push({ path: `${path}.keda`, keda: direct, scaling: s, wva: false });
    const wvaKeda = obj(obj(s["wva"])?.["keda"]);
    if (wvaKeda !== undefined) out.push({ path: `${path}.wva.keda`, keda: wvaKeda, scaling: s, wva: true });
    return out;
  });
}

/** CEL 6 and 7: idleReplicaCount needs minReplicas and stays below it. */
export const idleReplicas = manifestRule(
  {
    id: "llm/idle-replicas",
    summary: "KEDA's idleReplicaCount is set only with minReplicas, and is below it.",
    why: "KServe's CRD rejects an idleReplicaCount without minReplicas or not below it (KEDA requires idle < min).",
    fix: "set scaling.min above idleReplicaCount (for scale to zero: idleReplicaCount 0, min 1)",
    reads: ["idleReplicaCount"],
  },
  (spec) =>
    kedaBlocks(spec).flatMap(({ path, keda, scaling }) => {
      const idle = num(keda["idleReplicaCount"]);
      if (idle === undefined) return [];
      const min = num(scaling["minReplicas"]);
      if (min === undefined) return [{ path: `${path}.idleReplicaCount`, value: idle, message: "idleReplicaCount needs minReplicas" }];
      return idle < min ? [] : [{ path: `${path}.idleReplicaCount`, value: idle, message: `idleReplicaCount ${idle} must be below minReplicas ${min}` }];
    }),
);

/** CEL 8: WVA has exactly one actuator. */
export const wvaActuator = manifestRule(
  {
    id: "llm/wva-actuator",
    summary: "WVA scaling names exactly one actuator: hpa or keda.",
    why: "KServe's CRD requires one of `wva.hpa` and `wva.keda` and rejects both.",
    fix: "set wva.hpa (an HPA) or wva.keda (a KEDA ScaledObject), not both",
    reads: ["wva"],
  },
  (spec) =>
    scalingBlocks(spec).flatMap(({ path, s }) => {
      const wva = obj(s["wva"]);
      if (wva === undefined) return [];
      const hpa = wva["hpa"] !== undefined;
      const keda = wva["keda"] !== undefined;
      if (hpa && keda) return [{ path: `${path}.wva`, value: wva, message: "wva has both hpa and keda actuators" }];
      if (!hpa && !keda) return [{ path: `${path}.wva`, value: wva, message: "wva names no actuator (hpa or keda)" }];
      return [];
    }),
);

/** CEL 9 and 10: KServe owns WVA's scaling modifiers and the HPA's name. */
export const kedaAdvanced = manifestRule(
  {
    id: "llm/keda-advanced",
    summary: "KEDA's advanced settings leave the HPA name to KServe, and WVA's scaling modifiers to WVA.",
    why: "KServe's CRD rejects `advanced.horizontalPodAutoscalerConfig.name` (KServe names the HPA) and, under WVA, `advanced.scalingModifiers` (WVA computes the target).",
    fix: "remove advanced.horizontalPodAutoscalerConfig.name and, under wva, advanced.scalingModifiers",
    reads: ["advanced"],
  },
  (spec) =>
    kedaBlocks(spec).flatMap(({ path, keda, wva }) => {
      const advanced = obj(keda["advanced"]);
      if (advanced === undefined) return [];
      const out: Finding[] = [];
      const hpaName = getIn(advanced, ["horizontalPodAutoscalerConfig", "name"]);
      if (hpaName !== undefined && hpaName !== "") out.push({ path: `${path}.advanced.horizontalPodAutoscalerConfig.name`, value: hpaName, message: "KServe names the HPA itself" });
      const modifiers = obj(advanced["scalingModifiers"]);
      if (wva && modifiers !== undefined && Object.values(modifiers).some((v) => v !== undefined && v !== "")) {
        out.push({ path: `${path}.advanced.scalingModifiers`, value: modifiers, message: "WVA computes the scaling target; scalingModifiers must be empty" });
      }
      return out;
    }),
);

// ---------------------------------------------------------------------------------------------------
// admission webhook rules (llm_inference_service_validation.go)

/** Router: HTTPRoute refs xor spec; refs not with a managed gateway; inline parentRefs agree with gateway refs. */
export const routeForm = manifestRule(
  {
    id: "llm/route-form",
    summary: "The HTTPRoute is given once: refs or an inline spec; refs need gateway refs; inline parentRefs agree with gateway refs.",
    why: "KServe's webhook rejects refs together with a spec, refs with a managed gateway (`gateway: {}`), and an inline spec whose parentRefs differ from gateway.refs.",
    fix: "choose route.http.refs or route.http.spec; with refs, give gateway.refs; leave parentRefs out of an inline spec when gateway.refs is set",
    reads: ["http"],
  },
  (spec) => {
    const router = obj(spec["router"]);
    const http = obj(getIn(router, ["route", "http"]));
    if (router === undefined || http === undefined) return [];
    const out: Finding[] = [];
    const refs = Array.isArray(http["refs"]) ? (http["refs"] as unknown[]) : [];
    const inline = obj(http["spec"]);
    const gateway = obj(router["gateway"]);
    const gatewayRefs = Array.isArray(gateway?.["refs"]) ? (gateway?.["refs"] as unknown[]) : [];
    if (refs.length > 0 && inline !== undefined) out.push({ path: "spec.router.route.http", value: http, message: "route.http has both refs and an inline spec" });
    if (refs.length > 0 && gateway !== undefined && gatewayRefs.length === 0) {
      out.push({ path: "spec.router.route.http.refs", value: refs, message: "your own HTTPRoutes (refs) cannot attach to the managed gateway", fix: "set gateway.refs to the Gateway your HTTPRoutes attach to, or drop route.http.refs" });
    }
    const parents = Array.isArray(inline?.["parentRefs"]) ? (inline?.["parentRefs"] as unknown[]) : [];
    if (parents.length > 0 && gatewayRefs.length > 0) {
      const key = (r: unknown): string => `${String(obj(r)?.["namespace"] ?? "")}/${String(obj(r)?.["name"] ?? "")}/${String(obj(r)?.["sectionName"] ?? "")}`;
      const a = parents.map(key).sort();
      const b = gatewayRefs.map(key).sort();
      if (a.length !== b.length || a.some((k, i) => k !== b[i])) out.push({ path: "spec.router.route.http.spec.parentRefs", value: parents, message: "the inline route's parentRefs conflict with gateway.refs" });
    }
    return out;
  },
);

/** Router: the inline spec's parentRefs repeat gateway.refs (allowed, redundant). */
export const routeParentRefsRedundant = manifestRule(
  {
    id: "llm/route-parent-refs-redundant",
    severity: "warning",
    summary: "An inline HTTPRoute spec does not repeat gateway.refs as parentRefs.",
    why: "KServe derives parentRefs from gateway.refs and warns when both say the same.",
    fix: "drop parentRefs from the inline route spec",
    reads: ["parentRefs"],
  },
  (spec) => {
    const parents = getIn(spec, ["router", "route", "http", "spec", "parentRefs"]);
    const gatewayRefs = getIn(spec, ["router", "gateway", "refs"]);
    if (!Array.isArray(parents) || !Array.isArray(gatewayRefs) || parents.length === 0 || gatewayRefs.length === 0) return [];
    const key = (r: unknown): string => `${String(obj(r)?.["namespace"] ?? "")}/${String(obj(r)?.["name"] ?? "")}/${String(obj(r)?.["sectionName"] ?? "")}`;
    const a = parents.map(key).sort();
    const b = gatewayRefs.map(key).sort();
    return a.length === b.length && a.every((k, i) => k === b[i]) ? [{ path: "spec.router.route.http.spec.parentRefs", value: parents, message: "parentRefs repeat gateway.refs; KServe derives them" }] : [];
  },
);

/** Traffic split: group and weight together; not with ingress; not with HTTPRoute refs. */
export const trafficSplit = manifestRule(
  {
    id: "llm/traffic-split",
    summary: "route.group and route.weight are set together, and not with router.ingress or route.http.refs.",
    why: "KServe's webhook rejects a group without a weight (or the reverse), and traffic groups on ingresses or on your own HTTPRoutes (it cannot split what it does not route).",
    fix: "set both group and weight on a managed or inline route, or neither",
    reads: ["group", "weight"],
  },
  (spec) => {
    const route = obj(getIn(spec, ["router", "route"]));
    if (route === undefined) return [];
    const group = route["group"];
    const weight = route["weight"];
    if (group === undefined && weight === undefined) return [];
    const out: Finding[] = [];
    if (group === undefined) out.push({ path: "spec.router.route.group", value: undefined, message: "route.weight is set without route.group" });
    if (weight === undefined) out.push({ path: "spec.router.route.weight", value: undefined, message: "route.group is set without route.weight" });
    if (getIn(spec, ["router", "ingress"]) !== undefined) out.push({ path: "spec.router.route", value: { group, weight }, message: "traffic groups do not work with router.ingress" });
    const refs = getIn(route, ["http", "refs"]);
    if (Array.isArray(refs) && refs.length > 0) out.push({ path: "spec.router.route", value: { group, weight }, message: "traffic groups do not work with your own HTTPRoutes (route.http.refs)" });
    return out;
  },
);

/** Parallelism: worker needs data or pipeline parallelism; pipeline excludes data; data with dataLocal; sizes > 0. */
export const parallelismShape = manifestRule(
  {
    id: "llm/parallelism-shape",
    summary: "A multi-node workload has data or pipeline parallelism; pipeline and data parallelism exclude each other; data and dataLocal come together; sizes are positive.",
    why: "KServe's webhook rejects these: the LeaderWorkerSet size is data / dataLocal or pipeline, so a worker without either, or both, has no defined group size.",
    fix: "with worker, set parallelism { data, dataLocal } or { pipeline }; set data and dataLocal together",
    reads: ["parallelism", "worker"],
  },
  (spec) =>
    workloads(spec).flatMap(({ path, w }) => {
      const out: Finding[] = [];
      const p = obj(w["parallelism"]);
      const dataParallel = (num(p?.["data"]) ?? 0) > 0 || (num(p?.["dataLocal"]) ?? 0) > 0;
      const pipeline = (num(p?.["pipeline"]) ?? 0) > 0;
      if (w["worker"] !== undefined && !dataParallel && !pipeline) out.push({ path: `${path}.worker`, value: "worker", message: "a worker (multi-node) needs data or pipeline parallelism" });
      if (p === undefined) return out;
      if (pipeline && dataParallel) out.push({ path: `${path}.parallelism`, value: p, message: "pipeline and data parallelism cannot be combined" });
      if (p["data"] !== undefined && p["dataLocal"] === undefined) out.push({ path: `${path}.parallelism.dataLocal`, value: undefined, message: "dataLocal must be set when data is set" });
      if (p["dataLocal"] !== undefined && p["data"] === undefined) out.push({ path: `${path}.parallelism.data`, value: undefined, message: "data must be set when dataLocal is set" });
      for (const k of ["tensor", "pipeline", "data", "dataLocal"]) {
        const v = num(p[k]);
        if (v !== undefined && v <= 0) out.push({ path: `${path}.parallelism.${k}`, value: v, message: `${k} parallelism must be greater than 0` });
      }
      return out;
    }),
);

/** Scheduler: replicas > 0; config has exactly one of inline and ref; inline not empty; ref named. */
export const schedulerSettings = manifestRule(
  {
    id: "llm/scheduler-settings",
    summary: "Scheduler replicas are positive; its config is inline or a ConfigMap reference, not both, not empty.",
    why: "KServe's webhook rejects zero or negative scheduler replicas, a config with both or neither of inline and ref, an inline config shorter than 3 bytes and a ref without a name.",
    fix: "give scheduler.replicas of 1 or more, and scheduler.config as { inline } or { configMap: { name, key } }",
    reads: ["scheduler"],
  },
  (spec) => {
    const s = obj(getIn(spec, ["router", "scheduler"]));
    if (s === undefined) return [];
    const out: Finding[] = [];
    const replicas = num(s["replicas"]);
    if (replicas !== undefined && replicas <= 0) out.push({ path: "spec.router.scheduler.replicas", value: replicas, message: "scheduler replicas must be greater than zero" });
    const config = obj(s["config"]);
    if (config !== undefined) {
      const inline = config["inline"];
      const ref = obj(config["ref"]);
      if ((inline === undefined) === (ref === undefined)) out.push({ path: "spec.router.scheduler.config", value: config, message: "scheduler config needs exactly one of inline and ref" });
      if (inline !== undefined && JSON.stringify(inline).length < 3) out.push({ path: "spec.router.scheduler.config.inline", value: inline, message: "the inline scheduler config is empty" });
      if (ref !== undefined && (typeof ref["name"] !== "string" || ref["name"] === "")) out.push({ path: "spec.router.scheduler.config.ref.name", value: ref["name"], message: "the scheduler config's ConfigMap needs a name" });
    }
    return out;
  },
);

/** The endpoint picker plugin that calls KServe's standalone tokenizer. */
const TOKEN_PRODUCER_PLUGIN = "token-producer";

/** The scheduler's token-producer plugin has a tokenizer to call. */
export const schedulerTokenizer = manifestRule(
  {
    id: "llm/scheduler-tokenizer",
    summary: "An inline scheduler config that uses the token-producer plugin is for a target whose controller deploys the standalone tokenizer.",
    why: "The token-producer plugin sends prompts to KServe's standalone tokenizer (vLLM's render endpoint), which only controllers after KServe 0.20 and OpenShift AI 3.5 deploy (for that plugin, or when router.scheduler.tokenizer is set); elsewhere the endpoint picker has nothing to call.",
    fix: "upgrade the cluster and set the target, or drop the token-producer plugin from the scheduler config",
    reads: ["plugins"],
  },
  (spec, subject) => {
    const plugins = getIn(spec, ["router", "scheduler", "config", "inline", "plugins"]);
    if (!Array.isArray(plugins) || !hasLLMInferenceService(subject.target)) return [];
    const i = plugins.findIndex((p) => obj(p)?.["type"] === TOKEN_PRODUCER_PLUGIN);
    if (i < 0) return [];
    const missing = missingLLMFeature(subject.target, "scheduler-tokenizer", "the plugin");
    return missing === undefined ? [] : [{ path: `spec.router.scheduler.config.inline.plugins[${i}]`, value: TOKEN_PRODUCER_PLUGIN, message: `the token-producer plugin calls the standalone tokenizer, and ${missing.message}` }];
  },
);

function pathSegments(value: string): string[] {
  return value.split("/").filter((s) => s !== "");
}

function isPrefixOf(prefix: readonly string[], of: readonly string[]): boolean {
  return prefix.length <= of.length && prefix.every((s, i) => of[i] === s);
}

/** An HTTPRoute spec's catch-all problems: every group of paths (by first segment) has a bare prefix rule with backends covering it. */
function catchAllFindings(route: Obj, path: string): Finding[] {
  const rules = Array.isArray(route["rules"]) ? (route["rules"] as unknown[]).map(obj).filter((r): r is Obj => r !== undefined) : [];
  if (rules.length === 0) return [];
  const bare = (m: Obj): boolean => m["headers"] === undefined && m["queryParams"] === undefined && m["method"] === undefined;
  const matchesOf = (r: Obj): Obj[] => (Array.isArray(r["matches"]) && r["matches"].length > 0 ? (r["matches"] as unknown[]).map((m) => obj(m) ?? {}) : [{}]);
  const valueOf = (m: Obj): string => String(getIn(m, ["path", "value"]) ?? "/");
  const typeOf = (m: Obj): string => String(getIn(m, ["path", "type"]) ?? "PathPrefix");
  // the paths requests are routed on without other conditions, grouped by their first segment
  const groups = new Map<string, string[][]>();
  for (const r of rules) for (const m of matchesOf(r)) if (bare(m)) {
    // an exact path stands for its parent; a regular expression for the whole route
    const type = typeOf(m);
    const segs = type === "PathPrefix" ? pathSegments(valueOf(m)) : type === "Exact" ? pathSegments(valueOf(m)).slice(0, -1) : [];
    const key = segs[0] ?? "";
    groups.set(key, [...(groups.get(key) ?? []), segs]);
  }
  // the bare prefixes of rules that have backends
  const prefixes = rules.filter((r) => Array.isArray(r["backendRefs"]) && r["backendRefs"].length > 0).flatMap((r) => matchesOf(r).filter((m) => bare(m) && typeOf(m) === "PathPrefix").map((m) => pathSegments(valueOf(m))));
  const out: Finding[] = [];
  for (const [, list] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const common = list.reduce((acc, segs) => {
      const differs = acc.findIndex((seg, i) => segs[i] !== seg);
      return differs < 0 ? acc : acc.slice(0, differs);
    });
    if (prefixes.some((p) => isPrefixOf(p, common))) continue;
    const root = `/${common.join("/")}`;
    out.push({
      path: `${path}.rules`,
      value: root,
      message: `no rule with backends catches the other requests under ${root}: the gateway answers 404 to those that match no rule (such as /v1/models or /health)`,
      fix: `add a last rule with a PathPrefix match on ${root} (or no matches) and a backendRef to the InferencePool (or the workload Service)`,
    });
  }
  return out;
}

/** HTTPRoutes of LLMInferenceServices have a catch-all rule. */
export const routeCatchAll = defineManifestRule({
  id: "llm/route-catch-all",
  severity: "warning",
  on: "manifest",
  kinds: ["LLMInferenceService", "LLMInferenceServiceConfig", "HTTPRoute"],
  reads: ["rules"],
  summary: "The HTTPRoute of an LLMInferenceService (its inline spec, or a route it names in refs) has a catch-all rule with backends for the paths its other rules route.",
  why: "Gateway API routes a request to the rule with the most specific match and answers 404 when no rule of any route matches: a route with only the inference endpoints (for example Exact /v1/chat/completions) drops /v1/models, /health and every other path clients and probes use. KServe's own route ends with catch-all rules for that reason.",
  fix: "add a last rule with a PathPrefix match on the route's root (or no matches) and a backendRef to the InferencePool (or the workload Service)",
  check: (subject) => {
    const m = subject.manifest;
    if (m.kind === "HTTPRoute") {
      const name = m.metadata.name;
      const ns = m.metadata.namespace;
      const referenced = subject.app.some((o) => {
        if (o.kind !== "LLMInferenceService" || o.metadata.namespace !== ns) return false;
        const refs = getIn(o, ["spec", "router", "route", "http", "refs"]);
        return Array.isArray(refs) && refs.some((r) => obj(r)?.["name"] === name);
      });
      const spec = obj(m["spec"]);
      return referenced && spec !== undefined ? catchAllFindings(spec, "spec") : [];
    }
    const spec = llmSpecOf(subject);
    const inline = obj(getIn(spec, ["router", "route", "http", "spec"]));
    return inline === undefined ? [] : catchAllFindings(inline, "spec.router.route.http.spec");
  },
});

function scalingModeOf(w: Obj): { mode?: "wva" | "keda"; actuator?: "hpa" | "keda" } {
  const s = obj(w["scaling"]);
  if (s === undefined) return {};
  if (s["keda"] !== undefined) return { mode: "keda" };
  const wva = obj(s["wva"]);
  if (wva === undefined) return {};
  return { mode: "wva", ...(wva["keda"] !== undefined ? { actuator: "keda" as const } : wva["hpa"] !== undefined ? { actuator: "hpa" as const } : {}) };
}

/** Decode and prefill scale the same way. */
export const scalingConsistency = manifestRule(
  {
    id: "llm/scaling-consistency",
    summary: "Decode and prefill use the same scaling mode (wva or keda) and the same WVA actuator.",
    why: "KServe's webhook rejects mixed modes: WVA balances decode and prefill as variants of one model and needs both under the same actuator.",
    fix: "scale both workloads with scaling.wva and the same actuator, or both with scaling.keda",
    reads: ["prefill"],
  },
  (spec) => {
    const prefill = obj(spec["prefill"]);
    if (prefill === undefined) return [];
    const a = scalingModeOf(spec);
    const b = scalingModeOf(prefill);
    if (a.mode === undefined || b.mode === undefined) return [];
    if (a.mode !== b.mode) return [{ path: "spec.prefill.scaling", value: b.mode, message: `decode scales with ${a.mode} and prefill with ${b.mode}` }];
    if (a.actuator !== undefined && b.actuator !== undefined && a.actuator !== b.actuator) return [{ path: "spec.prefill.scaling.wva", value: b.actuator, message: `decode's WVA actuates through ${a.actuator} and prefill's through ${b.actuator}` }];
    return [];
  },
);

/** LoRA adapters: named, not `.` or `..`, unique, not the base model's name; limits ≥ 1. */
export const loraAdapters = manifestRule(
  {
    id: "llm/lora-adapters",
    summary: "LoRA adapters have names, unique and different from the base model's; the LoRA limits are at least 1.",
    why: "KServe's webhook rejects unnamed, `.`/`..`, duplicate and base-model-named adapters (clients select a model by name, so a clash is ambiguous), and limits below 1.",
    fix: "give every adapter its own name, not the served model name",
    reads: ["lora"],
  },
  (spec, subject) => {
    const lora = obj(getIn(spec, ["model", "lora"]));
    if (lora === undefined) return [];
    const out: Finding[] = [];
    for (const k of ["maxRank", "maxAdapters", "maxCpuAdapters"]) {
      const v = num(lora[k]);
      if (v !== undefined && v < 1) out.push({ path: `spec.model.lora.${k}`, value: v, message: `${k} must be at least 1` });
    }
    const adapters = Array.isArray(lora["adapters"]) ? (lora["adapters"] as unknown[]) : [];
    const base = getIn(spec, ["model", "name"]) ?? (subject.manifest.kind === "LLMInferenceService" ? subject.manifest.metadata.name : undefined);
    const seen = new Set<string>();
    adapters.forEach((a, i) => {
      const name = obj(a)?.["name"];
      const path = `spec.model.lora.adapters[${i}].name`;
      if (typeof name !== "string" || name === "") out.push({ path, value: name, message: "a LoRA adapter needs a name" });
      else if (name === "." || name === "..") out.push({ path, value: name, message: `"${name}" is not a valid adapter name` });
      else if (seen.has(name)) out.push({ path, value: name, message: `adapter name "${name}" is used twice` });
      else if (name === base) out.push({ path, value: name, message: `adapter name "${name}" is the base model's served name` });
      if (typeof name === "string") seen.add(name);
    });
    return out;
  },
);

/** KV-cache offloading: cpu with secondary tiers; each tier one file system; a PVC tier a spec or a named ref. */
export const kvCacheTiers = manifestRule(
  {
    id: "llm/kv-cache-tiers",
    summary: "KV-cache offloading has a CPU size when it has secondary tiers; each tier is one emptyDir or one PVC (a spec or a named ref).",
    why: "KServe's webhook rejects secondary tiers without a CPU tier, tiers with zero or two file systems, and PVC tiers with both or neither of spec and ref.",
    fix: "set kvCacheOffloading.cpu, and give each secondary tier exactly one of emptyDir { size }, pvc { claimName } or pvc { size }",
    reads: ["kvCacheOffloading"],
  },
  (spec) =>
    workloads(spec).flatMap(({ path, w }) => {
      const kv = obj(w["kvCacheOffloading"]);
      if (kv === undefined) return [];
      const out: Finding[] = [];
      const tiers = Array.isArray(kv["secondary"]) ? (kv["secondary"] as unknown[]) : [];
      if (tiers.length > 0 && (kv["cpu"] === undefined || kv["cpu"] === "")) out.push({ path: `${path}.kvCacheOffloading.cpu`, value: undefined, message: "secondary tiers need the CPU tier" });
      tiers.forEach((t, i) => {
        const fs = obj(obj(t)?.["fileSystem"]);
        const p = `${path}.kvCacheOffloading.secondary[${i}].fileSystem`;
        if (fs === undefined) {
          out.push({ path: p, value: undefined, message: "a secondary tier needs a fileSystem" });
          return;
        }
        if ((fs["emptyDir"] === undefined) === (fs["pvc"] === undefined)) out.push({ path: p, value: fs, message: "a tier needs exactly one of emptyDir and pvc" });
        const pvc = obj(fs["pvc"]);
        if (pvc !== undefined) {
          if ((pvc["spec"] === undefined) === (pvc["ref"] === undefined)) out.push({ path: `${p}.pvc`, value: pvc, message: "a PVC tier needs exactly one of spec and ref" });
          const ref = obj(pvc["ref"]);
          if (ref !== undefined && (typeof ref["name"] !== "string" || ref["name"] === "")) out.push({ path: `${p}.pvc.ref.name`, value: ref["name"], message: "the PVC ref needs a name" });
        }
      });
      return out;
    }),
);

function intOrPercent(v: unknown): { value?: number; percent: boolean; bad?: string } {
  if (typeof v === "number") return v < 0 ? { percent: false, bad: "must be 0 or more" } : { value: v, percent: false };
  if (typeof v === "string") {
    const m = /^(\d+)%$/.exec(v);
    if (m === null) return { percent: true, bad: "must be a count or a percentage such as 25%" };
    const n = Number(m[1]);
    return n > 100 ? { percent: true, bad: "must not be above 100%" } : { value: n, percent: true };
  }
  return { percent: false };
}

/** Rollout strategy: counts ≥ 0 or percents ≤ 100%; not both zero; multi-node with maxUnavailable 0 needs maxSurge. */
export const rolloutStrategy = manifestRule(
  {
    id: "llm/rollout-strategy",
    summary: "Rollout bounds are counts of 0 or more or percentages up to 100%, not both zero, and a multi-node workload with maxUnavailable 0 has a maxSurge.",
    why: "KServe's webhook rejects these: with both bounds zero an update can never progress.",
    fix: "give maxSurge 1 (or 25%) when maxUnavailable is 0",
    reads: ["rolloutStrategy"],
  },
  (spec) =>
    workloads(spec).flatMap(({ path, w }) => {
      const rs = obj(w["rolloutStrategy"]);
      if (rs === undefined) return [];
      const out: Finding[] = [];
      const u = intOrPercent(rs["maxUnavailable"]);
      const s = intOrPercent(rs["maxSurge"]);
      if (u.bad !== undefined) out.push({ path: `${path}.rolloutStrategy.maxUnavailable`, value: rs["maxUnavailable"], message: `maxUnavailable ${u.bad}` });
      if (s.bad !== undefined) out.push({ path: `${path}.rolloutStrategy.maxSurge`, value: rs["maxSurge"], message: `maxSurge ${s.bad}` });
      if (u.value === 0 && s.value === 0) out.push({ path: `${path}.rolloutStrategy`, value: rs, message: "maxUnavailable and maxSurge are both zero; the rollout could never progress" });
      if (w["worker"] !== undefined && u.value === 0 && rs["maxSurge"] === undefined) out.push({ path: `${path}.rolloutStrategy.maxSurge`, value: undefined, message: "a multi-node workload with maxUnavailable 0 needs maxSurge" });
      return out;
    }),
);

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Managed DRA annotations: the device class with every other one, a DNS subdomain; a count of 1 or more; selectors; a container name that is a DNS label; on a target that has them. */
export const managedDra = manifestRule(
  {
    id: "llm/managed-dra",
    summary: "KServe's managed DRA annotations (serving.kserve.io/exp-dra-*) are valid: a device class (a DNS subdomain) whenever any of them is set, a device count of 1 or more, at least one CEL selector, a container name that is a DNS label, on a target whose controller manages DRA.",
    why: "KServe's webhook rejects the count, selector or container annotations without the device class, a device class that is not a DNS subdomain, a count that is not a whole number of at least 1, a selector annotation without an expression and a container name that is not a DNS label; controllers before KServe 0.20 (OpenShift AI 3.5) ignore the annotations, so the pods would get no devices.",
    fix: "set dra: { deviceClass, count, selectors, containerName } with a DeviceClass name such as gpu.nvidia.com, on a target that has managed DRA",
    reads: Object.values(DRA_ANNOTATIONS),
  },
  (_spec, subject) => {
    const a = subject.manifest.metadata.annotations ?? {};
    const key = (k: string): string => `metadata.annotations.${k}`;
    const has = (k: string): boolean => a[k] !== undefined;
    const { deviceClass, count, selectors, containerName } = DRA_ANNOTATIONS;
    const any = [deviceClass, count, selectors, containerName].some(has);
    if (!any) return [];
    const out: Finding[] = [];
    const missing = missingLLMFeature(subject.target, "managed-dra", "the exp-dra annotations");
    if (missing !== undefined && hasLLMInferenceService(subject.target)) out.push({ path: key(deviceClass), value: a[deviceClass], message: `${missing.message}; older controllers ignore the annotations and the pods get no devices`, fix: missing.fix });
    if (!has(deviceClass)) out.push({ path: key(deviceClass), value: undefined, message: `${deviceClass} is required when ${[count, selectors, containerName].filter(has).join(", ")} is set` });
    else {
      const v = (a[deviceClass] as string).trim();
      if (v === "") out.push({ path: key(deviceClass), value: a[deviceClass], message: "the device class is empty" });
      else if (!(DNS1123_SUBDOMAIN.test(v) && v.length <= 253)) out.push({ path: key(deviceClass), value: a[deviceClass], message: `device class "${v}" is not a DNS subdomain (lowercase letters, digits, '-' and '.')` });
    }
    if (has(count)) {
      const v = (a[count] as string).trim();
      if (v !== "" && !(/^\+?\d+$/.test(v) && Number(v) >= 1)) out.push({ path: key(count), value: a[count], message: `device count "${a[count]}" is not a whole number of at least 1` });
    }
    if (has(selectors) && (a[selectors] as string).split("\n").every((line) => line.trim() === "")) out.push({ path: key(selectors), value: a[selectors], message: "the CEL selector annotation has no expression" });
    if (has(containerName)) {
      const v = (a[containerName] as string).trim();
      if (v === "") out.push({ path: key(containerName), value: a[containerName], message: "the container name is empty" });
      else if (!(DNS1123_LABEL_RE.test(v) && v.length <= MAX_LABEL)) out.push({ path: key(containerName), value: a[containerName], message: `container name "${v}" is not a DNS label` });
    }
    return out;
  },
  ["LLMInferenceService"],
);

const KBS_RESOURCE_ID = /^kbs:\/\/\/[a-zA-Z0-9_.-]+\/[a-zA-Z0-9_.-]+\/[a-zA-Z0-9_.-]+$/;

/** A confidential model's key resource is a KBS URI. */
export const confidentialModel = manifestRule(
  {
    id: "llm/confidential",
    summary: "A confidential model's resourceId is a Key Broker Service resource, kbs:///<repository>/<type>/<tag>.",
    why: "KServe's webhook rejects any other resourceId: the pod could not fetch the key to decrypt the model.",
    fix: "give resourceId as kbs:///<repository>/<type>/<tag>, or leave it out",
    reads: ["resourceId"],
  },
  (spec) => {
    const c = obj(getIn(spec, ["model", "confidential"]));
    if (c === undefined || c["enabled"] !== true) return [];
    const id = c["resourceId"];
    return typeof id === "string" && id !== "" && !KBS_RESOURCE_ID.test(id) ? [{ path: "spec.model.confidential.resourceId", value: id, message: `"${id}" is not of the form kbs:///<repository>/<type>/<tag>` }] : [];
  },
);

/** A confidential model is downloaded by the storage initializer. */
export const confidentialStorage = manifestRule(
  {
    id: "llm/confidential-storage",
    severity: "warning",
    summary: "A confidential model is downloaded by KServe's storage initializer: not from oci:// or pvc://, and not with the storage initializer off.",
    why: "Decryption happens in the storage initializer: KServe warns that confidential has no effect with OCI URIs (the container runtime decrypts images) or PVC URIs (no initializer runs for volumes), and with the initializer disabled nothing decrypts the weights.",
    fix: "serve the encrypted model from hf://, s3:// or another downloaded location with the storage initializer on, or drop confidential",
    reads: ["confidential"],
  },
  (spec) => {
    const c = obj(getIn(spec, ["model", "confidential"]));
    if (c === undefined || c["enabled"] !== true) return [];
    const uri = getIn(spec, ["model", "uri"]);
    const out: Finding[] = [];
    if (typeof uri === "string" && (uri.startsWith("oci://") || uri.startsWith("pvc://"))) out.push({ path: "spec.model.confidential", value: uri, message: `confidential has no effect with ${uri.startsWith("oci://") ? "OCI" : "PVC"} URIs (${uri})` });
    if (getIn(spec, ["storageInitializer", "enabled"]) === false) out.push({ path: "spec.storageInitializer.enabled", value: false, message: "the storage initializer is off, so nothing decrypts the confidential model" });
    return out;
  },
);

/** LLMInferenceServiceConfig: no baseRefs. */
export const configNoBaseRefs = manifestRule(
  {
    id: "llmconfig/no-base-refs",
    summary: "An LLMInferenceServiceConfig does not reference other configs.",
    why: "KServe's webhook rejects baseRefs on configs (recursive references are disabled): only an LLMInferenceService merges configs.",
    fix: "list every config in the LLMInferenceService's baseRefs instead",
    reads: ["baseRefs"],
  },
  (spec) => {
    const refs = spec["baseRefs"];
    return refs !== undefined && !(Array.isArray(refs) && refs.length === 0) ? [{ path: "spec.baseRefs", value: refs, message: "a config cannot reference other configs" }] : [];
  },
  ["LLMInferenceServiceConfig"],
);

// ---------------------------------------------------------------------------------------------------
// target: API versions and fields per release

/** The resource exists on the target. */
export const targetVersion = manifestRule(
  {
    id: "llm/target-version",
    summary: "The target has LLMInferenceService (KServe 0.16 or later, OpenShift AI 3.0 or later).",
    why: "An older cluster has no such CRD: the apply fails.",
    fix: "serve the model with an InferenceService (a vLLM engine) on this target, or upgrade and set the target",
  },
  (_spec, subject) => {
    const missing = llmUnavailable(subject.target);
    return missing === undefined ? [] : [{ path: "apiVersion", value: missing.value, message: missing.message }];
  },
);

/** The API version is one the target serves, and v1alpha1 only where v1alpha2 is not served. */
export const apiVersion = manifestRule(
  {
    id: "llm/api-version",
    summary: "The resource uses serving.kserve.io/v1alpha2 where the target serves it, v1alpha1 only where it does not.",
    why: "Targets before KServe 0.17 (OpenShift AI 3.4) serve only v1alpha1; later ones store v1alpha2 and convert v1alpha1 (which loses v1alpha2-only fields such as kvCacheOffloading).",
    fix: "use the API version of the target",
  },
  (_spec, subject) => {
    const target = subject.target;
    if (!hasLLMInferenceService(target)) return [];
    const v = subject.manifest.apiVersion.slice(LLM_GROUP.length + 1);
    const v2 = llmSupports(target, "v1alpha2");
    if (v === "v1alpha2" && !v2) return [{ path: "apiVersion", value: subject.manifest.apiVersion, message: `${describeTarget(target)} serves only ${LLM_GROUP}/v1alpha1`, fix: `use ${LLM_GROUP}/v1alpha1 (and only its fields), or upgrade` }];
    if (v === "v1alpha1" && v2) return [{ path: "apiVersion", value: subject.manifest.apiVersion, message: `${describeTarget(target)} stores ${LLM_GROUP}/v1alpha2; v1alpha1 is converted and deprecated`, fix: `use ${LLM_GROUP}/v1alpha2` }];
    if (v !== "v1alpha1" && v !== "v1alpha2") return [{ path: "apiVersion", value: subject.manifest.apiVersion, message: `${subject.manifest.apiVersion} is not an LLMInferenceService API version` }];
    return [];
  },
);

/** The fields of a workload and the feature each needs. */
const WORKLOAD_FEATURES: readonly [string[], LLMFeature][] = [
  [["labels"], "pod-metadata"],
  [["annotations"], "pod-metadata"],
  [["scaling"], "scaling-wva"],
  [["scaling", "keda"], "scaling-keda"],
  [["kvCacheOffloading"], "kv-cache-offloading"],
  [["rolloutStrategy"], "rollout-strategy"],
];

const SPEC_FEATURES: readonly [string[], LLMFeature][] = [
  [["storageInitializer"], "storage-initializer"],
  [["tracing"], "tracing"],
  [["router", "scheduler", "config"], "scheduler-settings"],
  [["router", "scheduler", "replicas"], "scheduler-settings"],
  [["router", "scheduler", "labels"], "scheduler-settings"],
  [["router", "scheduler", "annotations"], "scheduler-settings"],
  [["router", "scheduler", "tokenizer"], "scheduler-tokenizer"],
  [["model", "confidential"], "confidential"],
];

/** Fields the target does not have. */
export const targetFeature = manifestRule(
  {
    id: "llm/target-feature",
    summary: "Every field is one the target's LLMInferenceService has.",
    why: "The target's CRD prunes or rejects fields it does not know: the setting would be lost or the apply refused (`kubectl apply --validate=strict`).",
    fix: "upgrade the cluster and set the target, or drop the field",
    reads: ["labels", "annotations", "scaling", "kvCacheOffloading", "rolloutStrategy", "storageInitializer", "tracing", "scheduler", "confidential"],
  },
  (spec, subject) => {
    const target = subject.target;
    if (!hasLLMInferenceService(target)) return [];
    const out: Finding[] = [];
    const check = (path: string, value: unknown, feature: LLMFeature): void => {
      if (value === undefined) return;
      const missing = missingLLMFeature(target, feature, path);
      if (missing !== undefined) out.push({ path, value, message: missing.message, fix: missing.fix });
    };
    for (const { path, w } of workloads(spec)) for (const [segments, feature] of WORKLOAD_FEATURES) check(`${path}.${segments.join(".")}`, getIn(w, segments), feature);
    for (const [segments, feature] of SPEC_FEATURES) check(`spec.${segments.join(".")}`, getIn(spec, segments), feature);
    return out;
  },
);

// ---------------------------------------------------------------------------------------------------
// props rules: what the library knows beyond KServe's own validation

/** The suffixes KServe appends to the name for the objects it creates (kmeta.ChildName). */
export const DERIVED_SUFFIXES = ["-kserve", "-kserve-prefill", "-kserve-mn", "-kserve-mn-prefill", "-kserve-workload-svc", "-kserve-route", "-inference-pool", "-epp-service", "-kserve-router-scheduler", "-kserve-self-signed-certs", "-kserve-prefill-hpa", "-kserve-prefill-keda", "-tokenizer", "-managed-dra"] as const;

/** The name: a DNS-1035 label (KServe names Services after it). */
export const serviceName = propsRule(
  {
    id: "llm/name",
    summary: "The LLMInferenceService name is a DNS-1035 label of at most 63 characters.",
    why: "KServe names the workload Service, the pods' `app.kubernetes.io/name` label and the InferencePool after it: a name that is not a DNS-1035 label makes those invalid.",
    fix: "use lowercase letters, digits and '-', starting with a letter",
  },
  (spec) => {
    if (spec.kind !== "LLMInferenceService" || (DNS1035_LABEL.test(spec.name) && spec.name.length <= MAX_LABEL)) return [];
    const suggestion = toDns1035(spec.name);
    return [{ path: "name", value: spec.name, message: "an LLMInferenceService name must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter, at most 63 characters", fix: `use a name such as "${suggestion}"` }];
  },
);

/** Derived names fit 63 characters (else KServe shortens them with a hash). */
export const derivedNames = propsRule(
  {
    id: "llm/derived-names",
    severity: "warning",
    summary: "The names KServe derives from the LLMInferenceService's name fit 63 characters.",
    why: "KServe derives the workload, Service, route, pool and scheduler names by appending suffixes (`-kserve-router-scheduler`, ...); past 63 characters it cuts the name and appends a hash, so the objects get names nobody can predict or grep for.",
    fix: "shorten the name",
  },
  (spec) => {
    if (spec.kind !== "LLMInferenceService") return [];
    const used: string[] = ["-kserve", "-kserve-workload-svc"];
    if (spec.prefill !== undefined) used.push(spec.prefill.multiNode ? "-kserve-mn-prefill" : "-kserve-prefill");
    if (spec.main.multiNode) used.push("-kserve-mn");
    const router = spec.props.router;
    if (router?.route !== undefined) used.push("-kserve-route");
    if (router?.scheduler !== undefined) used.push("-inference-pool", "-epp-service", "-kserve-router-scheduler");
    const longest = used.reduce((a, b) => (b.length > a.length ? b : a), "");
    const total = spec.name.length + longest.length;
    if (total <= MAX_LABEL) return [];
    return [{ path: "name", value: spec.name, message: `KServe derives "${spec.name}${longest}" (${total} characters), which it shortens with a hash`, fix: `shorten the name to at most ${MAX_LABEL - longest.length} characters` }];
  },
);

/** The model is addressed by URI. */
export const modelUri = propsRule(
  {
    id: "llm/model-uri",
    summary: "The model (and every LoRA adapter) is a location with a URI.",
    why: "LLMInferenceService reads `model.uri` only: a storage-config entry (key and path) or no storage has nothing to put there.",
    fix: "use storage.path(...) of an s3, pvc, oci or huggingFace storage, or ModelLocation.fromUri(...)",
  },
  (spec) => {
    const out: Finding[] = [];
    if (spec.kind === "LLMInferenceService" && spec.model?.uri === undefined) out.push({ path: "model", value: spec.model?.storage ?? (spec.model?.none === true ? "none" : undefined), message: "the model has no URI (a storage-config entry or ModelLocation.none() cannot be used here)" });
    (spec.props.lora?.adapters ?? []).forEach((a, i) => {
      if (a.model.uri === undefined) out.push({ path: `lora.adapters[${i}].model`, value: a.model.storage, message: `adapter "${a.name}" has no URI` });
      else if (!/^(hf|s3|pvc|oci):\/\//.test(a.model.uri)) out.push({ path: `lora.adapters[${i}].model`, value: a.model.uri, message: `adapter "${a.name}" is at ${a.model.uri}; KServe loads adapters from hf://, s3://, pvc:// or oci://`, fix: "store the adapter on the Hub, S3, a PVC or an OCI registry" });
    });
    return out;
  },
);

/** LoRA adapters read with the base model's credentials. */
export const loraCredentials = propsRule(
  {
    id: "llm/lora-credentials",
    summary: "LoRA adapters that need credentials use the base model's ServiceAccount.",
    why: "KServe downloads the model and every adapter with the credentials of one ServiceAccount (the workload pod's): an adapter behind another storage's ServiceAccount cannot be read.",
    fix: "keep the adapters in the base model's storage (or in storage without credentials, such as a PVC or a public Hub repository)",
  },
  (spec) =>
    (spec.props.lora?.adapters ?? []).flatMap((a, i) => {
      const sa = a.model.serviceAccountName;
      return sa !== undefined && sa !== spec.model?.serviceAccountName
        ? [{ path: `lora.adapters[${i}].model`, value: sa, message: `adapter "${a.name}" needs the credentials of ServiceAccount "${sa}", and the model is read with ${spec.model?.serviceAccountName !== undefined ? `"${spec.model.serviceAccountName}"` : "no ServiceAccount"}` }]
        : [];
    }),
);

/** The model's storage is in the service's namespace. */
export const storageNamespace = propsRule(
  {
    id: "llm/storage-namespace",
    summary: "The model's storage objects (ServiceAccount, claim) are in the LLMInferenceService's namespace.",
    why: "Pods can use only ServiceAccounts and claims of their own namespace.",
    fix: "define the storage in the same namespace (chart) as the LLMInferenceService",
  },
  (spec) => {
    const ns = spec.model?.namespace;
    return ns !== undefined && spec.namespace !== undefined && ns !== spec.namespace ? [{ path: "model", value: ns, message: `the storage is in namespace ${ns}, the LLMInferenceService in ${spec.namespace}` }] : [];
  },
);

/** Flags the library sets from other props must not be in args. */
const OWNED_FLAGS: Readonly<Record<string, string>> = {
  "--tensor-parallel-size": "parallelism.tensor",
  "-tp": "parallelism.tensor",
  "--pipeline-parallel-size": "parallelism.pipeline",
  "-pp": "parallelism.pipeline",
  "--data-parallel-size": "parallelism.data",
  "-dp": "parallelism.data",
  "--data-parallel-size-local": "parallelism.dataLocal",
  "--data-parallel-rpc-port": "parallelism.dataRPCPort",
  "--enable-expert-parallel": "parallelism.expert",
  "--served-model-name": "servedModelName",
  "--port": "(none: KServe's routing expects 8000)",
  "--enable-lora": "lora",
  "--lora-modules": "lora.adapters",
  "--max-lora-rank": "lora.maxRank",
  "--max-loras": "lora.maxAdapters",
  "--max-cpu-loras": "lora.maxCpuAdapters",
};

/** vLLM args do not repeat what KServe's templates pass. */
export const ownedArgs = propsRule(
  {
    id: "llm/owned-args",
    summary: "args do not set vLLM flags that KServe's templates already pass from the spec (parallelism, served name, port, LoRA).",
    why: "KServe's well-known templates pass these from the spec; given again in args, vLLM sees the flag twice and the spec no longer says what runs.",
    fix: "set the matching prop instead of the flag",
  },
  (spec) =>
    eachWorkload(spec).flatMap((w) =>
      (w.props.args ?? []).flatMap((arg, i) => {
        const flag = arg.split("=")[0] as string;
        const prop = OWNED_FLAGS[flag];
        return prop === undefined ? [] : [{ path: `${at(w, "args")}[${i}]`, value: arg, message: `${flag} is set by KServe's template from the spec`, fix: prop.startsWith("(") ? `drop ${flag} ${prop}` : `drop it and set ${prop}` }];
      }),
    ),
);

/** Devices a pod needs for the parallelism of its workload. */
export function devicesPerPod(w: ResolvedWorkload): { leader: number; worker: number; podsPerGroup: number } {
  const p = w.parallelism;
  const tensor = p?.tensor ?? 1;
  const local = p?.dataLocal ?? 1;
  const data = p?.data ?? local;
  if (w.multiNode) {
    if (p?.pipeline !== undefined) return { leader: tensor, worker: tensor, podsPerGroup: p.pipeline };
    return { leader: tensor * local, worker: tensor * local, podsPerGroup: Math.max(1, Math.floor(data / Math.max(1, local))) };
  }
  return { leader: tensor * local * (p?.pipeline ?? 1), worker: 0, podsPerGroup: 1 };
}

/** Parallelism arithmetic against the devices of each pod. */
export const parallelismDevices = propsRule(
  {
    id: "llm/parallelism-devices",
    summary: "Tensor × pipeline × data-local parallelism equals the devices each pod requests, and data is a multiple of dataLocal.",
    why: "vLLM starts one rank per device: with fewer devices it fails to start, with more the extra GPUs sit idle (and cannot be shared).",
    fix: "request as many accelerators per pod as the parallelism needs, or change the parallelism",
  },
  (spec) =>
    eachWorkload(spec).flatMap((w) => {
      const out: Finding[] = [];
      const p = w.parallelism;
      const need = devicesPerPod(w);
      const hardwareGiven = w.props.hardware !== undefined && w.draDevices === undefined;
      const dra = w.draDevices !== undefined;
      if (p?.data !== undefined && p.dataLocal !== undefined && p.dataLocal > 0 && p.data % p.dataLocal !== 0) {
        out.push({ path: at(w, "parallelism.data"), value: p.data, message: `data parallelism ${p.data} is not a multiple of dataLocal ${p.dataLocal}, so the ranks do not fill whole pods`, fix: `use data ${Math.ceil(p.data / p.dataLocal) * p.dataLocal}` });
      }
      if (w.multiNode && need.podsPerGroup < 2) {
        out.push({ path: at(w, "worker"), value: true, message: `the parallelism gives ${need.podsPerGroup} pod per LeaderWorkerSet group, so no worker would run`, fix: "drop worker, or set data above dataLocal (or pipeline above 1)" });
      }
      const layout = w.multiNode ? ` (${need.podsPerGroup} pods per group, ${need.leader} devices each)` : "";
      if (need.leader > 1 && w.devices !== need.leader && (hardwareGiven || need.leader > 1)) {
        out.push({
          path: dra ? "dra.count" : hardwareGiven ? at(w, "hardware.accelerators") : at(w, "hardware"),
          value: w.devices,
          message: `the parallelism needs ${need.leader} devices per pod${layout}; the ${w.multiNode ? "leader" : "pod"} ${dra ? "claims" : "requests"} ${w.devices}`,
          fix: dra ? `set dra.count to ${need.leader}, or change the parallelism` : hardwareGiven ? `request ${need.leader} accelerators per pod, or change the parallelism` : `set hardware to a request of ${need.leader} accelerators`,
        });
      } else if (need.leader === 1 && w.devices > 1 && p !== undefined) {
        out.push({ path: at(w, "parallelism"), value: { ...p }, message: `the pod ${dra ? "claims" : "requests"} ${w.devices} devices and the parallelism uses 1`, fix: `set parallelism.tensor to ${w.devices}, or ${dra ? "claim" : "request"} 1 ${dra ? "device" : "accelerator"}` });
      }
      if (w.multiNode && w.workerDevices !== need.worker && need.worker > 0) {
        out.push({ path: at(w, "worker.hardware"), value: w.workerDevices, message: `each worker pod must have ${need.worker} devices like the leader (every pod holds ranks of the same model); it requests ${w.workerDevices}`, fix: `request ${need.worker} accelerators for the workers, or drop worker.hardware` });
      }
      return out;
    }),
);

/** A pod cannot have more devices than a node offers. */
export const devicesPerNode = propsRule(
  {
    id: "llm/devices-per-node",
    summary: "A pod's devices fit the most a hardware profile offers per node.",
    why: "A pod runs on one node: a tensor-parallel group larger than a node never schedules.",
    fix: "split the model across nodes: worker with pipeline parallelism, or data parallelism with a smaller tensor size",
  },
  (spec) =>
    eachWorkload(spec).flatMap((w) => {
      const need = devicesPerPod(w).leader;
      const max = w.props.hardware?.profile?.identifiers.find((i) => i.resourceType === "Accelerator")?.max ?? w.props.hardware?.accelerator?.counts.max;
      if (max === undefined || typeof max !== "number" || need <= max) return [];
      return [{ path: at(w, "parallelism"), value: w.parallelism, message: `the parallelism puts ${need} devices in one pod; ${w.props.hardware?.profile !== undefined ? `hardware profile "${w.props.hardware.profile.name}"` : "the accelerator"} offers at most ${max} per node`, fix: `keep tensor × dataLocal at most ${max} and add nodes with worker (pipeline or data parallelism)` }];
    }),
);

/** Expert parallelism needs data parallelism. */
export const expertNeedsData = propsRule(
  {
    id: "llm/expert-needs-data",
    summary: "Expert parallelism is used with data parallelism.",
    why: "KServe passes `--enable-expert-parallel` only in its data-parallel templates; vLLM spreads experts over the data-parallel ranks, so without data parallelism the flag is dropped.",
    fix: "set parallelism.data and dataLocal, or drop expert",
  },
  (spec) => eachWorkload(spec).flatMap((w) => (w.parallelism?.expert === true && (w.parallelism.data ?? 0) < 1 ? [{ path: at(w, "parallelism.expert"), value: true, message: "expert parallelism without data parallelism" }] : [])),
);

/** The accelerator has an image. */
export const acceleratorImage = propsRule(
  {
    id: "llm/accelerator-image",
    summary: "A workload on an accelerator other than NVIDIA has a vLLM image for it: its own, an OpenShift AI preset's, or one set by an LLMInferenceServiceConfig in baseRefs (configs built in the same app are looked into).",
    why: "KServe's well-known template runs llm-d's CUDA image, which does not run on AMD, Gaudi, Spyre or CPU nodes.",
    fix: "set image (per accelerator), or on OpenShift AI add the accelerator's preset to baseRefs (LLMConfigs.openshiftAI.*)",
  },
  (spec) =>
    eachWorkload(spec).flatMap((w): Finding[] => {
      const key = w.acceleratorKey ?? (w.props.hardware !== undefined ? "cpu" : undefined);
      if (key === undefined) return [];
      if (isRecord(w.props.image) && w.image === undefined) {
        return [{ path: at(w, "image"), value: Object.keys(w.props.image), message: `the images name no ${key} image, and the hardware is ${key}`, fix: `add image.${key}` }];
      }
      if (w.image !== undefined || key === "nvidia") return [];
      const known = spec.knownConfigs ?? new Map<string, KnownLLMConfig>();
      const imageOf = (c: KnownLLMConfig): string | undefined => (w.path === "prefill" ? c.prefillImage : c.mainImage);
      // a config of the app sets an image or not; a config the app does not define may
      const provided = spec.baseRefs.some((r) => openshiftAIPreset(r) !== undefined || (known.has(r) ? imageOf(known.get(r) as KnownLLMConfig) !== undefined : !r.startsWith("kserve-config-llm-")));
      if (provided) return [];
      const without = spec.baseRefs.filter((r) => known.has(r)).map((r) => known.get(r) as KnownLLMConfig);
      const workload = w.path === "prefill" ? "the prefill workload" : "the workload";
      if (without.length === 0) return [{ path: at(w, "image"), value: undefined, message: `${workload} runs on ${key} and no image for it is set (KServe's default image is CUDA)` }];
      const names = without.map((c) => `"${c.name}" (${c.where})`).join(", ");
      return [
        {
          path: at(w, "image"),
          value: undefined,
          message: `${workload} runs on ${key} and no image for it is set: the config${without.length > 1 ? "s" : ""} ${names} in baseRefs set${without.length > 1 ? "" : "s"} no ${w.path === "prefill" ? "prefill " : ""}image (KServe's default image is CUDA)`,
          fix: `set image on the config${without.length > 1 ? "s" : ""} (a plain image: an image map on a config picks the image of the config's own hardware) or on the workload`,
        },
      ];
    }),
);

/** Prefill and decode accelerators can exchange KV caches. */
export const prefillAccelerator = propsRule(
  {
    id: "llm/prefill-accelerator",
    summary: "Prefill and decode run on the same accelerator vendor (different products of one vendor are fine).",
    why: "Decode pulls the prefilled KV cache from prefill pods over the KV connector (NIXL): both sides need the same device type and memory layout, so a CUDA prefill cannot hand its cache to a ROCm or CPU decode. Different GPUs of one vendor (H100 prefill, A100 decode) work and are a common way to save cost.",
    fix: "put prefill and decode on the same vendor's accelerators",
  },
  (spec) => {
    const p = spec.prefill;
    if (p === undefined || (p.props.hardware === undefined && spec.main.props.hardware === undefined)) return [];
    const a = spec.main.acceleratorResource?.split("/")[0] ?? "cpu";
    const b = p.acceleratorResource?.split("/")[0] ?? "cpu";
    const vendor = (r: string): string => (r === "nvidia.com" ? "nvidia" : r);
    if (vendor(a) === vendor(b)) return [];
    return [{ path: "prefill.hardware", value: p.acceleratorKey ?? "cpu", message: `prefill runs on ${p.acceleratorKey ?? "cpu"} and decode on ${spec.main.acceleratorKey ?? "cpu"}; they cannot exchange KV caches` }];
  },
);

/** OpenShift AI presets exist on the target and fit the hardware. */
export const openshiftAIPresetRule = propsRule(
  {
    id: "llm/openshift-ai-preset",
    summary: "An OpenShift AI accelerator preset in baseRefs exists on the target and is for the workload's accelerator.",
    why: "The presets are installed by OpenShift AI (3.3 ships only the AMD one; 3.5 adds the NVIDIA topology presets); a missing config fails reconciliation, and a preset for another accelerator sets an image that does not run on the nodes.",
    fix: "use the preset of the workload's accelerator and of the target's release",
  },
  (spec) => {
    const out: Finding[] = [];
    spec.baseRefs.forEach((ref, i) => {
      const preset = openshiftAIPreset(ref);
      if (preset === undefined) return;
      const odh = spec.target.openshiftAI;
      if (odh === undefined) out.push({ path: `baseRefs[${i}]`, value: ref, message: `${ref} is an OpenShift AI preset and the target is ${describeTarget(spec.target)}`, fix: "set the image yourself, or target OpenShift AI" });
      else if (!atLeast(odh.version, preset.since)) out.push({ path: `baseRefs[${i}]`, value: ref, message: `${ref} ships with OpenShift AI ${preset.since}; the target is ${describeTarget(spec.target)}` });
      const resource = spec.main.acceleratorResource;
      if (resource !== undefined && resource !== preset.resource) out.push({ path: `baseRefs[${i}]`, value: ref, message: `${ref} is for ${preset.resource} and the workload requests ${resource}` });
    });
    return out;
  },
);

/** Library-written routing replaces KServe's managed route and pool. */
export const userRoutingConflict = propsRule(
  {
    id: "llm/user-routing",
    summary: "userRouting is not combined with router.gateway, router.route or router.scheduler.pool.",
    why: "userRouting writes the HTTPRoute and InferencePool and points the LLMInferenceService at them; a second route or pool would compete for the same traffic.",
    fix: "drop router.gateway, router.route and router.scheduler.pool, or drop userRouting",
  },
  (spec) => {
    const r = spec.props.router;
    if (spec.userRouting === undefined || r === undefined) return [];
    const out: Finding[] = [];
    if (r.gateway !== undefined) out.push({ path: "router.gateway", value: r.gateway, message: "userRouting names the Gateway" });
    if (r.route !== undefined) out.push({ path: "router.route", value: r.route, message: "userRouting writes the HTTPRoute" });
    if (r.scheduler?.pool !== undefined) out.push({ path: "router.scheduler.pool", value: r.scheduler.pool, message: "userRouting writes the InferencePool" });
    return out;
  },
);

/** Devices come from DRA or from hardware, not both. */
export const draHardware = propsRule(
  {
    id: "llm/dra-hardware",
    summary: "A workload with managed DRA devices does not also request accelerators through hardware.",
    why: "KServe adds the DRA claim to every workload pod (main, worker, prefill): with accelerators from hardware as well, each pod asks for both the claimed devices and the extended resources, and either waits for twice the devices or holds GPUs vLLM does not use.",
    fix: "take the devices from dra (and only CPU and memory from hardware), or drop dra",
  },
  (spec) => {
    if (spec.props.dra === undefined) return [];
    return eachWorkload(spec).flatMap((w) => (w.props.hardware !== undefined && requestedDevices(w.props.hardware) > 0 ? [{ path: at(w, "hardware.accelerators"), value: requestedDevices(w.props.hardware), message: `the pods claim ${spec.props.dra?.count ?? 1} device(s) of class ${spec.props.dra?.deviceClass ?? ""} through DRA and also request ${requestedDevices(w.props.hardware)} accelerator(s)` }] : []));
  },
);

/** An InferenceModelRewrite sends requests to models the pool serves, with weights on all targets or none. */
export const modelRewrite = propsRule(
  {
    id: "llm/model-rewrite",
    summary: "Each InferenceModelRewrite rule has targets, weights on all of them or none, and only models the pool serves (the served model name or a LoRA adapter).",
    why: "The pool of userRouting selects only this LLMInferenceService's pods: a request rewritten to a model they do not serve fails with 404 from vLLM; llm-d requires a weight on every target once one has a weight.",
    fix: "rewrite to the served model name or one of the LoRA adapters, and give every target a weight or none",
  },
  (spec) => {
    const rw = spec.userRouting?.props.modelRewrite;
    if (rw === undefined) return [];
    const served = new Set([spec.props.servedModelName ?? spec.name, ...(spec.props.lora?.adapters ?? []).map((a) => a.name)]);
    const out: Finding[] = [];
    rw.rules.forEach((r, i) => {
      const path = `userRouting.modelRewrite.rules[${i}]`;
      if (r.targets.length === 0) out.push({ path: `${path}.targets`, value: [], message: "a rewrite rule needs at least one target" });
      const weighted = r.targets.filter((t) => t.weight !== undefined).length;
      if (weighted > 0 && weighted < r.targets.length) out.push({ path: `${path}.targets`, value: r.targets.map((t) => t.weight ?? null), message: `${weighted} of ${r.targets.length} targets have a weight; give every target a weight or none` });
      r.targets.forEach((t, j) => {
        if (!served.has(t.model)) out.push({ path: `${path}.targets[${j}].model`, value: t.model, message: `the pool does not serve "${t.model}" (it serves ${[...served].map((m) => `"${m}"`).join(", ")})` });
      });
    });
    return out;
  },
);

/** A config of the app does not take the name of one KServe or OpenShift AI installs. */
export const configWellKnownName = propsRule(
  {
    id: "llmconfig/well-known-name",
    severity: "warning",
    summary: "An LLMInferenceServiceConfig does not use the name of one of KServe's well-known configs or OpenShift AI's presets.",
    why: "Those configs belong to the KServe (or OpenShift AI) installation: defining one replaces the installed config for every LLMInferenceService that uses it (KServe's webhook only warns), and the next installation or upgrade puts its own back.",
    fix: "give the config a name of its own and list it in baseRefs",
  },
  (spec) => {
    if (spec.kind !== "LLMInferenceServiceConfig") return [];
    const kserve = (Object.values(WELL_KNOWN_LLM_CONFIGS) as string[]).includes(spec.name);
    const odh = openshiftAIPreset(spec.name) !== undefined;
    if (!kserve && !odh) return [];
    return [{ path: "name", value: spec.name, message: `"${spec.name}" is ${kserve ? "one of KServe's well-known configs" : "one of OpenShift AI's accelerator presets"}; this config would replace the installed one`, fix: `name it for example "${spec.name.replace(/^kserve-config-/, "team-")}" and list it in baseRefs` }];
  },
);

/** A config's baseRefs (props). */
export const configBaseRefsProps = propsRule(
  {
    id: "llmconfig/base-refs-props",
    summary: "LLMInferenceServiceConfig props have no baseRefs.",
    why: "KServe's webhook rejects baseRefs on configs (recursive references are disabled).",
    fix: "list the configs in the LLMInferenceService's baseRefs instead",
  },
  (spec) => (spec.kind === "LLMInferenceServiceConfig" && spec.props.baseRefs !== undefined ? [{ path: "baseRefs", value: spec.props.baseRefs, message: "a config cannot reference other configs" }] : []),
);

/** LanguageModel: the InferenceService form needs an engine; replicas or scaling. */
export const languageModelEngine = defineRule<{ readonly serving: string; readonly engine?: unknown; readonly replicas?: number; readonly scaling?: unknown }>({
  id: "llm/language-model",
  severity: "error",
  on: "props",
  summary: "A LanguageModel served as an InferenceService has a vLLM engine, and it sets replicas or scaling, not both.",
  why: "An InferenceService runs its model on a ServingRuntime, which the LLMInferenceService form does not need; fixed and autoscaled replicas contradict each other.",
  fix: "give engine (InferenceEngine.vllm(...)) for the InferenceService form; keep one of replicas and scaling",
  check: (p) => [
    ...(p.serving === "InferenceService" && p.engine === undefined ? [{ path: "engine", value: undefined, message: "the InferenceService form needs a vLLM engine", fix: 'give engine: InferenceEngine.vllm(scope, "vllm", { accelerator: "nvidia" }), or serve it as an LLMInferenceService' }] : []),
    ...(p.replicas !== undefined && p.scaling !== undefined ? [{ path: "replicas", value: p.replicas, message: "replicas and scaling are both set", fix: "keep one of them" }] : []),
  ],
});

/** Every props rule, in the order they run. */
export const LLM_PROPS_RULES = [serviceName, derivedNames, modelUri, loraCredentials, storageNamespace, ownedArgs, parallelismDevices, devicesPerNode, expertNeedsData, acceleratorImage, prefillAccelerator, openshiftAIPresetRule, userRoutingConflict, draHardware, modelRewrite, configBaseRefsProps, configWellKnownName];

/** Every manifest rule, in the order they run. */
export const LLM_MANIFEST_RULES = [targetVersion, apiVersion, targetFeature, replicasOrScaling, scalingMode, kedaTriggers, scalingBounds, idleReplicas, wvaActuator, kedaAdvanced, routeForm, routeParentRefsRedundant, routeCatchAll, trafficSplit, parallelismShape, schedulerSettings, schedulerTokenizer, scalingConsistency, loraAdapters, kvCacheTiers, rolloutStrategy, managedDra, confidentialModel, confidentialStorage, configNoBaseRefs];

/** The manifest rules that also run on the HTTPRoute and InferencePool objects of user routing. */
export const LLM_ROUTING_RULES = [routeCatchAll];
