/**
 * ModelServing rules: the mode asked for has a runtime, each runtime is of the kind its mode needs, and
 * the two runtimes serve the same formats (so that a model can switch mode).
 */
import { defineRule } from "../rules/registry";
import { runtimeFormats, runtimeMultiModel } from "../runtime/ref";
import type { ModelServingHandle, ServingMode } from "./props";

/** How each mode's runtime is named in messages. */
export const SERVING_MODE_RUNTIME: Readonly<Record<ServingMode, string>> = { single: "single-model", multi: "multi-model (ModelMesh)" };

/** What the mode rules look at: a ModelServing, the mode asked for, and the prop that asks. */
export interface ServingModeSubject {
  /** The ModelServing. */
  readonly serving: ModelServingHandle;
  /** The mode asked for. */
  readonly mode: ServingMode;
  /** The prop path of the request (`mode`, or a fleet model's `models[i].mode`). */
  readonly path: string;
}

/** The mode asked for has a runtime in the ModelServing. */
export const servingMissingRuntimeRule = defineRule<ServingModeSubject>({
  id: "serving/missing-runtime",
  severity: "error",
  summary: "The mode a ModelServing (or one model of a fleet) asks for has a runtime of that kind in the ModelServing.",
  why: "Without a runtime for the mode, the model's InferenceService would name no runtime that can serve it, and KServe or ModelMesh would never make it ready.",
  fix: "give the ModelServing a runtime for the mode, or use the other mode",
  on: "props",
  check: ({ serving, mode, path }) =>
    serving[mode] !== undefined
      ? []
      : [
          {
            path,
            value: mode,
            message: `mode "${mode}" needs a ${SERVING_MODE_RUNTIME[mode]} runtime, and ModelServing ${serving.where} has none`,
            fix: `give the ModelServing ${mode}: <a ${SERVING_MODE_RUNTIME[mode]} engine>, or use mode "${mode === "single" ? "multi" : "single"}"`,
          },
        ],
});

/** Each runtime of a ModelServing is of the kind its mode needs. */
export const servingRuntimeKindRule = defineRule<{ readonly serving: ModelServingHandle }>({
  id: "serving/runtime-kind",
  severity: "error",
  summary: "The single-model runtime of a ModelServing is a single-model runtime, and the multi-model one a multi-model (ModelMesh) runtime.",
  why: "KServe picks runtimes by kind: a single-model InferenceService never runs on a multiModel runtime, and ModelMesh serves only multiModel runtimes, so a model switched to that mode would find no runtime.",
  fix: "give each mode a runtime of its kind",
  on: "props",
  check: ({ serving }) =>
    (["single", "multi"] as const).flatMap((m) => {
      const r = serving[m];
      if (r === undefined || !r.valid) return [];
      const multi = runtimeMultiModel(r);
      if (multi === undefined || multi === (m === "multi")) return [];
      return [
        {
          path: m,
          value: r.name,
          message: `runtime "${r.name}" is a ${multi ? "multi-model" : "single-model"} runtime, given as the ${SERVING_MODE_RUNTIME[m]} one`,
          fix: m === "multi" ? "give a runtime with multiModel (ModelMeshRuntimes.*, or an engine with multiModel)" : "give a single-model runtime",
        },
      ];
    }),
});

/** The two runtimes of a ModelServing serve the same formats. */
export const servingFormatsRule = defineRule<{ readonly serving: ModelServingHandle }>({
  id: "serving/formats",
  severity: "warning",
  summary: "The single-model and multi-model runtimes of a ModelServing serve the same model formats (name and version).",
  why: "A model moves between the modes by switching runtime; a format only one of them serves makes the other runtime refuse the model (no runtime supports its format), so the switch fails on the cluster.",
  fix: "give both runtimes the same model formats (name and version)",
  on: "props",
  check: ({ serving }) => {
    const single = serving.single !== undefined ? runtimeFormats(serving.single) : undefined;
    const multi = serving.multi !== undefined ? runtimeFormats(serving.multi) : undefined;
    if (single === undefined || multi === undefined) return [];
    const key = (f: { name: string; version?: string }): string => (f.version === undefined ? f.name : `${f.name}:${f.version}`);
    const a = new Set(single.map(key));
    const b = new Set(multi.map(key));
    const onlySingle = [...a].filter((f) => !b.has(f)).sort();
    const onlyMulti = [...b].filter((f) => !a.has(f)).sort();
    if (onlySingle.length === 0 && onlyMulti.length === 0) return [];
    return [
      {
        path: "multi",
        value: { single: onlySingle, multi: onlyMulti },
        message: `the two runtimes serve different formats (${[...(onlySingle.length > 0 ? [`only single-model: ${onlySingle.join(", ")}`] : []), ...(onlyMulti.length > 0 ? [`only multi-model: ${onlyMulti.join(", ")}`] : [])].join("; ")}), so models of those formats cannot switch mode`,
      },
    ];
  },
});
