/**
 * How an InferenceService refers to a runtime: a small handle that the cdk8s construct, the Pulumi
 * component and `ServingRuntime.fromName()` all provide, so checks between the two run wherever the
 * InferenceService is built.
 */
import type { IssueDraft } from "../errors";
import type { EngineProtocol, KServeProtocol } from "../engine/protocols";
import type { ParameterSpec } from "../engine/parameters";
import type { EnvValue } from "../pod/env";
import type { Container, Manifest } from "../k8s";
import { isRecord } from "../canonical";
import { derive } from "../rules/registry";
import { appIndex, namespaceOf } from "../rules/app-index";

/** Names of the containers KServe treats specially. */
export const KSERVE_CONTAINER = "kserve-container";
export const TRANSFORMER_CONTAINER = "transformer-container";
export const WORKER_CONTAINER = "worker-container";

/** A supported model format entry as KServe reads it. */
export interface SupportedModelFormat {
  readonly name: string;
  readonly version?: string;
  readonly autoSelect?: boolean;
  readonly priority?: number;
}

/** What the library knows of an engine defined in the app (beyond its rendered runtime). */
export interface EngineDetails {
  /** Versions with their images (by target) and env. */
  readonly versions: Readonly<Record<string, { readonly image: Readonly<Record<string, string>>; readonly env?: Readonly<Record<string, EnvValue>> }>>;
  readonly defaultVersion: string;
  /** The target whose image the runtime's container uses. */
  readonly runtimeImage: string;
  readonly parameters: Readonly<Record<string, ParameterSpec>>;
  readonly enforceParameters: boolean;
  readonly multiGpu: boolean;
  readonly protocols: readonly EngineProtocol[];
  readonly port: number;
  readonly repeatableFlags: readonly string[];
  /** The accelerators this engine recommends (resource names), for OpenShift AI and agreement checks. */
  readonly recommendedAccelerators: readonly string[];
  /** How the engine is told its device count. */
  readonly tensorParallel?: { readonly arg?: string; readonly env?: string };
  /** The runtime has a workerSpec (multi-node). */
  readonly multiNode: boolean;
  /**
   * The scheduler the engine's pods need when the target's ServingRuntime cannot carry `schedulerName`
   * (before KServe 0.17): each InferenceService of the engine sets it.
   * @default none (the runtime sets its scheduler, or none is needed)
   */
  readonly podSchedulerName?: string;
}

/** Facts declared for a runtime the app does not define (an existing or built-in runtime). */
export interface DeclaredRuntime {
  readonly modelFormats?: readonly SupportedModelFormat[];
  /** `[]` means the runtime accepts any protocol. */
  readonly protocolVersions?: readonly KServeProtocol[];
  readonly multiModel?: boolean;
  readonly recommendedAccelerators?: readonly string[];
}

/** A runtime handle. */
export interface RuntimeInfo {
  readonly name: string;
  readonly kind: "ServingRuntime" | "ClusterServingRuntime";
  /** Namespace of a ServingRuntime (unknown when the chart has none). */
  readonly namespace?: string;
  /** The construct path, or `existing runtime <name>`. */
  readonly where: string;
  /** False when the runtime's own spec has errors (they are reported there; cross checks skip it). */
  readonly valid: boolean;
  /** The rendered runtime, when the app defines it. */
  readonly manifest?: Manifest;
  /** Declared facts, for runtimes the app does not define. */
  readonly declared?: DeclaredRuntime;
  /** Engine details, for runtimes built from an InferenceEngine. */
  readonly engine?: EngineDetails;
  /**
   * Problems of a runtime referenced by name (`ServingRuntime.fromName`), reported by the
   * InferenceServices that use it (paths relative to the reference).
   */
  readonly problems?: readonly IssueDraft[];
}

/** Anything an InferenceService can use as its runtime. */
export interface IRuntime {
  /** The runtime handle. */
  readonly runtime: RuntimeInfo;
}

/** The runtime spec of a handle, when known. */
export function runtimeSpec(info: RuntimeInfo): Record<string, unknown> | undefined {
  const spec = info.manifest?.["spec"];
  return spec !== null && typeof spec === "object" ? (spec as Record<string, unknown>) : undefined;
}

