/**
 * Which runtime KServe gives an InferenceService that names none, computed on manifests as KServe's
 * controller does it (`predictor_model.go`):
 *
 * - candidates: runtimes that are not `disabled`, whose `multiModel` matches (false outside ModelMesh),
 *   that have a `workerSpec` exactly when the InferenceService has one, that support its protocol (its
 *   `protocolVersion`, or `v1` when unset; a runtime without `protocolVersions` accepts any), and that list
 *   its format with `autoSelect: true` (name, and version when the InferenceService gives one: exact,
 *   case-sensitive strings);
 * - order: namespaced runtimes of its namespace before cluster runtimes; within each, by the runtime's
 *   lowest protocol (v1 first, runtimes without protocols last), then name; then by the format's
 *   `priority`, highest first (entries with a priority before those without). The first one wins.
 *
 * Pure: works on plain manifests (rendered by the library or read by `lint`).
 */
import type { Manifest } from "../k8s";
import { getIn, isRecord } from "../canonical";
import { KSERVE } from "../keys";
import { canonicalMode } from "../target/resolve";
import type { DeploymentMode } from "../target/resolve";

/** The predictor shorthands and the model format name KServe gives each. */
const SHORTHAND_FORMATS: Readonly<Record<string, string>> = {
  sklearn: "sklearn",
  xgboost: "xgboost",
  tensorflow: "tensorflow",
  pytorch: "pytorch",
  triton: "triton",
  onnx: "onnx",
  huggingface: "huggingface",
  pmml: "pmml",
  lightgbm: "lightgbm",
  paddle: "paddle",
};

/** What an InferenceService asks a runtime for. */
export interface RuntimeRequest {
  /** The predictor field the model is in (`model`, or a shorthand such as `sklearn`). */
  readonly field: string;
  /** Model format name. */
  readonly format: string;
  /** Model format version, when given. */
  readonly version?: string;
  /** The protocol asked for (`v1` when the InferenceService sets none). */
  readonly protocol: string;
  /** The runtime named explicitly, if any. */
  readonly runtime?: string;
  /** True when the InferenceService has a workerSpec (multi-node). */
  readonly multiNode: boolean;
  /** True for ModelMesh InferenceServices (multi-model runtimes). */
  readonly multiModel: boolean;
}

/** The request of an InferenceService manifest, or undefined when it has no model with a format. */
export function runtimeRequest(isvc: Manifest): RuntimeRequest | undefined {
  const predictor = getIn(isvc, ["spec", "predictor"]);
  if (!isRecord(predictor)) return undefined;
  const mode = isvc.metadata.annotations?.[KSERVE.deploymentMode];
  const multiModel = mode !== undefined && canonicalMode(mode as DeploymentMode) === "ModelMesh";
  const multiNode = predictor["workerSpec"] !== undefined;
  const model = predictor["model"];
  if (isRecord(model)) {
    const mf = model["modelFormat"];
    if (!isRecord(mf) || typeof mf["name"] !== "string") return undefined;
    return {
      field: "model",
      format: mf["name"],
      ...(typeof mf["version"] === "string" ? { version: mf["version"] } : {}),
      protocol: typeof model["protocolVersion"] === "string" ? model["protocolVersion"] : "v1",
      ...(typeof model["runtime"] === "string" ? { runtime: model["runtime"] } : {}),
      multiNode,
      multiModel,
    };
  }
  for (const [key, format] of Object.entries(SHORTHAND_FORMATS)) {
    const c = predictor[key];
    if (!isRecord(c)) continue;
    return {
      field: key,
      format,
      protocol: typeof c["protocolVersion"] === "string" ? c["protocolVersion"] : "v1",
      multiNode,
      multiModel,
    };
  }
  return undefined;
}

/** A runtime that may serve: its kind, name, namespace (`""` for a cluster runtime) and spec. */
export interface RuntimeCandidate {
  /** `ServingRuntime` or `ClusterServingRuntime`. */
  readonly kind: "ServingRuntime" | "ClusterServingRuntime";
  /** The runtime's name. */
  readonly name: string;
  /** Its namespace (`""` for cluster runtimes). */
  readonly namespace: string;
  /** Its spec. */
  readonly spec: Record<string, unknown>;
}

const PROTOCOL_ORDER = ["v1", "v2", "grpc-v1", "grpc-v2"];

function protocols(spec: Record<string, unknown>): string[] | undefined {
  const p = spec["protocolVersions"];
  return Array.isArray(p) && p.length > 0 ? p.map(String) : undefined;
}

