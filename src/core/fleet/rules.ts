/**
 * ModelFleet rules, checked for the models together: each model once, names that stay distinct once made
 * DNS-1035 labels, storage each model can be found in, and per-model modes only on a ModelServing.
 * The fleet's resolve step ({@link resolveFleetModels}) derives names and first occurrences in one pass
 * (maps, not pairwise comparisons); the rules only read them.
 */
import { defineRule } from "../rules/registry";
import type { Finding } from "../rules/registry";
import { isRecord } from "../canonical";
import { toDns1035 } from "../names";
import type { IRuntime } from "../runtime/ref";
import type { IModelServing } from "../serving/props";
import type { FleetModelProps, ModelFleetProps } from "./props";

/** Whether a fleet's engine is a ModelServing (whose models may choose their mode). */
export function isServing(engine: IRuntime): engine is IModelServing {
  return isRecord((engine as Partial<IModelServing>).serving);
}

/** One model of a fleet as the rules see it. */
export interface FleetModelSubject {
  /** The model. */
  readonly model: FleetModelProps;
  /** Its prop path, `models[i]`. */
  readonly at: string;
  /** The InferenceService name it becomes (the prefix and name made a DNS-1035 label). */
  readonly isvcName: string;
  /** The index of an earlier model with the same name, if any. */
  readonly sameName?: number;
  /** The index and name of an earlier model whose InferenceService name is the same, if any (only for a name not seen before). */
  readonly sameService?: { readonly index: number; readonly name: string };
  /** Whether the fleet has a storage to find paths in. */
  readonly fleetStorage: boolean;
  /** Whether the fleet's engine is a ModelServing. */
  readonly serving: boolean;
}

/** The models of a fleet with the names they become and their first occurrences (derived in one pass, reports nothing). */
export function resolveFleetModels(p: ModelFleetProps): FleetModelSubject[] {
  const byName = new Map<string, number>();
  const bySanitised = new Map<string, number>();
  const serving = isServing(p.engine);
  return p.models.map((m, i) => {
    const isvcName = toDns1035(`${p.namePrefix ?? ""}${m.name}`);
    const first = byName.get(m.name);
    let sameService: FleetModelSubject["sameService"];
    if (first === undefined) {
      byName.set(m.name, i);
      const other = bySanitised.get(isvcName);
      if (other !== undefined) sameService = { index: other, name: p.models[other]?.name ?? "" };
      else bySanitised.set(isvcName, i);
    }
    return { model: m, at: `models[${i}]`, isvcName, ...(first !== undefined ? { sameName: first } : {}), ...(sameService !== undefined ? { sameService } : {}), fleetStorage: p.storage !== undefined, serving };
  });
}

/** Each model is listed once. */
export const fleetDuplicateNameRule = defineRule<FleetModelSubject>({
  id: "fleet/duplicate-name",
  severity: "error",
  summary: "Each model of a fleet is listed once (by name).",
  why: "Two entries of one name would render two InferenceServices of the same name; the second apply overwrites the first (or the GitOps tool reports a duplicate object), so one model silently disappears.",
  fix: "list each model once (use overrides for per-model settings)",
  on: "props",
  check: ({ model, at, sameName }) => (sameName === undefined ? [] : [{ path: `${at}.name`, value: model.name, message: `model "${model.name}" is also models[${sameName}]` }]),
});

/** Distinct names stay distinct once made InferenceService names. */
export const fleetNameCollisionRule = defineRule<FleetModelSubject>({
  id: "fleet/name-collision",
  severity: "error",
  summary: "Models of a fleet with different names also get different InferenceService names once the names are made DNS-1035 labels.",
  why: "Model names become InferenceService names (lowercase, '-' for other characters, at most 63); two names that sanitise alike would render one object twice, and the second overwrites the first on the cluster.",
  fix: "rename one of them",
  on: "props",
  check: ({ model, at, isvcName, sameService }) =>
    sameService === undefined
      ? []
      : [
          {
            path: `${at}.name`,
            value: model.name,
            message: `model "${model.name}" and models[${sameService.index}] ("${sameService.name}") both become InferenceService "${isvcName}" (names are made DNS-1035 labels: lowercase, '-' for other characters, at most 63)`,
          },
        ],
});

/** What the storage rule sees: one model, or the fleet's storage prop before its props are parsed. */
export type FleetStorageSubject = { readonly model: FleetModelSubject } | { readonly storage: unknown };

/** Each model can be found: a path in the fleet's storage, or its own location (not both); the fleet's storage is an entry, not a whole StorageConfig. */
export const fleetStorageRule = defineRule<FleetStorageSubject>({
  id: "fleet/storage",
  severity: "error",
  summary: "Each model of a fleet gives either a path in the fleet's storage (which the fleet has) or its own location, and the fleet's storage is a ModelStorage or one entry of a StorageConfig.",
  why: "A model without storage renders an InferenceService with no storageUri, which KServe's webhook rejects or which starts a server with no model; with both, one of them is silently ignored.",
  fix: "give each model a path in the fleet's storage, or a location",
  on: "props",
  check: (subject): Finding[] => {
    if ("storage" in subject) {
      const storage = subject.storage;
      return storage !== null && typeof storage === "object" && typeof (storage as { entry?: unknown }).entry === "function"
        ? [{ path: "storage", value: "(a StorageConfig)", message: "a StorageConfig was given as the fleet's storage; a fleet reads its models from one entry of it", fix: 'give storageConfig.entry("<entry key>")' }]
        : [];
    }
    const { model: m, at, fleetStorage } = subject.model;
    if (m.path !== undefined && m.location !== undefined) return [{ path: `${at}.location`, value: m.path, message: `model "${m.name}" gives both a path and a location`, fix: "give a path in the fleet's storage, or a location" }];
    if (m.location === undefined && (m.path === undefined || m.path.replace(/^\/+/, "") === "")) return [{ path: `${at}.path`, value: m.path, message: `model "${m.name}" has no storage: no path in the fleet's storage and no location`, fix: "give the model's path (or its location)" }];
    if (m.location === undefined && !fleetStorage) return [{ path: `${at}.path`, value: m.path, message: `model "${m.name}" gives a path, and the fleet has no storage to find it in`, fix: "give the fleet a storage (a ModelStorage, or storageConfig.entry(key)), or the model a location" }];
    return [];
  },
});

/** A model chooses its mode only on a ModelServing. */
export const fleetModeRule = defineRule<FleetModelSubject>({
  id: "fleet/mode",
  severity: "error",
  summary: "A model of a fleet sets its own mode only when the fleet's engine is a ModelServing.",
  why: "A plain engine is either a single-model or a ModelMesh runtime, so it alone decides the mode; a mode it cannot serve would be silently ignored.",
  fix: "give the fleet a ModelServing with both runtimes, or remove mode",
  on: "props",
  check: ({ model, at, serving }) => (model.mode === undefined || serving ? [] : [{ path: `${at}.mode`, value: model.mode, message: "a model can choose its mode only when the fleet's engine is a ModelServing (the engine alone decides the mode)" }]),
});
