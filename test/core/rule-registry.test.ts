import { defineManifestRule, defineRule, ruleCatalogue, ruleMeta, runManifestRules, runRules } from "../../src/core/rules/registry";
import { defaultTarget, supports } from "../../src/core/target/resolve";
import { featureGate } from "../../src/core/target/rules";

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

describe("manifest rules per target (appliesTo)", () => {
  const seen: string[] = [];
  const gated = defineManifestRule({
    id: "test-registry/gated",
    severity: "error",
    summary: "a manifest named bad is refused on KServe before 0.20",
    why: "test",
    fix: "rename it",
    on: "manifest",
    appliesTo: (target) => target.kserve.minor < 20,
    check: (s) => {
      seen.push(s.manifest.metadata.name);
      return s.manifest.metadata.name === "bad" ? [{ path: "metadata.name", value: "bad", message: "bad name" }] : [];
    },
  });
  const manifest = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "bad" } };
  const subject = (kserveVersion: string) => ({ manifest, target: defaultTarget({ kserveVersion }), app: [manifest] });

  it("runs a rule only on the targets it applies to, and its check decides there", () => {
    seen.length = 0;
    expect(runManifestRules([gated], subject("0.20"))).toEqual([]);
    expect(seen).toEqual([]);
    expect(runManifestRules([gated], subject("0.15"))).toEqual([{ path: "metadata.name", value: "bad", rule: "test-registry/gated", message: "bad name", fix: "rename it" }]);
    expect(seen).toEqual(["bad"]);
    // the filtered list is kept per target: asking again for 0.20 still skips it, 0.15 still runs it
    expect(runManifestRules([gated], subject("0.20"))).toEqual([]);
    expect(runManifestRules([gated], subject("0.15"))).toHaveLength(1);
    expect(seen).toEqual(["bad", "bad"]);
  });

  it("keeps the filter out of the catalogue", () => {
    expect(Object.keys(ruleMeta("test-registry/gated") ?? {}).sort()).toEqual(["fix", "id", "on", "severity", "summary", "why"]);
  });

  it("skips a feature-gate rule exactly where its own check finds nothing: on targets that have the feature", () => {
    const uses = { apiVersion: "serving.kserve.io/v1beta1", kind: "InferenceService", metadata: { name: "m" }, spec: { predictor: { model: { modelFormat: { name: "sklearn" }, storageUri: "oci+native://registry.example/org/model:1" } } } };
    for (const kserveVersion of ["0.15", "0.17", "0.20"]) {
      const target = defaultTarget({ kserveVersion });
      const rule = featureGate("storage-oci-native");
      const direct = rule.check({ manifest: uses, target, app: [uses] });
      expect(rule.appliesTo?.(target)).toBe(!supports(target, "storage-oci-native"));
      expect(direct).toHaveLength(kserveVersion === "0.20" ? 0 : 1);
      expect(runManifestRules([rule], { manifest: uses, target, app: [uses] }).map((d) => d.message)).toEqual(direct.map((f) => f.message));
    }
  });
});
