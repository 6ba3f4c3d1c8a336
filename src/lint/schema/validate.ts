/**
 * Strict schema validation of custom resources against the shipped compact CRD schemas (or CRDs given
 * with `--crds`), and of the core kinds lint reads (Secret, ServiceAccount, ...), with ajv (set up in
 * ./ajv.ts). Unknown fields are errors, as with `kubectl apply --validate=strict`.
 */
import * as fs from "fs";
import * as path from "path";
import type Ajv from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";
import { parseAllDocuments } from "yaml";
import type { CrdSchema, JsonObject } from "./convert";
import { convertCrd, isJsonObject } from "./convert";
import { newSchemaAjv } from "./ajv";

/** One schema problem: where (path segments from the object root) and what. */
export interface SchemaProblem {
  /** Path segments from the object root (keys and array indexes). */
  readonly segments: ReadonlyArray<string | number>;
  /** What is wrong. */
  readonly message: string;
  /** The value found there (`undefined` for a missing field). */
  readonly value: unknown;
}

interface Entry {
  readonly scope: string;
  /** The shipped schema file (validators of shipped files are compiled once per process). */
  readonly file?: string;
  readonly load: () => JsonObject;
  validate?: ValidateFunction;
}

let sharedAjv: Ajv | undefined;
const compiledShipped = new Map<string, ValidateFunction>();

const SHIPPED_DIR = path.join(__dirname, "..", "schemas");

/** The schemas of one CRD set, plus CRDs added with `--crds`; validators are compiled on first use. */
export class SchemaSet {
  private readonly entries = new Map<string, Entry>();
  private ajv: Ajv | undefined;

  /** `name`: a shipped set (see `CRD_SETS`); `extra`: converted CRDs that add to or override it. */
  constructor(public readonly name: string, extra: readonly CrdSchema[] = []) {
    const index = readShippedIndex();
    const set = index[name];
    if (set === undefined) throw new Error(`no shipped CRD set "${name}"`);
    for (const [key, { file, scope }] of Object.entries(set)) {
      this.entries.set(key, { scope, file, load: () => withDefinitions(JSON.parse(fs.readFileSync(path.join(SHIPPED_DIR, file), "utf8")) as JsonObject) });
    }
    for (const crd of extra) this.entries.set(crd.group === "" ? `${crd.version}/${crd.kind}` : `${crd.group}/${crd.version}/${crd.kind}`, { scope: crd.scope, load: () => crd.schema });
  }

  /** True when the set has a schema for `apiVersion` + `kind`. */
  has(apiVersion: string, kind: string): boolean {
    return this.entries.has(`${apiVersion}/${kind}`);
  }

  /** True when the set has a schema for `group` (`""` for the core API) and `kind` in any version. */
  knowsKind(group: string, kind: string): boolean {
    return this.versionsOf(group, kind).length > 0;
  }

  /** The versions the set has for `group` (`""` for the core API) + `kind`. */
  versionsOf(group: string, kind: string): string[] {
    const out: string[] = [];
    for (const key of this.entries.keys()) {
      // keys: group/version/Kind, or version/Kind for the core API
      const parts = key.split("/");
      const [g, v, k] = parts.length === 2 ? ["", parts[0], parts[1]] : parts;
      if (g === group && k === kind && v !== undefined) out.push(v);
    }
    return out;
  }

  /** `Cluster` or `Namespaced`, if the set has the kind. */
  scopeOf(apiVersion: string, kind: string): string | undefined {
    return this.entries.get(`${apiVersion}/${kind}`)?.scope;
  }

  /** Validates `object` against its schema; `undefined` when the set has no schema for it. */
  validate(object: JsonObject, apiVersion: string, kind: string): SchemaProblem[] | undefined {
    const entry = this.entries.get(`${apiVersion}/${kind}`);
    if (entry === undefined) return undefined;
    if (entry.validate === undefined) {
      if (entry.file !== undefined) {
        let compiled = compiledShipped.get(entry.file);
        if (compiled === undefined) {
          sharedAjv ??= newSchemaAjv();
          compiled = sharedAjv.compile(entry.load());
          compiledShipped.set(entry.file, compiled);
        }
        entry.validate = compiled;
      } else {
        this.ajv ??= newSchemaAjv();
        entry.validate = this.ajv.compile(entry.load());
      }
    }
    if (entry.validate(object)) return [];
    return describeErrors(entry.validate.errors ?? [], object);
  }
}

let shippedIndex: Record<string, Record<string, { file: string; scope: string }>> | undefined;

function readShippedIndex(): Record<string, Record<string, { file: string; scope: string }>> {
  shippedIndex ??= (JSON.parse(fs.readFileSync(path.join(SHIPPED_DIR, "index.json"), "utf8")) as { sets: Record<string, Record<string, { file: string; scope: string }>> }).sets;
  return shippedIndex;
}

let shippedDefinitions: Record<string, JsonObject> | undefined;

/** A shipped root schema with the shared definitions it references (transitively). */
function withDefinitions(root: JsonObject): JsonObject {
  shippedDefinitions ??= JSON.parse(fs.readFileSync(path.join(SHIPPED_DIR, "definitions.json"), "utf8")) as Record<string, JsonObject>;
  const pool = shippedDefinitions;
  const used: Record<string, JsonObject> = {};
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isJsonObject(value)) {
      const ref = value["$ref"];
      if (typeof ref === "string" && ref.startsWith("#/definitions/")) {
        const name = ref.slice("#/definitions/".length);
        const body = pool[name];
        if (body !== undefined && used[name] === undefined) {
          used[name] = body;
          visit(body);
        }
      }
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(root);
  return { ...root, definitions: used };
}

