/**
 * Loads the upstream CustomResourceDefinitions in ../shared/crds and compiles their openAPIV3Schema with
 * the library's own converter and validator (src/lint/schema: `convertCrdVersions`, and `newSchemaAjv` of ajv.ts), which
 * apply the rules the Kubernetes API server applies to structural schemas: unknown fields are errors (as
 * with `kubectl apply --validate=strict`) unless a schema preserves them, int-or-string, nullable,
 * embedded resources, list-type set and map, the checked formats; CEL rules (`x-kubernetes-validations`)
 * cannot be evaluated here and are listed through `celRules`. So the conformance tests and
 * `kserve-constructs lint` check manifests the same way.
 *
 * The root `metadata` is a free-form object: conformance.ts checks it as an ObjectMeta.
 *
 * Speed: only the CRD file of the requested kind is parsed (an index is built from the first lines of
 * each file), and compiled validators are cached per process. Jest gives every test file a fresh module
 * registry, so the converted schemas are also cached as JSON in
 * node_modules/.cache/kserve-constructs-conformance, keyed by a hash of the CRD file, of this source file
 * and of the converter's; KSERVE_CONFORMANCE_CACHE=0 disables that.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type Ajv from "ajv";
import type { ValidateFunction } from "ajv";
import { parse, parseAllDocuments } from "yaml";
import { convertCrdVersions } from "../../src/lint/schema/convert";
import type { CelRule } from "../../src/lint/schema/convert";
import { newSchemaAjv } from "../../src/lint/schema/ajv";
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

export type { CelRule } from "../../src/lint/schema/convert";

export interface CrdVersion {
  name: string;
  served: boolean;
  deprecated: boolean;
  celRules: readonly CelRule[];
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
// ajv (the library's)

let ajvInstance: Ajv | undefined;

function ajv(): Ajv {
  ajvInstance ??= newSchemaAjv();
  return ajvInstance;
}

// ---------------------------------------------------------------------------
// Loading

const loaded = new Map<string, LoadedCrd>();
const compiled = new Map<string, ValidateFunction>();

function toCrd(doc: unknown, file: string): LoadedCrd | undefined {
  const identity = crdIdentity(doc);
  if (!identity || !isJsonObject(doc) || !isJsonObject(doc.spec)) return undefined;
  const versions = new Map<string, CrdVersion>();
  for (const v of convertCrdVersions(doc)) {
    versions.set(v.version, { name: v.version, served: v.served, deprecated: v.deprecated, celRules: v.celRules, schema: v.schema });
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

/** This file's source and the library converter's and validator's: a change to any of them invalidates the cache. */
function sourcesOfConversion(): string {
  return [__filename, path.join(PROJECT_ROOT, "src/lint/schema/convert.ts"), path.join(PROJECT_ROOT, "src/lint/schema/ajv.ts")].map((f) => fs.readFileSync(f, "utf8")).join("\0");
}

function cachePath(file: string, content: string): string | undefined {
  if (process.env.KSERVE_CONFORMANCE_CACHE === "0") return undefined;
  try {
    ownSource ??= sourcesOfConversion();
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
    validate = ajv().compile(version.schema);
    compiled.set(key, validate);
  }
  return validate;
}
