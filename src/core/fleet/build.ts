/**
 * Builds a ModelFleet: checks the models together (one pass, maps instead of pairwise comparisons), then
 * builds one InferenceService per model with the same rules as a single InferenceService.
 */
import { guardBuild } from "../context";
import { z } from "zod";
import type { BuildContext, BuildResult } from "../context";
import type { IssueDraft, Issue } from "../errors";
import { isError, locate } from "../errors";
import type { Manifest } from "../k8s";
import { parseProps, withFix } from "../schema";
import { isRecord } from "../canonical";
import { toDns1035 } from "../names";
import { mergeTargetProps } from "../target/resolve";
import { formatVersion } from "../engine/schema";
import type { IRuntime, RuntimeInfo } from "../runtime/ref";
import { runtimeMultiModel } from "../runtime/ref";
import type { InferenceServiceProps } from "../service/props";
import type { ServiceHandle } from "../service/build";
import { buildInferenceService } from "../service/build";
import { targetSchema } from "../target/schema";
import { modelLocation, runtimeRef } from "../service/schema";
import type { IModelServing } from "../serving/props";
import { servingRuntime } from "../serving/build";
import type { FleetModelProps, FleetServiceProps, ModelFleetProps } from "./props";

/** What a fleet gives back: its InferenceServices. */
export interface FleetHandle {
  readonly where: string;
  readonly valid: boolean;
  /** The InferenceServices, in the order of `models`. */
  readonly services: readonly ServiceHandle[];
}

const modelSchema: z.ZodType<FleetModelProps> = z.strictObject({
  name: z.string().min(1, { error: withFix("a model needs a name", "give it the model's name") }),
  format: z.union([z.string().min(1), z.strictObject({ name: z.string().min(1), version: formatVersion.optional() })]).optional(),
  path: z.string().optional(),
  location: modelLocation.optional(),
  mode: z.enum(["single", "multi"]).optional(),
  overrides: z.record(z.string(), z.unknown()).optional() as z.ZodType<FleetServiceProps | undefined>,
});

const fleetSchema: z.ZodType<ModelFleetProps> = z.strictObject({
  engine: runtimeRef,
  storage: z.custom<ModelFleetProps["storage"]>((v) => isRecord(v) && typeof v["path"] === "function", { error: withFix("storage must have a path(path) method", 'pass a ModelStorage, or storageConfig.entry("key")') }).optional(),
  models: z.array(modelSchema),
  defaults: z.record(z.string(), z.unknown()).optional() as z.ZodType<FleetServiceProps | undefined>,
  singleModelDefaults: z.record(z.string(), z.unknown()).optional() as z.ZodType<FleetServiceProps | undefined>,
  namePrefix: z.string().optional(),
  namespace: z.string().optional(),
  target: targetSchema.optional(),
});

/** Record props that merge by key between the fleet's defaults and a model's overrides. */
const MERGED: readonly (keyof FleetServiceProps)[] = ["labels", "annotations", "env", "parameters", "podLabels", "podAnnotations"];

function merge(...layers: (FleetServiceProps | undefined)[]): FleetServiceProps {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (layer === undefined) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      const current = out[key];
      out[key] = (MERGED as readonly string[]).includes(key) && isRecord(current) && isRecord(value) ? { ...current, ...value } : value;
    }
  }
  return out as FleetServiceProps;
}

function isServing(engine: IRuntime): engine is IModelServing {
  return isRecord((engine as Partial<IModelServing>).serving);
}

/** Checks the models together: names, sanitised-name collisions, storage, modes. */
function checkModels(p: ModelFleetProps): { drafts: IssueDraft[]; names: string[] } {
  const drafts: IssueDraft[] = [];
  const names: string[] = [];
  const byName = new Map<string, number>();
  const bySanitised = new Map<string, number>();
  const serving = isServing(p.engine);
  p.models.forEach((m, i) => {
    const at = `models[${i}]`;
    const isvcName = toDns1035(`${p.namePrefix ?? ""}${m.name}`);
    names.push(isvcName);
    const first = byName.get(m.name);
    if (first !== undefined) {
      drafts.push({ path: `${at}.name`, value: m.name, rule: "fleet/duplicate-name", message: `model "${m.name}" is also models[${first}]`, fix: "list each model once (use overrides for per-model settings)" });
    } else {
      byName.set(m.name, i);
      const other = bySanitised.get(isvcName);
      if (other !== undefined) {
        drafts.push({
          path: `${at}.name`,
          value: m.name,
          rule: "fleet/name-collision",
          message: `model "${m.name}" and models[${other}] ("${p.models[other]?.name ?? ""}") both become InferenceService "${isvcName}" (names are made DNS-1035 labels: lowercase, '-' for other characters, at most 63)`,
          fix: "rename one of them",
        });
      } else {
        bySanitised.set(isvcName, i);
      }
    }
    if (m.path !== undefined && m.location !== undefined) {
      drafts.push({ path: `${at}.location`, value: m.path, rule: "fleet/storage", message: `model "${m.name}" gives both a path and a location`, fix: "give a path in the fleet's storage, or a location" });
    } else if (m.location === undefined && (m.path === undefined || m.path.replace(/^\/+/, "") === "")) {
      drafts.push({ path: `${at}.path`, value: m.path, rule: "fleet/storage", message: `model "${m.name}" has no storage: no path in the fleet's storage and no location`, fix: "give the model's path (or its location)" });
    } else if (m.location === undefined && p.storage === undefined) {
      drafts.push({ path: `${at}.path`, value: m.path, rule: "fleet/storage", message: `model "${m.name}" gives a path, and the fleet has no storage to find it in`, fix: "give the fleet a storage (a ModelStorage, or storageConfig.entry(key)), or the model a location" });
    }
    if (m.mode !== undefined && !serving) {
      drafts.push({ path: `${at}.mode`, value: m.mode, rule: "fleet/mode", message: "a model can choose its mode only when the fleet's engine is a ModelServing (the engine alone decides the mode)", fix: "give the fleet a ModelServing with both runtimes, or remove mode" });
    }
  });
  return { drafts, names };
}

