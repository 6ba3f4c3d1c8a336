/**
 * The ajv set-up shared by `lint`'s schema validation and the project's conformance tests. Kept apart from
 * validate.ts so that the published declarations of the lint API do not reference ajv's types.
 */
import Ajv from "ajv";
import type { SchemaValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { CHECKED_FORMATS, isJsonObject } from "./convert";

/**
 * The `duration` format as the API server checks it: Go durations ("1h30m", "24h", "500ms"), also with the
 * unit words of the OpenAPI validator it uses (sec, mins, hours, days, weeks, ...).
 */
const DURATION_RE =
  /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)\s*(?:ns|us|µs|μs|ms|s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\s*)+)$/;

const listMapKeys: SchemaValidateFunction = (spec: unknown, data: unknown): boolean => {
  listMapKeys.errors = [];
  if (!isJsonObject(spec) || !Array.isArray(spec["keys"]) || !Array.isArray(data)) return true;
  const keys = (spec["keys"] as unknown[]).map(String);
  const defaults = isJsonObject(spec["defaults"]) ? spec["defaults"] : {};
  const seen = new Map<string, number>();
  data.forEach((item: unknown, index: number) => {
    if (!isJsonObject(item)) return;
    const tuple = keys.map((k) => `${k}=${JSON.stringify(item[k] ?? defaults[k] ?? null)}`).join(", ");
    const first = seen.get(tuple);
    if (first === undefined) seen.set(tuple, index);
    else listMapKeys.errors?.push({ keyword: "k8sListMapKeys", params: { index }, message: `duplicate entry with ${tuple} (same key as [${first}]; x-kubernetes-list-type: map)` });
  });
  return listMapKeys.errors.length === 0;
};

/**
 * An ajv instance that validates converted schemas as the API server does: all errors, RE2-style patterns
 * (no `u` flag), the checked formats (see `CHECKED_FORMATS`) and the `k8sListMapKeys` keyword. Also used by
 * the project's conformance tests, so that both check the same way.
 */
export function newSchemaAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, inlineRefs: false, messages: false, code: { optimize: false } });
  addFormats(ajv, CHECKED_FORMATS.filter((f) => f !== "duration"));
  ajv.addFormat("duration", DURATION_RE);
  ajv.addKeyword({ keyword: "k8sListMapKeys", type: "array", schemaType: "object", errors: true, validate: listMapKeys });
  return ajv;
}
