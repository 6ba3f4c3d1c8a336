/**
 * The rule catalogue is the one list of rules: docs/rules.md is generated from it and current, every
 * declared rule has a test that triggers it, and every rule id raised anywhere in src/ is declared (the
 * ids not yet migrated into the registry are listed below; the list may only shrink).
 */
import * as fs from "fs";
import * as path from "path";
import { NOT_RULES, ROOT, inlineRuleIds, loadCatalogue, raisedRuleIds, renderRulesDoc, ruleTestFiles } from "../../scripts/rules-doc";

/**
 * Rule ids still raised inline by build, resolve or helper code instead of by a registry entry. This list
 * may only shrink: migrate an id into its concept's rules.ts and remove it here (a new id is declared in
 * the registry from the start). `npx tsx scripts/gen-rules-doc.ts --inline` prints the current list.
 */
const NOT_MIGRATED: readonly string[] = [
  "isvc/canary-mode",
  "isvc/concurrency-mode",
  "isvc/keda-metric",
  "isvc/knative-autoscaler",
  "isvc/multi-node-hardware",
  "isvc/multi-node-mode",
  "isvc/multi-node-parallelism",
  "isvc/multi-node-runtime",
  "isvc/owned-key",
  "isvc/pvc-replicas",
  "isvc/standard-scale-to-zero",
  "isvc/storage-namespace",
  "preset/mlserver-implementation",
  "preset/mlserver-mode",
  "preset/vllm-image",
  "preset/vllm-multi-node",
  "props/shape",
  "storage-config/bucket",
  "storage-config/credentials-unused",
  "storage-config/data-connections",
  "storage-config/entry-keys",
  "storage-config/job-on-openshift-ai",
  "storage-config/namespace",
  "storage-config/single-model-type",
  "storage-config/unknown-key",
  "target/auth",
  "target/feature-autoscaling-external-auth",
  "target/feature-canary-predictors",
];

const catalogue = loadCatalogue();

describe("docs/rules.md", () => {
  it("is generated from the registry and current", () => {
    const file = path.join(ROOT, "docs", "rules.md");
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (current !== renderRulesDoc()) throw new Error("docs/rules.md is out of date with the rule registry or the tests: run `npm run docs:rules` and commit docs/rules.md");
  });

  it("documents every rule with its severity, subject, why, fix and tests", () => {
    const text = fs.readFileSync(path.join(ROOT, "docs", "rules.md"), "utf8");
    expect(catalogue.length).toBeGreaterThan(100);
    for (const r of catalogue) {
      expect(text).toContain(`### \`${r.id}\``);
      expect([r.summary, r.why, r.fix].every((t) => t.trim().length > 0)).toBe(true);
    }
  });
});

describe("every rule has a test that triggers it", () => {
  it("each catalogue id is asserted by at least one test file (or a lint corpus case)", () => {
    const tests = ruleTestFiles();
    const untested = catalogue.map((r) => r.id).filter((id) => (tests.get(id) ?? []).length === 0);
    if (untested.length > 0) throw new Error(`rules without a test that asserts their id: ${untested.join(", ")}. Add a test that triggers each one and asserts the rule id (expect(...) on the problem, a bad-input case, or a lint corpus file with "# expect: <id>").`);
  });
});

describe("every rule id raised in src/ is declared in the catalogue", () => {
  const inline = inlineRuleIds(catalogue);
  const listed = new Set(NOT_MIGRATED);

  it("no new inline rule id", () => {
    const added = [...inline.keys()].filter((id) => !listed.has(id));
    const where = added.map((id) => `${id} (${(inline.get(id) ?? []).map((s) => `${s.file}:${s.line}`).join(", ")})`);
    if (added.length > 0) throw new Error(`rule ids raised in src/ but not declared in the registry: ${where.join("; ")}. Declare each with defineRule / defineManifestRule in its concept's rules.ts.`);
  });

  it("the not-migrated list only shrinks: ids now declared (or no longer raised) are removed from it", () => {
    const stale = NOT_MIGRATED.filter((id) => !inline.has(id));
    if (stale.length > 0) throw new Error(`remove from NOT_MIGRATED in test/rules/catalogue.test.ts (now declared in the registry, or no longer raised): ${stale.join(", ")}`);
    expect([...NOT_MIGRATED].sort()).toEqual(NOT_MIGRATED);
    expect(new Set(NOT_MIGRATED).size).toBe(NOT_MIGRATED.length);
  });

  it("the static scan finds the raise sites (a sanity check of the scanner)", () => {
    const ids = new Set(raisedRuleIds().map((s) => s.id));
    for (const id of ["nim/replicas", "props/shape", "names/dns-1035", "internal/unexpected", "target/feature-*"]) expect(ids.has(id)).toBe(true);
    expect(Object.keys(NOT_RULES)).toEqual(["internal/unexpected"]);
  });
});
