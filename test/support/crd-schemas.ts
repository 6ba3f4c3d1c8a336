/**
 * Loads the upstream CustomResourceDefinitions in ../shared/crds and compiles
 * their openAPIV3Schema with ajv, translated to the rules the Kubernetes API
 * server applies to structural schemas:
 *
 * - objects with `properties` reject unknown keys (`additionalProperties:
 *   false`) unless they have `additionalProperties` or
 *   `x-kubernetes-preserve-unknown-fields: true` (kubectl --validate=strict);
 * - `x-kubernetes-int-or-string` accepts an integer or a string;
 * - `nullable: true` allows null, otherwise null is a type error;
 * - `x-kubernetes-embedded-resource` requires apiVersion and kind;
 * - `x-kubernetes-list-type: set` means unique items, `map` means unique
 *   `x-kubernetes-list-map-keys`;
 * - OpenAPI 3.0 boolean `exclusiveMinimum/Maximum` are converted;
 * - `format`: date-time, date, byte, int32, int64, float, double, uuid, ipv4
 *   and ipv6 are checked (ajv-formats), `duration` as a Go duration, any
 *   other format is accepted;
 * - CEL rules (`x-kubernetes-validations`) cannot be evaluated here: they are
 *   removed and made available through `celRules`.
 *
 * The root `metadata` is replaced by a free-form object: conformance.ts
 * checks it as an ObjectMeta.
 *
 * Speed: only the CRD file of the requested kind is parsed (an index is built
 * from the first lines of each file), descriptions are dropped, and identical
 * sub-schemas (the many copies of Container, Volume, Affinity, ... inside an
 * InferenceService) are compiled once through `$ref`. Compiled validators are
 * cached per process. Jest gives every test file a fresh module registry, so
 * the converted schemas are also cached as JSON in
 * node_modules/.cache/kserve-constructs-conformance, keyed by a hash of the
 * CRD file and of this source file; KSERVE_CONFORMANCE_CACHE=0 disables that.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import Ajv, { SchemaValidateFunction, ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse, parseAllDocuments } from "yaml";
import { isJsonObject, JsonObject } from "./problem-format";

function findProjectRoot(start: string): string {
  let dir = start;
  let firstPackage: string | undefined;
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      firstPackage ??= dir;
      try {
        const parsed: unknown = JSON.parse(fs.readFileSync(pkg, "utf8"));
        if (isJsonObject(parsed) && parsed.name === "kserve-constructs") return dir;
      } catch {
        // not a readable package.json: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return firstPackage ?? path.resolve(start, "../..");
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
/** ../shared/crds from the project root; KSERVE_CONFORMANCE_CRDS_DIR overrides it (e.g. to test the skip path). */
export const SHARED_CRDS_DIR = process.env.KSERVE_CONFORMANCE_CRDS_DIR
  ? path.resolve(process.env.KSERVE_CONFORMANCE_CRDS_DIR)
  : path.resolve(PROJECT_ROOT, "../shared/crds");

export interface CelRule {
  /** where the rule is attached, e.g. "spec.source" or "spec.draResources[*]" */
  path: string;
  rule: string;
  message?: string;
}

export interface CrdVersion {
  name: string;
  served: boolean;
  deprecated: boolean;
  celRules: CelRule[];
  /** formats used by the schema (unknown ones are registered as no-ops) */
  formats: string[];
  /** the converted JSON schema (what ajv compiles) */
  schema: JsonObject;
}

export interface LoadedCrd {
  file: string;
  group: string;
  kind: string;
  scope: string;
  versions: Map<string, CrdVersion>;
}

export interface CrdIndexEntry {
  file: string;
  group: string;
  kind: string;
}

// ---------------------------------------------------------------------------
// Index: group/kind -> file, read from the head of each file

function listYamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYamlFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function readHead(file: string, bytes: number): string {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}

function crdIdentity(doc: unknown): { group: string; kind: string } | undefined {
  if (!isJsonObject(doc) || doc.kind !== "CustomResourceDefinition" || !isJsonObject(doc.spec)) return undefined;
  const { group, names } = doc.spec;
  if (typeof group !== "string" || !isJsonObject(names) || typeof names.kind !== "string") return undefined;
  return { group, kind: names.kind };
}

