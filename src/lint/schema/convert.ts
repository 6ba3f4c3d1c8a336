/**
 * Turns a CustomResourceDefinition's `openAPIV3Schema` into a compact JSON schema that ajv validates the
 * way the Kubernetes API server validates structural schemas with `kubectl apply --validate=strict`:
 *
 * - objects with `properties` reject unknown keys unless they declare `additionalProperties` or
 *   `x-kubernetes-preserve-unknown-fields: true`;
 * - `x-kubernetes-int-or-string` accepts an integer or a string; `nullable: true` allows null;
 * - `x-kubernetes-embedded-resource` requires `apiVersion` and `kind`;
 * - `x-kubernetes-list-type: set` means unique items, `map` unique `x-kubernetes-list-map-keys`
 *   (keyword `k8sListMapKeys`);
 * - OpenAPI 3.0 boolean `exclusiveMinimum/Maximum` become JSON-schema numbers.
 *
 * Descriptions, defaults and examples are dropped, CEL rules are set aside (CEL cannot be evaluated here;
 * `convertCrdVersions` lists them), and identical
 * sub-schemas (the many copies of Container, Volume, Affinity inside an InferenceService) are stored once
 * under `definitions` and referenced with `$ref`; definitions are named by the hash of their content,
 * so the same sub-schema has the same name in every CRD and release. The root `metadata` is a free-form
 * object (lint checks names itself). Pure: no I/O.
 */
import { createHash } from "crypto";

/** A JSON object. */
export type JsonObject = { [key: string]: unknown };

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const COPIED_KEYWORDS = new Set(["type", "required", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "format"]);

/** Formats the validator checks; any other format is accepted as is. */
export const CHECKED_FORMATS = ["date-time", "date", "byte", "int32", "int64", "float", "double", "uuid", "ipv4", "ipv6", "duration"] as const;

function isPlainIntOrStringAnyOf(value: unknown): boolean {
  return Array.isArray(value) && value.every((b) => isJsonObject(b) && Object.keys(b).length === 1 && (b["type"] === "integer" || b["type"] === "string"));
}

/** A CEL validation rule of a CRD (`x-kubernetes-validations`), which the converted schema cannot evaluate. */
export interface CelRule {
  /** Where the rule is attached, e.g. `spec.source` or `spec.draResources[*]` (`.` for the root). */
  readonly path: string;
  /** The CEL expression. */
  readonly rule: string;
  /**
   * Its message (or message expression).
   * @default none
   */
  readonly message?: string;
}

function joinPath(base: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;
}

function celRulesOf(schema: JsonObject, at: string, out: CelRule[]): void {
  const rules = schema["x-kubernetes-validations"];
  if (!Array.isArray(rules)) return;
  for (const rule of rules) {
    if (!isJsonObject(rule) || typeof rule["rule"] !== "string") continue;
    const message = typeof rule["message"] === "string" ? rule["message"] : typeof rule["messageExpression"] === "string" ? rule["messageExpression"] : undefined;
    out.push({ path: at || ".", rule: rule["rule"], ...(message !== undefined ? { message } : {}) });
  }
}

/**
 * `inBranch`: inside anyOf/oneOf/allOf/not, where `properties` only add value validations and must not
 * close the object. `at` is the field path, for the CEL rules collected into `cel`.
 */
