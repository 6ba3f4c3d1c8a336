/**
 * InferenceServices in ModelMesh mode. ModelMesh reads only the model's format, its runtime and its
 * storage (`pkg/predictor_source/inferenceservice_registry.go`); the models run inside the runtime's
 * shared pods. Everything else an InferenceService can say would be silently ignored, so it is an error.
 */
import type { IssueDraft } from "../errors";
import type { InferenceServiceProps } from "../service/props";
import { runRules } from "../rules/registry";
import { MODELMESH_MODEL_FIELDS } from "./constants";
import { MODELMESH_PROPS_RULES } from "./rules";

export { MODELMESH_MODEL_FIELDS, MODELMESH_URI_SCHEMES } from "./constants";

/** The predictor of a ModelMesh InferenceService: the model fields ModelMesh reads, nothing else. */
export function modelMeshPredictor(model: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of MODELMESH_MODEL_FIELDS) if (model[key] !== undefined) picked[key] = model[key];
  return { model: picked };
}

/** Props rules of a ModelMesh InferenceService: every prop set is one ModelMesh reads (the target's ModelMesh is a manifest rule); see {@link MODELMESH_PROPS_RULES}. */
export function checkModelMeshProps(props: InferenceServiceProps): IssueDraft[] {
  return runRules(MODELMESH_PROPS_RULES, props);
}