/** Identity of a CRD file from its first lines (everything before `spec.versions`). */
function identifyFromHead(file: string): Array<{ group: string; kind: string }> {
  const head = readHead(file, 16 * 1024);
  const versionsAt = head.search(/^ {2}versions:/m);
  if (versionsAt > 0 && !head.slice(0, versionsAt).includes("\n---")) {
    try {
      const identity = crdIdentity(parse(head.slice(0, versionsAt)));
      if (identity) return [identity];
    } catch {
      // fall through to a full parse
    }
  }
  return parseCrdFile(file)
    .map(crdIdentity)
    .filter((x): x is { group: string; kind: string } => x !== undefined);
}

function parseCrdFile(file: string): unknown[] {
  return parseAllDocuments(fs.readFileSync(file, "utf8")).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message ?? "YAML error"}`);
    return doc.toJS({ maxAliasCount: -1 });
  });
}

/**
 * A CRD set: folders of ../shared/crds (relative paths), read in order; when two folders hold the same
 * group/kind, the later folder wins (so a release's HardwareProfile can replace the default one).
 */
export type CrdSet = readonly string[];

/**
 * The set used when no target is given: KServe's main branch after 0.20 (`kserve/`) and the current
 * CRDs of the other projects. The per-release folders (`kserve-releases/`, `opendatahub-releases/`) are
 * only read through a target's set (see crd-sets.ts).
 */
export const DEFAULT_CRD_SET: CrdSet = ["kserve", "nvidia", "opendatahub", "gateway-api", "inference-extension", "llm-d", "lws", "keda"];

const indexes = new Map<string, Map<string, CrdIndexEntry>>();

function setKey(set: CrdSet): string {
  return set.join("\u0000");
}

/** group/kind -> CRD file of a set (every folder of the set must exist when ../shared/crds does). */
export function crdIndex(set: CrdSet = DEFAULT_CRD_SET): Map<string, CrdIndexEntry> {
  const key = setKey(set);
  let index = indexes.get(key);
  if (!index) {
    index = new Map();
    for (const folder of set) {
      const dir = path.join(SHARED_CRDS_DIR, folder);
      if (fs.existsSync(SHARED_CRDS_DIR) && !fs.existsSync(dir)) throw new Error(`CRD set folder ${folder} is not in ${SHARED_CRDS_DIR}`);
      for (const file of listYamlFiles(dir)) {
        for (const { group, kind } of identifyFromHead(file)) index.set(`${group}/${kind}`, { file, group, kind });
      }
    }
    indexes.set(key, index);
  }
  return index;
}

export function crdGroups(set: CrdSet = DEFAULT_CRD_SET): Set<string> {
  return new Set([...crdIndex(set).values()].map((e) => e.group));
}

export function crdKindsInGroup(group: string, set: CrdSet = DEFAULT_CRD_SET): string[] {
  return [...crdIndex(set).values()].filter((e) => e.group === group).map((e) => e.kind);
}

// ---------------------------------------------------------------------------
// Schema conversion

const COPIED_KEYWORDS = new Set([
  "type",
  "required",
  "enum",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
]);

interface ConvertContext {
  celRules: CelRule[];
  formats: Set<string>;
}

function joinPath(base: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;
}

function isPlainIntOrStringAnyOf(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (branch) =>
        isJsonObject(branch) &&
        Object.keys(branch).length === 1 &&
        (branch.type === "integer" || branch.type === "string"),
    )
  );
}

/**
 * `inBranch`: inside anyOf/oneOf/allOf/not, where structural schemas only
 * add value validations, so `properties` there must not close the object.
 */
function convert(schema: unknown, at: string, ctx: ConvertContext, inBranch = false): JsonObject {
  if (!isJsonObject(schema)) return {};
  const out: JsonObject = {};
  const preserveUnknown = schema["x-kubernetes-preserve-unknown-fields"] === true;
  const intOrString = schema["x-kubernetes-int-or-string"] === true;
  for (const [key, value] of Object.entries(schema)) {
    if (COPIED_KEYWORDS.has(key)) {
      out[key] = value;
    } else if (key === "properties" && isJsonObject(value)) {
      const props: JsonObject = {};
      for (const [name, child] of Object.entries(value)) props[name] = convert(child, joinPath(at, name), ctx, inBranch);
      out.properties = props;
    } else if (key === "items" && isJsonObject(value)) {
      out.items = convert(value, `${at}[*]`, ctx, inBranch);
    } else if (key === "additionalProperties") {
      out.additionalProperties = isJsonObject(value) ? convert(value, `${at}[*]`, ctx, inBranch) : value;
    } else if ((key === "anyOf" || key === "oneOf" || key === "allOf") && Array.isArray(value)) {
      if (!(intOrString && isPlainIntOrStringAnyOf(value))) out[key] = value.map((branch) => convert(branch, at, ctx, true));
    } else if (key === "not" && isJsonObject(value)) {
      out.not = convert(value, at, ctx, true);
    } else if (key === "format" && typeof value === "string") {
      out.format = value;
      ctx.formats.add(value);
    } else if (key === "x-kubernetes-validations" && Array.isArray(value)) {
      for (const rule of value) {
        if (isJsonObject(rule) && typeof rule.rule === "string") {
          const celRule: CelRule = { path: at || ".", rule: rule.rule };
          if (typeof rule.message === "string") celRule.message = rule.message;
          else if (typeof rule.messageExpression === "string") celRule.message = rule.messageExpression;
          ctx.celRules.push(celRule);
        }
      }
    }
    // description, default, example, nullable and the other x-kubernetes-*
    // extensions are dropped (or handled below).
  }

  if (schema["x-kubernetes-list-type"] === "set") out.uniqueItems = true;
  const mapKeys = schema["x-kubernetes-list-map-keys"];
  if (schema["x-kubernetes-list-type"] === "map" && Array.isArray(mapKeys) && mapKeys.length > 0) {
    // key fields with a default (ports[].protocol: TCP) are compared defaulted, as the API server does
    const itemProps = isJsonObject(schema.items) && isJsonObject(schema.items.properties) ? schema.items.properties : {};
    const defaults: JsonObject = {};
    for (const k of mapKeys) {
      const keySchema = itemProps[String(k)];
      if (isJsonObject(keySchema) && keySchema.default !== undefined) defaults[String(k)] = keySchema.default;
    }
    out.k8sListMapKeys = { keys: mapKeys.map(String), defaults };
  }

  if (intOrString) out.type = ["integer", "string"];

  for (const [exclusive, limit] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    const flag = schema[exclusive];
    if (flag === true && typeof out[limit] === "number") {
      out[exclusive] = out[limit];
      delete out[limit];
    } else if (typeof flag === "number") {
      out[exclusive] = flag;
    }
  }

  if (schema.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else if (Array.isArray(out.type)) out.type = [...out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }

  if (schema["x-kubernetes-embedded-resource"] === true) {
    const props = isJsonObject(out.properties) ? out.properties : {};
    out.properties = {
      apiVersion: { type: "string", minLength: 1 },
      kind: { type: "string", minLength: 1 },
      metadata: { type: "object" },
      ...props,
    };
    const required = Array.isArray(out.required) ? out.required : [];
    out.required = [...new Set([...required, "apiVersion", "kind"])];
  }

  if (isJsonObject(out.properties) && out.additionalProperties === undefined && !preserveUnknown && !inBranch) {
    out.additionalProperties = false;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Deduplication of identical sub-schemas into definitions + $ref

const SCHEMA_MAP_KEYWORDS = new Set(["properties"]);
const SCHEMA_KEYWORDS = new Set(["items", "additionalProperties", "not"]);
const SCHEMA_LIST_KEYWORDS = new Set(["anyOf", "oneOf", "allOf"]);
/** sub-schemas with at least this many nodes are shared when they repeat */
const MIN_SHARED_NODES = 4;

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
      if (SCHEMA_MAP_KEYWORDS.has(key) && isJsonObject(value)) {
        const m: JsonObject = {};
        for (const [name, child] of Object.entries(value)) m[name] = isJsonObject(child) ? ref(child) : child;
        shallow[key] = m;
      } else if (SCHEMA_KEYWORDS.has(key) && isJsonObject(value)) {
        shallow[key] = ref(value);
      } else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
        shallow[key] = value.map((child: unknown) => (isJsonObject(child) ? ref(child) : child));
      } else {
        shallow[key] = value;
      }
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
  const build = (node: JsonObject, isRoot: boolean): JsonObject => {
    const id = idOf.get(node);
    if (!isRoot && id !== undefined && (counts[id] ?? 0) > 1 && (sizes[id] ?? 0) >= MIN_SHARED_NODES) {
      const name = `s${id}`;
      if (!(name in definitions)) {
        definitions[name] = {};
        definitions[name] = rebuild(node);
      }
      return { $ref: `#/definitions/${name}` };
    }
    return rebuild(node);
  };
  const rebuild = (node: JsonObject): JsonObject => {
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (SCHEMA_MAP_KEYWORDS.has(key) && isJsonObject(value)) {
        const m: JsonObject = {};
        for (const [name, child] of Object.entries(value)) m[name] = isJsonObject(child) ? build(child, false) : child;
        out[key] = m;
      } else if (SCHEMA_KEYWORDS.has(key) && isJsonObject(value)) {
        out[key] = build(value, false);
      } else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
        out[key] = value.map((child: unknown) => (isJsonObject(child) ? build(child, false) : child));
      } else {
        out[key] = value;
      }
    }
    return out;
  };
  const result = build(root, true);
  if (Object.keys(definitions).length > 0) result.definitions = definitions;
  return result;
}

