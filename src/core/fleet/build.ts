/**
 * Builds a ModelFleet, declared through the pipeline (`../pipeline.ts`): resolves the models together
 * (names and first occurrences in one pass, maps instead of pairwise comparisons), runs the fleet's rules
 * (./rules.ts) model by model, then renders by building one InferenceService per model with the same
 * rules as a single InferenceService.
 */
import { z } from "zod";
import type { BuildContext, BuildResult } from "../context";
import { onFirstUse } from "../first-use";
import { defineConcept } from "../pipeline";
import { factsOf } from "../plan";
import type { EmitPlan } from "../plan";
import type { IssueDraft, Issue } from "../errors";
import { locate } from "../errors";
import type { Manifest } from "../k8s";
import { withFix } from "../schema";
import { isRecord } from "../canonical";
import { runRules } from "../rules/registry";
import { checkedHandle } from "../rules/common";
import { mergeTargetProps } from "../target/resolve";
import type { TargetProps } from "../target/props";
import { formatVersion } from "../engine/schema";
import type { RuntimeInfo } from "../runtime/ref";
import { runtimeMultiModel } from "../runtime/ref";
import type { InferenceServiceProps } from "../service/props";
import type { ServiceHandle } from "../service/build";
import { buildInferenceService } from "../service/build";
import { targetSchema } from "../target/schema";
import { modelLocation, runtimeRef } from "../service/schema";
import { servingRuntime } from "../serving/build";
import type { FleetModelProps, FleetServiceProps, ModelFleetProps } from "./props";
import type { FleetModelSubject } from "./rules";
import { fleetDuplicateNameRule, fleetModeRule, fleetNameCollisionRule, fleetStorageRule, isServing, resolveFleetModels } from "./rules";

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

/** The fleet's rules over its models, in order, for each model (so that problems read model by model). */
function checkModels(models: readonly FleetModelSubject[]): IssueDraft[] {
  return models.flatMap((m) => [...runRules([fleetDuplicateNameRule, fleetNameCollisionRule], m), ...runRules([fleetStorageRule], { model: m }), ...runRules([fleetModeRule], m)]);
}

/** A fleet's props resolved: its models with their names, and where their InferenceServices go. */
interface FleetSpec {
  readonly models: readonly FleetModelSubject[];
  readonly namespace?: string;
  /** The target the InferenceServices are built for (the context's, overridden by the fleet's). */
  readonly target: TargetProps;
  /**
   * The findings of the fleet's model rules, run once on first use: the rule entry reports them, and
   * render skips the models they concern (the others are built, so that their problems show too).
   */
  readonly modelFindings: () => readonly IssueDraft[];
}

/** The ModelFleet concept: the storage screened, the models resolved together, their rules, then one InferenceService build per model. */
const modelFleetConcept = defineConcept<ModelFleetProps, FleetSpec, FleetHandle, ModelFleetProps, readonly ServiceHandle[]>({
  name: "model-fleet",
  // a storage without path(): reported before the schema, which would name the same prop less helpfully
  screen: (given) => runRules([fleetStorageRule], { storage: given !== null && typeof given === "object" ? (given as Partial<ModelFleetProps>).storage : undefined }),
  schema: fleetSchema,
  resolve: (p, ctx) => {
    const models = resolveFleetModels(p);
    const namespace = p.namespace ?? ctx.namespace;
    return { models, ...(namespace !== undefined ? { namespace } : {}), target: mergeTargetProps(ctx.target, p.target), modelFindings: onFirstUse(() => checkModels(models)) };
  },
  rules: [{ name: "models", stopsRender: false, check: (spec) => spec.modelFindings() }],
  render: ({ models, namespace, target, modelFindings }, p, ctx) => {
    const issues: Issue[] = [];
    const manifests: Manifest[] = [];
    const services: ServiceHandle[] = [];
    const plans: EmitPlan[] = [];
    const serving = isServing(p.engine) ? p.engine.serving : undefined;
    const broken = new Set(modelFindings().map((d) => d.path.slice(0, d.path.indexOf("]") + 1)));
    p.models.forEach((m, i) => {
      if (broken.has(`models[${i}]`)) return;
      const name = (models[i] as FleetModelSubject).isvcName;
      let runtime: RuntimeInfo = p.engine.runtime;
      if (serving !== undefined && m.mode !== undefined && m.mode !== serving.mode) {
        const chosen = servingRuntime(serving, m.mode, `models[${i}].mode`);
        issues.push(...locate(ctx.where, chosen.issues));
        if (chosen.runtime === undefined) return;
        runtime = chosen.runtime;
      }
      const settings = merge(p.defaults, runtimeMultiModel(runtime) !== true ? p.singleModelDefaults : undefined, m.overrides);
      const format = typeof m.format === "string" ? { name: m.format } : m.format;
      const location = m.location ?? (p.storage as NonNullable<ModelFleetProps["storage"]>).path(m.path as string);
      // Object.assign rather than a spread: V8 gives each `{ ...settings, name }` a map of its own, and
      // thousands of shapes make every read of the props (the schema's first) megamorphic
      const serviceProps: InferenceServiceProps = Object.assign({}, settings, {
        name,
        ...(namespace !== undefined ? { namespace } : {}),
        engine: checkedHandle({ runtime }),
        model: location,
        ...(format !== undefined ? { modelFormat: format } : {}),
      });
      const result = buildInferenceService(serviceProps, { where: `${ctx.where}/${name}`, defaultName: name, ...(namespace !== undefined ? { namespace } : {}), target, ...(ctx.registry !== undefined ? { registry: ctx.registry } : {}), ...(ctx.reviewManifestFindings !== undefined ? { reviewManifestFindings: ctx.reviewManifestFindings } : {}) });
      issues.push(...result.issues);
      manifests.push(...result.manifests);
      plans.push(result.plan);
      services.push(result.handle);
    });
    // each InferenceService build claimed its own name
    return { manifests, facts: factsOf(...plans), issues, claimed: true, parts: services };
  },
  handle: ({ rendered, valid }, ctx) => ({ where: ctx.where, valid, services: rendered?.parts ?? [] }),
  fallback: (ctx) => ({ where: ctx.where, valid: false, services: [] }),
});

/** Builds a ModelFleet from props: `{ manifests, issues, handle }`; never throws (bad input and unexpected exceptions come back as issues). */
export const buildModelFleet: (props: ModelFleetProps, ctx: BuildContext) => BuildResult<FleetHandle> = modelFleetConcept.build;
