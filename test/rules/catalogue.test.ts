/**
 * The rule catalogue is the one list of rules: docs/rules.md is generated from it and current, every
 * declared rule has a test that triggers it, and every rule id raised anywhere in src/ is declared in the
 * registry (none is raised inline any more).
 */
import * as fs from "fs";
import * as path from "path";
import { NOT_RULES, ROOT, inlineRuleIds, loadCatalogue, raisedRuleIds, renderRulesDoc, ruleTestFiles } from "../../scripts/rules-doc";

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

  it("no inline rule id: every id raised is declared with defineRule / defineManifestRule", () => {
    const where = [...inline].map(([id, sites]) => `${id} (${sites.map((s) => `${s.file}:${s.line}`).join(", ")})`);
    if (where.length > 0) throw new Error(`rule ids raised in src/ but not declared in the registry: ${where.join("; ")}. Declare each with defineRule / defineManifestRule in its concept's rules.ts.`);
    expect(inline.size).toBe(0);
  });

  it("the static scan finds the raise sites (a sanity check of the scanner)", () => {
    const ids = new Set(raisedRuleIds().map((s) => s.id));
    for (const id of ["nim/replicas", "props/shape", "names/dns-1035", "internal/unexpected", "target/feature-*", "target/feature-canary-predictors"]) expect(ids.has(id)).toBe(true);
    expect(Object.keys(NOT_RULES)).toEqual(["internal/unexpected"]);
  });
});
