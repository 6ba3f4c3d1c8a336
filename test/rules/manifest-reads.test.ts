/**
 * A manifest rule that declares `reads` (the keys it looks for) is skipped on manifests without any of
 * them, so the declaration must agree with its check: the rule finds nothing on a manifest that holds
 * none of those keys. Checked two ways, for every rule that declares them:
 * - on every manifest of the lint corpus (the bad cases, one or more per manifest rule, and the clean
 *   upstream-shaped ones) with those keys taken out at every depth, with and without lint's assumptions;
 * - on random manifests of the rule's kinds built from the corpus's own keys and values, without them
 *   (seeded: replay with KC_PROPERTY_SEED=<seed>).
 * And the filter is what runs: a bad case of such a rule is still reported through `runManifestRules`,
 * and a manifest without the keys never reaches the rule's check.
 */
import fc from "fast-check";
import type { Manifest } from "../../src/core/k8s";
import type { LintAssumptions, ManifestRule, ManifestSubject } from "../../src/core/rules/registry";
import { manifestRules, runManifestRules } from "../../src/core/rules/registry";
import { manifestKeys, manifestSites } from "../../src/core/rules/manifest-index";
import type { Target } from "../../src/core/target/resolve";
import { lintTarget } from "../../src/lint";
import { readCorpus } from "../lint/corpus-files";

const SEED = Number(process.env["KC_PROPERTY_SEED"] ?? 20261203);

/** `value` with every member under one of `keys` removed, at every depth (a copy). */
function without(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => without(v, keys));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!keys.has(k)) out[k] = without(v, keys);
  return out;
}

const files = readCorpus();
const readers = manifestRules().filter((r): r is ManifestRule & { readonly reads: readonly string[] } => r.reads !== undefined);
const NO_ASSUMPTIONS: LintAssumptions = { runtimes: new Set(), objects: new Set() };

/** The rule's findings on `manifest` (in the app `app`, under `target`), with or without lint's assumptions. */
function findings(rule: ManifestRule, manifest: Manifest, app: readonly Manifest[], target: Target, lint: boolean): readonly unknown[] {
  const subject: ManifestSubject = { manifest, target, app, ...(lint ? { lint: NO_ASSUMPTIONS } : {}) };
  return rule.check(subject);
}