/** Builds a ModelFleet; never throws on bad input. */
function buildModelFleetUnguarded(props: ModelFleetProps, ctx: BuildContext): BuildResult<FleetHandle> {
  const given = props as Partial<ModelFleetProps> | undefined;
  const storage: unknown = given !== null && typeof given === "object" ? given.storage : undefined;
  if (storage !== null && typeof storage === "object" && typeof (storage as { entry?: unknown }).entry === "function") {
    const issues = locate(ctx.where, [{ path: "storage", value: "(a StorageConfig)", rule: "fleet/storage", message: "a StorageConfig was given as the fleet's storage; a fleet reads its models from one entry of it", fix: 'give storageConfig.entry("<entry key>")' }]);
    return { manifests: [], issues, handle: { where: ctx.where, valid: false, services: [] } };
  }
  const parsed = parseProps(fleetSchema, props);
  if (parsed.value === undefined) return { manifests: [], issues: locate(ctx.where, parsed.issues), handle: { where: ctx.where, valid: false, services: [] } };
  const p = parsed.value;
  const { drafts, names } = checkModels(p);
  const issues: Issue[] = locate(ctx.where, drafts);
  const manifests: Manifest[] = [];
  const services: ServiceHandle[] = [];
  const namespace = p.namespace ?? ctx.namespace;
  const target = mergeTargetProps(ctx.target, p.target);
  const serving = isServing(p.engine) ? p.engine.serving : undefined;
  const broken = new Set(drafts.map((d) => d.path.slice(0, d.path.indexOf("]") + 1)));
  p.models.forEach((m, i) => {
    if (broken.has(`models[${i}]`)) return;
    const name = names[i] as string;
    let runtime: RuntimeInfo = p.engine.runtime;
    if (serving !== undefined) {
      if (m.mode !== undefined && m.mode !== serving.mode) {
        const chosen = servingRuntime(serving, m.mode, `models[${i}].mode`);
        issues.push(...locate(ctx.where, chosen.issues));
        if (chosen.runtime === undefined) return;
        runtime = chosen.runtime;
      }
    }
    const settings = merge(p.defaults, runtimeMultiModel(runtime) !== true ? p.singleModelDefaults : undefined, m.overrides);
    const format = typeof m.format === "string" ? { name: m.format } : m.format;
    const location = m.location ?? (p.storage as NonNullable<ModelFleetProps["storage"]>).path(m.path as string);
    const serviceProps: InferenceServiceProps = {
      ...settings,
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      engine: { runtime },
      model: location,
      ...(format !== undefined ? { modelFormat: format } : {}),
    };
    const result = buildInferenceService(serviceProps, { where: `${ctx.where}/${name}`, defaultName: name, ...(namespace !== undefined ? { namespace } : {}), target, ...(ctx.registry !== undefined ? { registry: ctx.registry } : {}), ...(ctx.reviewManifestFindings !== undefined ? { reviewManifestFindings: ctx.reviewManifestFindings } : {}) });
    issues.push(...result.issues);
    manifests.push(...result.manifests);
    services.push(result.handle);
  });
  const valid = !issues.some(isError);
  return { manifests, issues, handle: { where: ctx.where, valid, services } };
}

/** Builds a ModelFleet from props: `{ manifests, issues, handle }`; never throws (bad input and unexpected exceptions come back as issues). */
export const buildModelFleet = guardBuild<ModelFleetProps, FleetHandle>(buildModelFleetUnguarded, (ctx) => ({ where: ctx.where, valid: false, services: [] }));
