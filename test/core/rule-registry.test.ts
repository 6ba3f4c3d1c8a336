import { defineRule, ruleCatalogue, ruleMeta, runRules } from "../../src/core/rules/registry";

describe("rule registry", () => {
  const sample = defineRule<{ n: number }>({
    id: "test-registry/positive",
    severity: "error",
    summary: "n is positive",
    why: "negative n breaks things",
    fix: "use a positive n",
    on: "props",
    check: (s) => (s.n > 0 ? [] : [{ path: "n", value: s.n, message: `n is ${s.n}` }]),
  });
  const warn = defineRule<{ n: number }>({
    id: "test-registry/big",
    severity: "warning",
    summary: "n is small",
    why: "big n is slow",
    fix: "use a smaller n",
    on: "props",
    check: (s) => (s.n > 10 ? [{ path: "n", value: s.n, message: "n is big", fix: "use 10" }] : []),
  });
  const broken = defineRule<{ n: number }>({
    id: "test-registry/broken",
    severity: "error",
    summary: "always throws",
    why: "test",
    fix: "none",
    on: "props",
    check: () => {
      throw new Error("boom");
    },
  });

  it("records each rule's description in the catalogue", () => {
    expect(ruleMeta("test-registry/positive")).toEqual({ id: "test-registry/positive", severity: "error", summary: "n is positive", why: "negative n breaks things", fix: "use a positive n", on: "props" });
    expect(ruleCatalogue().map((r) => r.id)).toEqual(expect.arrayContaining(["test-registry/big", "test-registry/broken", "test-registry/positive"]));
  });

  it("turns findings into drafts with the rule id, severity and fix", () => {
    expect(runRules([sample, warn], { n: -1 })).toEqual([{ path: "n", value: -1, rule: "test-registry/positive", message: "n is -1", fix: "use a positive n" }]);
    expect(runRules([sample, warn], { n: 11 })).toEqual([{ path: "n", value: 11, rule: "test-registry/big", message: "n is big", fix: "use 10", severity: "warning" }]);
    expect(runRules([sample, warn], { n: 5 })).toEqual([]);
  });

  it("gives a finding its own severity when it states one (worse or milder than the rule's)", () => {
    const graded = defineRule<{ n: number }>({
      id: "test-registry/graded",
      severity: "warning",
      summary: "n is at most 10",
      why: "a big n is slow, a huge one fails",
      fix: "use a smaller n",
      on: "props",
      check: (s) => (s.n > 100 ? [{ path: "n", value: s.n, message: "n is huge", severity: "error" }] : s.n > 10 ? [{ path: "n", value: s.n, message: "n is big" }] : []),
    });
    const mild = defineRule<{ n: number }>({ ...graded, id: "test-registry/mild", severity: "error", check: (s) => [{ path: "n", value: s.n, message: "only a hint", severity: "warning" }] });
    expect(runRules([graded], { n: 11 })).toEqual([{ path: "n", value: 11, rule: "test-registry/graded", message: "n is big", fix: "use a smaller n", severity: "warning" }]);
    expect(runRules([graded], { n: 101 })).toEqual([{ path: "n", value: 101, rule: "test-registry/graded", message: "n is huge", fix: "use a smaller n", severity: "error" }]);
    expect(runRules([mild], { n: 1 })).toEqual([{ path: "n", value: 1, rule: "test-registry/mild", message: "only a hint", fix: "use a smaller n", severity: "warning" }]);
  });

  it("reports an exception inside a rule as internal/unexpected and runs the other rules", () => {
    const drafts = runRules([broken, sample], { n: -2 });
    expect(drafts.map((d) => d.rule)).toEqual(["internal/unexpected", "test-registry/positive"]);
    expect(drafts[0]?.message).toContain("rule test-registry/broken failed unexpectedly (boom)");
  });

  it("refuses a second rule with the same id and a malformed id", () => {
    expect(() => defineRule({ ...sample, check: sample.check })).toThrow('rule "test-registry/positive" is declared twice');
    expect(() => defineRule({ ...sample, id: "NoSlash" })).toThrow("is not of the form concept/name");
  });
});

describe("manifest rules", () => {
  it("are listed for lint and recorded in the catalogue", () => {
    const { defineManifestRule, manifestRules, ruleMeta: meta } = jest.requireActual("../../src/core/rules/registry") as typeof import("../../src/core/rules/registry");
    const rule = defineManifestRule({
      id: "test-registry/has-name",
      severity: "error",
      summary: "metadata.name is set",
      why: "the API server refuses objects without a name",
      fix: "set metadata.name",
      on: "manifest",
      check: ({ manifest }) => (manifest.metadata.name === "" ? [{ path: "metadata.name", value: "", message: "no name" }] : []),
    });
    expect(manifestRules()).toContain(rule);
    expect(meta("test-registry/has-name")?.on).toBe("manifest");
  });
});