describe("manifest rules that declare the keys they read", () => {
  it("are many (the filter saves the calls of most rules on a plain InferenceService)", () => {
    expect(readers.length).toBeGreaterThan(40);
    for (const r of readers) expect(r.reads.length).toBeGreaterThan(0);
  });

  it.each(readers.map((r) => [r.id, r] as const))("%s finds nothing on a corpus manifest without its keys", (_id, rule) => {
    const keys = new Set(rule.reads);
    let checked = 0;
    for (const f of files) {
      f.manifests.forEach((m, i) => {
        if (rule.kinds !== undefined && !rule.kinds.includes(m.kind)) return;
        const stripped = without(m, keys) as Manifest;
        const app = f.manifests.map((other, j) => (j === i ? stripped : other));
        for (const lint of [true, false]) {
          const found = findings(rule, stripped, app, f.target, lint);
          if (found.length > 0) throw new Error(`${rule.id} declares reads ${JSON.stringify(rule.reads)} but finds ${JSON.stringify(found)} on ${f.file} #${i} without them`);
        }
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(0);
  });

  it.each(readers.map((r) => [r.id, r] as const))("%s: each corpus case that breaks it holds one of its keys", (_id, rule) => {
    const cases = files.filter((f) => f.expect.includes(rule.id));
    expect(cases.length).toBeGreaterThan(0);
    for (const f of cases) {
      const reported = f.manifests.some((m) => runManifestRules([rule], { manifest: m, target: f.target, app: f.manifests, lint: NO_ASSUMPTIONS }).some((d) => d.rule === rule.id));
      if (!reported) throw new Error(`${rule.id} is not reported on ${f.file} through runManifestRules (its reads ${JSON.stringify(rule.reads)} filter it out)`);
    }
  });

  describe("on random manifests of the corpus's keys and values", () => {
    const allKeys = new Set<string>();
    const strings = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === "string") strings.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === "object")
        for (const [k, v] of Object.entries(value)) {
          allKeys.add(k);
          collect(v);
        }
    };
    for (const f of files) f.manifests.forEach(collect);
    const targets = [...new Map(files.map((f) => [f.target, f.target])).values()];
    const stringList = [...strings].sort();
    const kindsOf = (rule: ManifestRule): readonly string[] => rule.kinds ?? ["InferenceService", "ServingRuntime", "Deployment", "Secret"];

    it.each(readers.map((r) => [r.id, r] as const))("%s finds nothing on them", (_id, rule) => {
      const keys = [...allKeys].filter((k) => !rule.reads.includes(k)).sort();
      const leaf = fc.oneof(fc.constantFrom(...stringList), fc.integer({ min: -2, max: 70000 }), fc.boolean(), fc.constant(null), fc.string({ maxLength: 8 }));
      const { tree } = fc.letrec<{ tree: unknown; node: Record<string, unknown> }>((tie) => ({
        tree: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("node"), fc.array(tie("tree"), { maxLength: 3 })),
        node: fc.dictionary(fc.constantFrom(...keys), tie("tree"), { maxKeys: 5 }),
      }));
      const manifest = fc.record({
        kind: fc.constantFrom(...kindsOf(rule)),
        spec: fc.dictionary(fc.constantFrom(...keys), tree, { maxKeys: 6 }),
        metadata: fc.dictionary(fc.constantFrom(...keys), tree, { maxKeys: 4 }),
      });
      fc.assert(
        fc.property(manifest, fc.constantFrom(...targets), fc.boolean(), (m, target, lint) => {
          const apiVersion = m.kind === "Deployment" ? "apps/v1" : m.kind === "Secret" ? "v1" : "serving.kserve.io/v1beta1";
          const doc = without({ apiVersion, kind: m.kind, metadata: { name: "m", namespace: "ns", ...m.metadata }, spec: m.spec }, new Set(rule.reads)) as Manifest;
          expect(findings(rule, doc, [doc], target, lint)).toEqual([]);
        }),
        { seed: SEED, numRuns: 150 },
      );
    });
  });

  it("runManifestRules never calls the check of a rule whose keys the manifest lacks", () => {
    const rule = readers.find((r) => r.kinds === undefined || r.kinds.includes("InferenceService")) as ManifestRule & { readonly reads: readonly string[] };
    let calls = 0;
    const spy: ManifestRule = { ...rule, check: (s) => (calls++, rule.check(s)) };
    const target = lintTarget(undefined);
    const plain = { apiVersion: "serving.kserve.io/v1beta1", kind: "InferenceService", metadata: { name: "m" }, spec: {} } as Manifest;
    expect(runManifestRules([spy], { manifest: plain, target, app: [plain] })).toEqual([]);
    expect(calls).toBe(0);
    const holding = { ...plain, spec: { [rule.reads[0] as string]: {} } } as Manifest;
    runManifestRules([spy], { manifest: holding, target, app: [holding] });
    expect(calls).toBe(1);
    expect(manifestKeys({ manifest: holding, target, app: [holding] }).has(rule.reads[0] as string)).toBe(true);
  });

  it("one walk of a manifest gives its keys at every depth and the Kubernetes rules' sites with their paths", () => {
    const target = lintTarget(undefined);
    const manifest = {
      apiVersion: "serving.kserve.io/v1beta1",
      kind: "InferenceService",
      metadata: { name: "m", labels: { team: "a" }, annotations: { "example.com/x": "1" } },
      spec: { predictor: { model: { env: [{ name: "A", value: "1" }], resources: { limits: { cpu: "1" } } } } },
    } as unknown as Manifest;
    const subject: ManifestSubject = { manifest, target, app: [manifest] };
    const keys = manifestKeys(subject);
    for (const k of ["apiVersion", "metadata", "labels", "team", "example.com/x", "predictor", "env", "name", "value", "limits", "cpu"]) expect(keys.has(k)).toBe(true);
    expect(keys.has("0")).toBe(false);
    const sites = manifestSites(subject);
    expect(sites.map((s) => [s.path, s.key])).toEqual([
      ["metadata.labels", "labels"],
      ["metadata.annotations", "annotations"],
      ["spec.predictor.model.env", "env"],
      ["spec.predictor.model.resources.limits", "limits"],
    ]);
    expect(sites[2]?.parent).toBe((manifest.spec as { predictor: { model: unknown } }).predictor.model);
    // made once per subject: the same objects on a second call
    expect(manifestKeys(subject)).toBe(keys);
    expect(manifestSites(subject)).toBe(sites);
  });
});