// ---------------------------------------------------------------------------
// ajv

/** Go duration ("1h30m", "24h", "500ms"), also the unit words go-openapi's strfmt accepts. */
const DURATION_RE =
  /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)\s*(?:ns|us|µs|μs|ms|s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\s*)+)$/;
const CHECKED_FORMATS = ["date-time", "date", "byte", "int32", "int64", "float", "double", "uuid", "ipv4", "ipv6"] as const;

const listMapKeys: SchemaValidateFunction = (spec: unknown, data: unknown): boolean => {
  listMapKeys.errors = [];
  if (!isJsonObject(spec) || !Array.isArray(spec.keys) || !Array.isArray(data)) return true;
  const keys = spec.keys.map(String);
  const defaults = isJsonObject(spec.defaults) ? spec.defaults : {};
  const seen = new Map<string, number>();
  data.forEach((item: unknown, index: number) => {
    if (!isJsonObject(item)) return;
    const tuple = keys.map((k) => `${k}=${JSON.stringify(item[k] ?? defaults[k] ?? null)}`).join(", ");
    const first = seen.get(tuple);
    if (first === undefined) seen.set(tuple, index);
    else {
      listMapKeys.errors?.push({
        keyword: "k8sListMapKeys",
        params: { index },
        message: `duplicate entry with ${tuple} (same key as [${first}]; x-kubernetes-list-type: map)`,
      });
    }
  });
  return listMapKeys.errors.length === 0;
};

