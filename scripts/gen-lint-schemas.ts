/**
 * Generates the compact CRD schemas that `kserve-constructs lint` ships (src/lint/schemas/), from the
 * upstream CRDs in ../shared/crds (or the folder given as the first argument).
 *
 *   npx tsx scripts/gen-lint-schemas.ts [CRDS_DIR]
 *
 * The core kinds (Secret, ConfigMap, ServiceAccount, PersistentVolumeClaim, Service, Namespace: see
 * CORE_SCHEMA_KINDS) come from the Kubernetes API definitions that the kubernetes-models devDependency
 * carries in its type declarations (scripts/lint-core-schemas.ts); one schema each, in every set.
 *
 * Each CRD set (one per KServe release and OpenShift AI release the library targets) maps
 * `group/version/Kind` to a schema file named by the hash of its content, so a schema that is the same
 * in several releases is stored once; sub-schemas (Container, Volume, Affinity, ...) are named by their
 * content and stored once for all releases in definitions.json. Descriptions, defaults and CEL rules are dropped (see
 * src/lint/schema/convert.ts). The output is deterministic: running the script twice changes nothing.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { parseAllDocuments } from "yaml";
import { convertCrd } from "../src/lint/schema/convert";
import { CORE_SCHEMA_KINDS, CRD_SETS, SCHEMA_KINDS } from "../src/lint/schema/sets";
import { coreKindCrds } from "./lint-core-schemas";

const root = path.resolve(__dirname, "..");
const crdsDir = path.resolve(process.argv[2] ?? path.join(root, "../shared/crds"));
const outDir = path.join(root, "src/lint/schemas");

function crdFiles(dir: string): string[] {
  const full = path.join(crdsDir, dir);
  if (!fs.existsSync(full)) throw new Error(`${full} does not exist`);
  return fs.readdirSync(full).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(full, f));
}

const wanted = new Set(SCHEMA_KINDS.map((k) => `${k.group}/${k.kind}`));
const files = new Map<string, string>(); // hash -> JSON text of a schema without its definitions
const pool = new Map<string, unknown>(); // definition name (content hash) -> sub-schema
const sets: Record<string, Record<string, { file: string; scope: string }>> = {};

/** Stores a converted schema (its definitions in the shared pool) and returns its file name. */
function store(schema: Record<string, unknown>): string {
  const { definitions, ...root } = schema as { definitions?: Record<string, unknown> };
  for (const [name, body] of Object.entries(definitions ?? {})) pool.set(name, body);
  const json = JSON.stringify(root);
  const hash = createHash("sha256").update(json).digest("hex").slice(0, 16);
  files.set(hash, json);
  return `${hash}.json`;
}

// core kinds: the same schema in every set, keyed `v1/Kind`
const core: Record<string, { file: string; scope: string }> = {};
for (const doc of coreKindCrds(path.join(root, "node_modules", "kubernetes-models"))) {
  for (const crd of convertCrd(doc)) core[`${crd.version}/${crd.kind}`] = { file: store(crd.schema), scope: crd.scope };
}
if (Object.keys(core).length !== CORE_SCHEMA_KINDS.length) throw new Error(`expected ${CORE_SCHEMA_KINDS.length} core schemas, got ${Object.keys(core).length}`);

for (const set of CRD_SETS) {
  const entries: Record<string, { file: string; scope: string }> = {};
  for (const dir of set.folders) {
    const seenHere = new Set<string>();
    for (const file of crdFiles(dir)) {
      const text = fs.readFileSync(file, "utf8");
      const head = text.slice(0, 8192);
      if (![...wanted].some((gk) => head.includes(`kind: ${gk.split("/")[1] ?? ""}\n`))) continue;
      for (const doc of parseAllDocuments(text)) {
        for (const crd of convertCrd(doc.toJS({ maxAliasCount: -1 }))) {
          if (!wanted.has(`${crd.group}/${crd.kind}`)) continue;
          // definitions go to one pool shared by every schema (named by content, so stored once)
          const file = store(crd.schema);
          // a later folder of a set replaces every version of a kind an earlier folder gave (the 2.x
          // operator's HardwareProfile serves v1alpha1 only)
          const gk = `${crd.group}/${crd.kind}`;
          if (!seenHere.has(gk)) {
            for (const key of Object.keys(entries)) if (key.startsWith(`${crd.group}/`) && key.endsWith(`/${crd.kind}`)) delete entries[key];
            seenHere.add(gk);
          }
          entries[`${crd.group}/${crd.version}/${crd.kind}`] = { file, scope: crd.scope };
        }
      }
    }
  }
  sets[set.name] = Object.fromEntries(Object.entries({ ...entries, ...core }).sort(([a], [b]) => (a < b ? -1 : 1)));
}

fs.mkdirSync(outDir, { recursive: true });
for (const f of fs.readdirSync(outDir)) if (f.endsWith(".json")) fs.rmSync(path.join(outDir, f));
let bytes = 0;
for (const [hash, json] of [...files.entries()].sort()) {
  fs.writeFileSync(path.join(outDir, `${hash}.json`), `${json}\n`);
  bytes += json.length + 1;
}
const defs = `${JSON.stringify(Object.fromEntries([...pool.entries()].sort(([a], [b]) => (a < b ? -1 : 1))))}\n`;
fs.writeFileSync(path.join(outDir, "definitions.json"), defs);
bytes += defs.length;
const index = `${JSON.stringify({ sets }, null, 1)}\n`;
fs.writeFileSync(path.join(outDir, "index.json"), index);
bytes += index.length;
process.stdout.write(`${files.size} schema files and ${pool.size} shared definitions for ${CRD_SETS.length} CRD sets, ${(bytes / 1024).toFixed(0)} KiB in ${path.relative(root, outDir)}\n`);