/** Reads every CRD in a folder (recursively) or file, for `--crds`. Throws with the file name on bad YAML. */
export function readCrds(location: string): CrdSchema[] {
  const stat = fs.statSync(location);
  const files = stat.isDirectory() ? listFiles(location) : [location];
  const out: CrdSchema[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const docs = file.endsWith(".json") ? [JSON.parse(text) as unknown] : parseAllDocuments(text).map((d) => {
      if (d.errors.length > 0) throw new Error(`${file}: ${d.errors[0]?.message ?? "YAML error"}`);
      return d.toJS({ maxAliasCount: -1 }) as unknown;
    });
    for (const doc of docs) out.push(...convertCrd(doc));
  }
  return out;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (/\.(ya?ml|json)$/.test(entry.name)) out.push(full);
  }
  return out;
}

function toSegments(pointer: string, data: unknown): Array<string | number> {
  if (pointer === "") return [];
  const segments: Array<string | number> = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(current) && /^\d+$/.test(token)) {
      segments.push(Number(token));
      current = current[Number(token)];
    } else {
      segments.push(token);
      current = isJsonObject(current) ? current[token] : undefined;
    }
  }
  return segments;
}

function valueAt(data: unknown, segments: ReadonlyArray<string | number>): unknown {
  let current: unknown = data;
  for (const s of segments) current = typeof s === "number" ? (Array.isArray(current) ? current[s] : undefined) : isJsonObject(current) ? current[s] : undefined;
  return current;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** ajv errors as problems: one type message per path (anyOf branches merged), summaries dropped. */
function describeErrors(errors: readonly ErrorObject[], data: unknown): SchemaProblem[] {
  const typesAt = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== "type") continue;
    const list = typesAt.get(e.instancePath) ?? [];
    const t = e.params["type"] as unknown;
    for (const x of Array.isArray(t) ? t : [t]) if (!list.includes(String(x))) list.push(String(x));
    typesAt.set(e.instancePath, list);
  }
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const segments = toSegments(e.instancePath, data);
    const value = valueAt(data, segments);
    const p = e.params as Record<string, unknown>;
    let problem: SchemaProblem | undefined;
    const types = typesAt.get(e.instancePath);
    if (types !== undefined) {
      if (e.keyword === "type") problem = { segments, value, message: `expected ${types.join(" or ")}, got ${jsonType(value)}` };
    } else {
      switch (e.keyword) {
        case "additionalProperties": {
          const field = String(p["additionalProperty"]);
          problem = { segments: [...segments, field], value: isJsonObject(value) ? value[field] : undefined, message: `unknown field "${field}"` };
          break;
        }
        case "required": {
          const field = String(p["missingProperty"]);
          problem = { segments: [...segments, field], value: undefined, message: `missing required field "${field}"` };
          break;
        }
        case "enum":
          problem = { segments, value, message: `must be one of ${(Array.isArray(p["allowedValues"]) ? p["allowedValues"] : []).map((v) => short(v)).join(", ")}` };
          break;
        case "pattern":
          problem = { segments, value, message: `does not match the pattern ${String(p["pattern"])}` };
          break;
        case "format":
          problem = { segments, value, message: `is not a valid ${String(p["format"])}` };
          break;
        case "minimum":
        case "maximum":
        case "exclusiveMinimum":
        case "exclusiveMaximum":
          problem = { segments, value, message: `must be ${String(p["comparison"])} ${String(p["limit"])}` };
          break;
        case "minLength":
          problem = { segments, value, message: `must be at least ${String(p["limit"])} characters` };
          break;
        case "maxLength":
          problem = { segments, value, message: `must be at most ${String(p["limit"])} characters` };
          break;
        case "minItems":
          problem = { segments, value, message: `must have at least ${String(p["limit"])} items` };
          break;
        case "maxItems":
          problem = { segments, value, message: `must have at most ${String(p["limit"])} items` };
          break;
        case "uniqueItems":
          problem = { segments, value, message: `duplicate items at [${String(p["j"])}] and [${String(p["i"])}]` };
          break;
        case "k8sListMapKeys":
          problem = { segments: [...segments, Number(p["index"])], value: valueAt(data, [...segments, Number(p["index"])]), message: e.message ?? "duplicate list entry" };
          break;
        case "anyOf":
        case "oneOf": {
          // reported only when no error of a branch explains it (a branch's own errors say more)
          const explained = errors.some((o) => o !== e && o.keyword !== "anyOf" && o.keyword !== "oneOf" && (o.instancePath === e.instancePath || o.instancePath.startsWith(`${e.instancePath}/`)));
          const passing = p["passingSchemas"];
          if (Array.isArray(passing)) problem = { segments, value, message: `matches ${passing.length} of the forms the schema allows only one of (${e.keyword})` };
          else if (!explained) problem = { segments, value, message: `matches none of the forms the schema allows (${e.keyword})` };
          break;
        }
        case "if":
          break;
        case "not":
          problem = { segments, value, message: "has a form the schema forbids" };
          break;
        default:
          problem = { segments, value, message: `fails ${e.keyword}` };
      }
    }
    if (problem === undefined) continue;
    const key = `${JSON.stringify(problem.segments)} ${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}