let ajvInstance: Ajv | undefined;
const noOpFormats = new Set<string>();

function ajv(): Ajv {
  if (!ajvInstance) {
    ajvInstance = new Ajv({
      allErrors: true,
      strict: false,
      // CRD patterns are RE2 syntax (e.g. `xn\-\-`), which the `u` flag rejects
      unicodeRegExp: false,
      inlineRefs: false,
      messages: false,
      // halves compile time of the big schemas; the generated code is fast enough
      code: { optimize: false },
    });
    addFormats(ajvInstance, [...CHECKED_FORMATS]);
    ajvInstance.addFormat("duration", DURATION_RE);
    ajvInstance.addKeyword({
      keyword: "k8sListMapKeys",
      type: "array",
      schemaType: "object",
      errors: true,
      validate: listMapKeys,
    });
  }
  return ajvInstance;
}

function registerFormats(formats: readonly string[]): void {
  const instance = ajv();
  for (const format of formats) {
    if ((CHECKED_FORMATS as readonly string[]).includes(format) || format === "duration" || noOpFormats.has(format)) {
      continue;
    }
    instance.addFormat(format, true);
    noOpFormats.add(format);
  }
}

// ---------------------------------------------------------------------------
// Loading

const loaded = new Map<string, LoadedCrd>();
const compiled = new Map<string, ValidateFunction>();

function toCrd(doc: unknown, file: string): LoadedCrd | undefined {
  const identity = crdIdentity(doc);
  if (!identity || !isJsonObject(doc) || !isJsonObject(doc.spec)) return undefined;
  const versions = new Map<string, CrdVersion>();
  const rawVersions = Array.isArray(doc.spec.versions) ? doc.spec.versions : [];
  for (const v of rawVersions) {
    if (!isJsonObject(v) || typeof v.name !== "string") continue;
    const rawSchema = isJsonObject(v.schema) ? v.schema.openAPIV3Schema : undefined;
    const ctx: ConvertContext = { celRules: [], formats: new Set() };
    const schema = convert(rawSchema, "", ctx);
    // The root metadata is an ObjectMeta, checked by conformance.ts.
    const props = isJsonObject(schema.properties) ? schema.properties : {};
    schema.properties = { ...props, metadata: { type: "object" } };
    if (schema.additionalProperties === undefined && rawSchema !== undefined) schema.additionalProperties = false;
    versions.set(v.name, {
      name: v.name,
      served: v.served !== false,
      deprecated: v.deprecated === true,
      celRules: ctx.celRules,
      formats: [...ctx.formats].sort(),
      schema: hoistDuplicates(schema),
    });
  }
  return {
    file,
    group: identity.group,
    kind: identity.kind,
    scope: typeof doc.spec.scope === "string" ? doc.spec.scope : "Namespaced",
    versions,
  };
}