/** Model formats of a runtime, `undefined` when unknown. */
export function runtimeFormats(info: RuntimeInfo): readonly SupportedModelFormat[] | undefined {
  const spec = runtimeSpec(info);
  if (spec !== undefined) return (Array.isArray(spec["supportedModelFormats"]) ? spec["supportedModelFormats"] : []).filter((f): f is SupportedModelFormat => isRecord(f) && typeof f["name"] === "string");
  return info.declared?.modelFormats;
}

/** Protocol versions of a runtime: `[]` accepts any, `undefined` unknown. */
export function runtimeProtocols(info: RuntimeInfo): readonly KServeProtocol[] | undefined {
  const spec = runtimeSpec(info);
  if (spec !== undefined) return (Array.isArray(spec["protocolVersions"]) ? spec["protocolVersions"] : []).filter((p): p is KServeProtocol => typeof p === "string");
  return info.declared?.protocolVersions;
}

/** Whether a runtime is a ModelMesh (multi-model) runtime; `undefined` unknown. */
export function runtimeMultiModel(info: RuntimeInfo): boolean | undefined {
  const spec = runtimeSpec(info);
  if (spec !== undefined) return spec["multiModel"] === true;
  return info.declared?.multiModel;
}

/** Recommended accelerators (resource names); `undefined` unknown. */
export function runtimeAccelerators(info: RuntimeInfo): readonly string[] | undefined {
  if (info.engine !== undefined) return info.engine.recommendedAccelerators;
  const annotation = info.manifest?.metadata.annotations?.["opendatahub.io/recommended-accelerators"];
  if (annotation !== undefined) {
    try {
      const parsed: unknown = JSON.parse(annotation);
      if (Array.isArray(parsed)) return parsed.filter((x): x is string => typeof x === "string");
    } catch {
      return undefined;
    }
  }
  return info.declared?.recommendedAccelerators;
}

/** Containers of a runtime spec. */
export function runtimeContainers(spec: Record<string, unknown>): Container[] {
  const containers = spec["containers"];
  return Array.isArray(containers) ? (containers.filter(isRecord) as Container[]) : [];
}

/** True for a ServingRuntime or ClusterServingRuntime manifest. */
export function isRuntimeManifest(m: Manifest): boolean {
  return (m.kind === "ServingRuntime" || m.kind === "ClusterServingRuntime") && typeof m.apiVersion === "string" && m.apiVersion.startsWith("serving.kserve.io/");
}

/** A runtime handle for a runtime manifest found among an app's manifests (YAML the library did not write included). */
export function runtimeFromManifest(m: Manifest): RuntimeInfo {
  const kind = m.kind === "ClusterServingRuntime" ? "ClusterServingRuntime" : "ServingRuntime";
  return { name: m.metadata.name, kind, ...(kind === "ServingRuntime" && m.metadata.namespace !== undefined ? { namespace: m.metadata.namespace } : {}), where: `${kind} ${m.metadata.name}`, valid: true, manifest: m };
}

/** What a manifest-level rule needs to find an InferenceService's runtime. */
export interface RuntimeLookup {
  readonly manifest: Manifest;
  readonly app: readonly Manifest[];
  readonly known?: { readonly runtime?: RuntimeInfo };
}

/**
 * The runtime of an InferenceService manifest: the one its build knows (also a runtime the app does not
 * define), else the runtime it names in `predictor.model.runtime`, looked up among the app's manifests
 * (a ServingRuntime of its namespace first, then a ClusterServingRuntime, as KServe does).
 */
export function runtimeOfService(subject: RuntimeLookup): RuntimeInfo | undefined {
  if (subject.known?.runtime !== undefined) return subject.known.runtime;
  return derive(subject, runtimeOfService, () => lookupRuntime(subject));
}

function lookupRuntime(subject: RuntimeLookup): RuntimeInfo | undefined {
  const predictor = isRecord(subject.manifest["spec"]) ? subject.manifest["spec"]["predictor"] : undefined;
  const model = isRecord(predictor) ? predictor["model"] : undefined;
  const name = isRecord(model) ? model["runtime"] : undefined;
  if (typeof name !== "string") return undefined;
  const index = appIndex(subject.app);
  const found = index.find("ServingRuntime", namespaceOf(subject.manifest), name).find(isRuntimeManifest) ?? index.find("ClusterServingRuntime", "", name).find(isRuntimeManifest);
  return found === undefined ? undefined : runtimeFromManifest(found);
}