/** Why one runtime is not a candidate, or undefined when it is (with the priority of the matching format). */
export function candidacy(request: RuntimeRequest, runtime: RuntimeCandidate): { priority?: number } | { reason: string } {
  const spec = runtime.spec;
  if (spec["disabled"] === true) return { reason: "it is disabled" };
  if ((spec["multiModel"] === true) !== request.multiModel) return { reason: spec["multiModel"] === true ? "it is a multi-model (ModelMesh) runtime" : "it is a single-model runtime and the InferenceService is ModelMesh" };
  if ((spec["workerSpec"] !== undefined) !== request.multiNode) return { reason: request.multiNode ? "it has no workerSpec (multi-node)" : "it is a multi-node runtime (workerSpec)" };
  const p = protocols(spec);
  if (p !== undefined && !p.includes(request.protocol)) return { reason: `it does not speak protocol ${request.protocol} (it speaks ${p.join(", ")})` };
  const formats = Array.isArray(spec["supportedModelFormats"]) ? spec["supportedModelFormats"].filter(isRecord) : [];
  const match = formats.find((f) => f["autoSelect"] === true && f["name"] === request.format && (request.version === undefined || f["version"] === request.version));
  if (match === undefined) {
    const named = formats.filter((f) => f["name"] === request.format);
    if (named.length === 0) return { reason: `it does not list format ${request.format}` };
    if (named.every((f) => f["autoSelect"] !== true)) return { reason: `its ${request.format} format has no autoSelect: true` };
    return { reason: `its ${request.format} format has version ${named.map((f) => (typeof f["version"] === "string" ? `"${f["version"]}"` : "(none)")).join(", ")}, not "${request.version ?? ""}"` };
  }
  return typeof match["priority"] === "number" ? { priority: match["priority"] } : {};
}

/** The runtime KServe would select for `request` among `candidates`, and why each other runtime is out. */
export function selectRuntime(request: RuntimeRequest, namespace: string, candidates: readonly RuntimeCandidate[]): { selected?: RuntimeCandidate; rejected: { runtime: RuntimeCandidate; reason: string }[] } {
  const rejected: { runtime: RuntimeCandidate; reason: string }[] = [];
  const accepted: { runtime: RuntimeCandidate; priority?: number; group: number; protocolRank: number }[] = [];
  for (const runtime of candidates) {
    if (runtime.kind === "ServingRuntime" && runtime.namespace !== namespace) continue;
    const c = candidacy(request, runtime);
    if ("reason" in c) {
      rejected.push({ runtime, reason: c.reason });
      continue;
    }
    const p = protocols(runtime.spec);
    const protocolRank = p === undefined ? PROTOCOL_ORDER.length : Math.min(...p.map((x) => (PROTOCOL_ORDER.includes(x) ? PROTOCOL_ORDER.indexOf(x) : PROTOCOL_ORDER.length - 1)));
    accepted.push({ runtime, ...(c.priority !== undefined ? { priority: c.priority } : {}), group: runtime.kind === "ServingRuntime" ? 0 : 1, protocolRank });
  }
  accepted.sort((a, b) => a.group - b.group || a.protocolRank - b.protocolRank || (a.runtime.name < b.runtime.name ? -1 : a.runtime.name > b.runtime.name ? 1 : 0));
  // stable: within a group, a higher priority first, entries with a priority before those without
  const byPriority = [0, 1].flatMap((g) =>
    accepted
      .filter((a) => a.group === g)
      .map((a, i) => ({ a, i }))
      .sort((x, y) => (y.a.priority ?? -Infinity) - (x.a.priority ?? -Infinity) || x.i - y.i)
      .map((x) => x.a),
  );
  const first = byPriority[0];
  return { ...(first !== undefined ? { selected: first.runtime } : {}), rejected };
}

/** The runtimes of a set of manifests, as candidates. */
export function runtimeCandidates(manifests: readonly Manifest[]): RuntimeCandidate[] {
  const out: RuntimeCandidate[] = [];
  for (const m of manifests) {
    if ((m.kind !== "ServingRuntime" && m.kind !== "ClusterServingRuntime") || !isRecord(m["spec"])) continue;
    out.push({ kind: m.kind, name: m.metadata.name, namespace: m.kind === "ServingRuntime" ? (m.metadata.namespace ?? "") : "", spec: m["spec"] as Record<string, unknown> });
  }
  return out;
}