// ---------------------------------------------------------------------------
// Disk cache of converted CRDs (JSON), shared by jest workers and runs

interface CachedFile {
  crds: Array<Omit<LoadedCrd, "versions"> & { versions: CrdVersion[] }>;
}

let ownSource: string | undefined;

function cachePath(file: string, content: string): string | undefined {
  if (process.env.KSERVE_CONFORMANCE_CACHE === "0") return undefined;
  try {
    ownSource ??= fs.readFileSync(__filename, "utf8");
  } catch {
    return undefined;
  }
  const hash = createHash("sha256").update(ownSource).update("\0").update(file).update("\0").update(content).digest("hex");
  const nodeModules = path.join(PROJECT_ROOT, "node_modules");
  if (!fs.existsSync(nodeModules)) return undefined;
  return path.join(nodeModules, ".cache", "kserve-constructs-conformance", `${path.basename(file, path.extname(file))}-${hash.slice(0, 24)}.json`);
}

function isCrdVersion(value: unknown): value is CrdVersion {
  return (
    isJsonObject(value) &&
    typeof value.name === "string" &&
    typeof value.served === "boolean" &&
    Array.isArray(value.celRules) &&
    Array.isArray(value.formats) &&
    isJsonObject(value.schema)
  );
}

function readCache(cacheFile: string): LoadedCrd[] | undefined {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(cacheFile, "utf8"));
    if (!isJsonObject(parsed) || !Array.isArray(parsed.crds)) return undefined;
    const crds: LoadedCrd[] = [];
    for (const c of parsed.crds) {
      if (!isJsonObject(c) || typeof c.group !== "string" || typeof c.kind !== "string" || !Array.isArray(c.versions)) return undefined;
      if (!c.versions.every(isCrdVersion)) return undefined;
      crds.push({
        file: String(c.file),
        group: c.group,
        kind: c.kind,
        scope: String(c.scope),
        versions: new Map(c.versions.map((v: CrdVersion) => [v.name, v])),
      });
    }
    return crds;
  } catch {
    return undefined;
  }
}

function writeCache(cacheFile: string, crds: LoadedCrd[]): void {
  const data: CachedFile = { crds: crds.map((c) => ({ ...c, versions: [...c.versions.values()] })) };
  const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(data));
    fs.renameSync(tmp, cacheFile);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // ignore: the cache is only an optimisation
    }
  }
}

function loadCrdFile(file: string): LoadedCrd[] {
  const content = fs.readFileSync(file, "utf8");
  const cacheFile = cachePath(file, content);
  const cached = cacheFile ? readCache(cacheFile) : undefined;
  if (cached) return cached;
  const crds = parseAllDocuments(content)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message ?? "YAML error"}`);
      return toCrd(doc.toJS({ maxAliasCount: -1 }), file);
    })
    .filter((crd): crd is LoadedCrd => crd !== undefined);
  if (cacheFile) writeCache(cacheFile, crds);
  return crds;
}

/** The CRD for group/kind in a set, parsed and converted on first use; undefined if the set has none. */
export function loadCrd(group: string, kind: string, set: CrdSet = DEFAULT_CRD_SET): LoadedCrd | undefined {
  const entry = crdIndex(set).get(`${group}/${kind}`);
  if (!entry) return undefined;
  const key = `${entry.file}\u0000${group}/${kind}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  for (const crd of loadCrdFile(entry.file)) loaded.set(`${entry.file}\u0000${crd.group}/${crd.kind}`, crd);
  return loaded.get(key);
}

/** The compiled validator of one CRD version (cached). */
export function crdValidator(crd: LoadedCrd, version: CrdVersion): ValidateFunction {
  const key = `${crd.file}\u0000${crd.group}/${version.name}/${crd.kind}`;
  let validate = compiled.get(key);
  if (!validate) {
    registerFormats(version.formats);
    validate = ajv().compile(version.schema);
    compiled.set(key, validate);
  }
  return validate;
}