function convert(schema: unknown, inBranch: boolean, at: string, cel: CelRule[]): JsonObject {
  if (!isJsonObject(schema)) return {};
  celRulesOf(schema, at, cel);
  const out: JsonObject = {};
  const preserveUnknown = schema["x-kubernetes-preserve-unknown-fields"] === true;
  const intOrString = schema["x-kubernetes-int-or-string"] === true;
  for (const key of Object.keys(schema).sort()) {
    const value = schema[key];
    if (COPIED_KEYWORDS.has(key)) {
      if (key === "format" && !(CHECKED_FORMATS as readonly string[]).includes(String(value))) continue;
      out[key] = value;
    } else if (key === "properties" && isJsonObject(value)) {
      const props: JsonObject = {};
      for (const name of Object.keys(value).sort()) props[name] = convert(value[name], inBranch, joinPath(at, name), cel);
      out["properties"] = props;
    } else if (key === "items" && isJsonObject(value)) {
      out["items"] = convert(value, inBranch, `${at}[*]`, cel);
    } else if (key === "additionalProperties") {
      out["additionalProperties"] = isJsonObject(value) ? convert(value, inBranch, `${at}[*]`, cel) : value;
    } else if ((key === "anyOf" || key === "oneOf" || key === "allOf") && Array.isArray(value)) {
      if (!(intOrString && isPlainIntOrStringAnyOf(value))) out[key] = value.map((branch) => convert(branch, true, at, cel));
    } else if (key === "not" && isJsonObject(value)) {
      out["not"] = convert(value, true, at, cel);
    }
  }
  if (schema["x-kubernetes-list-type"] === "set") out["uniqueItems"] = true;
  const mapKeys = schema["x-kubernetes-list-map-keys"];
  if (schema["x-kubernetes-list-type"] === "map" && Array.isArray(mapKeys) && mapKeys.length > 0) {
    // key fields with a default (ports[].protocol: TCP) are compared defaulted, as the API server does
    const items = schema["items"];
    const itemProps = isJsonObject(items) && isJsonObject(items["properties"]) ? items["properties"] : {};
    const defaults: JsonObject = {};
    for (const k of mapKeys.map(String)) {
      const keySchema = itemProps[k];
      if (isJsonObject(keySchema) && keySchema["default"] !== undefined) defaults[k] = keySchema["default"];
    }
    out["k8sListMapKeys"] = { keys: mapKeys.map(String), defaults };
  }
  if (intOrString) out["type"] = ["integer", "string"];
  for (const [exclusive, limit] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    const flag = schema[exclusive];
    if (flag === true && typeof out[limit] === "number") {
      out[exclusive] = out[limit];
      delete out[limit];
    } else if (typeof flag === "number") out[exclusive] = flag;
  }
  if (schema["nullable"] === true) {
    const type = out["type"];
    if (typeof type === "string") out["type"] = [type, "null"];
    else if (Array.isArray(type)) out["type"] = [...type, "null"];
    const e = out["enum"];
    if (Array.isArray(e) && !e.includes(null)) out["enum"] = [...e, null];
  }
  if (schema["x-kubernetes-embedded-resource"] === true) {
    const props = isJsonObject(out["properties"]) ? out["properties"] : {};
    out["properties"] = { apiVersion: { minLength: 1, type: "string" }, kind: { minLength: 1, type: "string" }, metadata: { type: "object" }, ...props };
    const required = Array.isArray(out["required"]) ? (out["required"] as unknown[]) : [];
    out["required"] = [...new Set([...required, "apiVersion", "kind"])];
  }
  if (isJsonObject(out["properties"]) && out["additionalProperties"] === undefined && !preserveUnknown && !inBranch) out["additionalProperties"] = false;
  return out;
}

const MAP_KEYWORDS = new Set(["properties"]);
const ONE_KEYWORDS = new Set(["items", "additionalProperties", "not"]);
const LIST_KEYWORDS = new Set(["anyOf", "oneOf", "allOf"]);
/** Sub-schemas of at least this many nodes are shared when they repeat. */
const MIN_SHARED_NODES = 4;
/**
 * Sub-schemas of at least this many nodes are stored as definitions even when used once: the same
 * Container or Volume schema then has the same name in every release's CRD, and the generator stores it once.
 */
const MIN_NAMED_NODES = 24;

/** Stores repeated sub-schemas once in `definitions` (named by order of first use, so output is stable). */
function hoistDuplicates(root: JsonObject): JsonObject {
  const idByKey = new Map<string, number>();
  const idOf = new Map<JsonObject, number>();
  const counts: number[] = [];
  const sizes: number[] = [];
  const visit = (node: JsonObject): number => {
    const shallow: JsonObject = {};
    let size = 1;
    const ref = (child: JsonObject): string => {
      const id = visit(child);
      size += sizes[id] ?? 1;
      return `#${id}`;
    };
    for (const [key, value] of Object.entries(node)) {
      if (MAP_KEYWORDS.has(key) && isJsonObject(value)) {
        const m: JsonObject = {};
        for (const [name, child] of Object.entries(value)) m[name] = isJsonObject(child) ? ref(child) : child;
        shallow[key] = m;
      } else if (ONE_KEYWORDS.has(key) && isJsonObject(value)) shallow[key] = ref(value);
      else if (LIST_KEYWORDS.has(key) && Array.isArray(value)) shallow[key] = value.map((c: unknown) => (isJsonObject(c) ? ref(c) : c));
      else shallow[key] = value;
    }
    const key = JSON.stringify(shallow);
    let id = idByKey.get(key);
    if (id === undefined) {
      id = counts.length;
      idByKey.set(key, id);
      counts.push(0);
      sizes.push(size);
    }
    counts[id] = (counts[id] ?? 0) + 1;
    idOf.set(node, id);
    return id;
  };
  visit(root);
  const definitions: JsonObject = {};
  const names = new Map<number, string>();
  const build = (node: JsonObject, isRoot: boolean): JsonObject => {
    const id = idOf.get(node);
    const size = id === undefined ? 0 : (sizes[id] ?? 0);
    if (!isRoot && id !== undefined && (((counts[id] ?? 0) > 1 && size >= MIN_SHARED_NODES) || size >= MIN_NAMED_NODES)) {
      let name = names.get(id);
      if (name === undefined) {
        const body = rebuild(node);
        // named by content, so that identical sub-schemas of different CRDs and releases share a name
        name = `h${createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 14)}`;
        names.set(id, name);
        definitions[name] = body;
      }
      return { $ref: `#/definitions/${name}` };
    }
    return rebuild(node);
  };
  const rebuild = (node: JsonObject): JsonObject => {
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (MAP_KEYWORDS.has(key) && isJsonObject(value)) {
        const m: JsonObject = {};
        for (const [name, child] of Object.entries(value)) m[name] = isJsonObject(child) ? build(child, false) : child;
        out[key] = m;
      } else if (ONE_KEYWORDS.has(key) && isJsonObject(value)) out[key] = build(value, false);
      else if (LIST_KEYWORDS.has(key) && Array.isArray(value)) out[key] = value.map((c: unknown) => (isJsonObject(c) ? build(c, false) : c));
      else out[key] = value;
    }
    return out;
  };
  const result = build(root, true);
  if (Object.keys(definitions).length > 0) result["definitions"] = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]));
  return result;
}

/** One served version of a CRD, converted. */
export interface CrdSchema {
  /** API group, e.g. `serving.kserve.io`. */
  readonly group: string;
  /** Version, e.g. `v1beta1`. */
  readonly version: string;
  /** Kind, e.g. `InferenceService`. */
  readonly kind: string;
  /** `Namespaced` or `Cluster`. */
  readonly scope: string;
  /** The compact JSON schema. */
  readonly schema: JsonObject;
}

/** One version of a CRD, converted, with what the schema itself cannot say. */
export interface ConvertedCrdVersion extends CrdSchema {
  /** False for a version the CRD lists but does not serve. */
  readonly served: boolean;
  /** True for a version marked deprecated. */
  readonly deprecated: boolean;
  /** The CEL rules of the version's schema (not evaluated by the converted schema). */
  readonly celRules: readonly CelRule[];
}

/** Every version of a parsed CRD document (served or not) with its CEL rules; empty when `doc` is not a CRD. */
export function convertCrdVersions(doc: unknown): ConvertedCrdVersion[] {
  if (!isJsonObject(doc) || doc["kind"] !== "CustomResourceDefinition" || !isJsonObject(doc["spec"])) return [];
  const spec = doc["spec"];
  const names = spec["names"];
  const group = spec["group"];
  if (typeof group !== "string" || !isJsonObject(names) || typeof names["kind"] !== "string") return [];
  const kind = names["kind"];
  const scope = typeof spec["scope"] === "string" ? spec["scope"] : "Namespaced";
  const out: ConvertedCrdVersion[] = [];
  for (const v of Array.isArray(spec["versions"]) ? spec["versions"] : []) {
    if (!isJsonObject(v) || typeof v["name"] !== "string") continue;
    const raw = isJsonObject(v["schema"]) ? v["schema"]["openAPIV3Schema"] : undefined;
    if (raw === undefined) continue;
    const celRules: CelRule[] = [];
    const schema = convert(raw, false, "", celRules);
    const props = isJsonObject(schema["properties"]) ? schema["properties"] : {};
    schema["properties"] = { ...props, metadata: { type: "object" } };
    if (schema["additionalProperties"] === undefined) schema["additionalProperties"] = false;
    out.push({ group, version: v["name"], kind, scope, schema: hoistDuplicates(schema), served: v["served"] !== false, deprecated: v["deprecated"] === true, celRules });
  }
  return out;
}

/** The converted schemas of every served version of a parsed CRD document; empty when `doc` is not a CRD. */
export function convertCrd(doc: unknown): CrdSchema[] {
  return convertCrdVersions(doc)
    .filter((v) => v.served)
    .map(({ group, version, kind, scope, schema }) => ({ group, version, kind, scope, schema }));
}
