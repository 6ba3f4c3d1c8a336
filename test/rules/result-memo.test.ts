/**
 * The memo of manifest rules (`src/core/rules/result-memo.ts`) answers "nothing found" without running a
 * rule only when the rule would find nothing. Proved on every manifest rule and every lint corpus
 * manifest: primed on the manifest, the memo's answer on each one-value change of it (every value
 * replaced, every key removed, a key added to every object) is what the rule finds when run; through
 * `runManifestRules`, with the rules' group records, every rule of the list gives what its own run gives.
 * And on rules written for the purpose: what it remembers, what it does not, and when it stops recording.
 */
import type { Manifest } from "../../src/core/k8s";
import type { Finding, ManifestSubject, Rule } from "../../src/core/rules/registry";
import type { IssueDraft } from "../../src/core/errors";
import type { SubjectRule } from "../../src/core/rules/registry";
import { manifestRules, runManifestRules, runRules } from "../../src/core/rules/registry";
import { manifestKeys } from "../../src/core/rules/manifest-index";
import type { RuleMemos } from "../../src/core/rules/result-memo";
import { checkRemembered, MAX_READS, memosFor } from "../../src/core/rules/result-memo";
import type { Target } from "../../src/core/target/resolve";
import { defaultTarget } from "../../src/core/target/resolve";
import { readCorpus } from "../lint/corpus-files";

/** How many corpus manifests per rule the change test primes on. */
const PRIMED_PER_RULE = 15;

interface CorpusManifest {
  readonly manifest: Manifest;
  readonly target: Target;
}

/** Each change of one value of `manifest`: every value replaced by another, every key removed, a key added to every object. */
function changesOf(manifest: Manifest): Manifest[] {
  const out: Manifest[] = [];
  const at = (value: unknown, change: (v: unknown) => unknown): void => {
    if (value === null || typeof value !== "object") return;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, v] of entries) {
      const swap = (replacement: unknown, remove = false): void => {
        out.push(
          change(
            Array.isArray(value)
              ? remove
                ? value.filter((_x, i) => i !== key)
                : value.map((x, i) => (i === key ? replacement : x))
              : Object.fromEntries(Object.entries(value).flatMap(([k, x]) => (k === key ? (remove ? [] : [[k, replacement]]) : [[k, x]]))),
          ) as Manifest,
        );
      };
      swap(typeof v === "string" ? `${v}-x` : typeof v === "number" ? v + 1 : typeof v === "boolean" ? !v : v === null ? "x" : "x");
      swap(undefined, true);
      at(v, (inner) => change(Array.isArray(value) ? value.map((x, i) => (i === key ? inner : x)) : { ...value, [key]: inner }));
    }
    if (!Array.isArray(value)) out.push(change({ ...value, extra: "x" }) as Manifest);
  };
  at(manifest, (v) => v);
  return out;
}

const subjectOf = (manifest: Manifest, target: Target): ManifestSubject => ({ manifest, target, app: [manifest] });

/** What a check gives: its findings, or the message of its exception (a change may leave the manifest malformed). */
function outcome(run: () => readonly Finding[]): unknown {
  try {
    return { found: run() };
  } catch (error) {
    return { threw: String(error) };
  }
}

/** A rule for these tests (not registered): counts its runs. */
function testRule(check: (subject: ManifestSubject) => readonly Finding[]): Rule<ManifestSubject> & { runs: number } {
  const rule = {
    id: "test/memo",
    severity: "error" as const,
    summary: "",
    why: "",
    fix: "",
    on: "manifest" as const,
    runs: 0,
    check: (subject: ManifestSubject) => {
      rule.runs++;
      return check(subject);
    },
  };
  return rule;
}

const target = defaultTarget({ kserveVersion: "0.20" });
const base = (): Manifest => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a", labels: { x: "1" } }, data: { key: "value", other: "2" } });

describe("the memo on every manifest rule and lint corpus manifest", () => {
  const manifests: CorpusManifest[] = readCorpus().flatMap((f) => f.manifests.map((manifest) => ({ manifest, target: f.target })));
  const rules = manifestRules();

  it("covers the corpus", () => {
    expect(manifests.length).toBeGreaterThan(100);
    expect(rules.length).toBeGreaterThan(100);
  });

  const changes = new Map<Manifest, Manifest[]>();
  const changed = (m: Manifest): Manifest[] => {
    let list = changes.get(m);
    if (list === undefined) {
      list = changesOf(m);
      changes.set(m, list);
    }
    return list;
  };

  it.each(rules.map((r) => [r.id, r] as const))("%s: primed on a manifest, answers each change of it as its run does", (_id, rule) => {
    let primed = 0;
    let compared = 0;
    for (const { manifest, target: t } of manifests) {
      if (rule.kinds !== undefined && !rule.kinds.includes(manifest.kind)) continue;
      const memos: RuleMemos = new Map();
      // priming: the memo's first answer is the rule's own
      const first = outcome(() => rule.check(subjectOf(manifest, t)));
      expect(outcome(() => checkRemembered(rule, subjectOf(manifest, t), memos))).toEqual(first);
      if ((memos.get(rule)?.records.length ?? 0) === 0) continue;
      // the first manifests that record (in corpus order) bound the time; the sequence test below sees them all
      if (++primed > PRIMED_PER_RULE) break;
      for (const other of changed(manifest)) {
        // a fresh copy of the primed memo each time, so that the record of the unchanged manifest is what replays
        const fresh: RuleMemos = new Map([...memos].map(([r, m]) => [r, { ...m, records: [...m.records] }]));
        expect(outcome(() => checkRemembered(rule, subjectOf(other, t), fresh))).toEqual(outcome(() => rule.check(subjectOf(other, t))));
        compared++;
      }
    }
    expect(primed).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(0);
  });

  it.each(rules.map((r) => [r.id, r] as const))("%s: through one memo over the whole corpus, answers each manifest as its run does", (_id, rule) => {
    // one memo per target, as memosFor keeps them
    const byTarget = new Map<Target, RuleMemos>();
    for (const { manifest, target: t } of manifests) {
      if (rule.kinds !== undefined && !rule.kinds.includes(manifest.kind)) continue;
      const memos = byTarget.get(t) ?? new Map();
      byTarget.set(t, memos);
      expect(outcome(() => checkRemembered(rule, subjectOf(manifest, t), memos))).toEqual(outcome(() => rule.check(subjectOf(manifest, t))));
    }
  });

  /** What the rules of `list` find in `subject` run one by one, with runManifestRules' filters and no memo. */
  const ranOneByOne = (list: readonly SubjectRule[], subject: ManifestSubject): unknown => {
    const keys = manifestKeys(subject);
    const applicable = list.filter((r) => (r.kinds === undefined || r.kinds.includes(subject.manifest.kind)) && (r.appliesTo === undefined || r.appliesTo(subject.target)) && (r.reads === undefined || r.reads.some((k) => keys.has(k))));
    return outcomeOf(() => runRules(applicable, subject));
  };
  const outcomeOf = (run: () => readonly IssueDraft[]): unknown => {
    try {
      return { found: run() };
    } catch (error) {
      return { threw: String(error) };
    }
  };

  it("through runManifestRules, a list whose rules are recorded together answers each change of a manifest as the rules' own runs do", () => {
    const list = manifestRules();
    // one manifest of each kind, the first in corpus order
    const kinds = new Set<string>();
    const primedOn = manifests.filter(({ manifest }) => !kinds.has(manifest.kind) && kinds.add(manifest.kind) !== undefined);
    expect(primedOn.length).toBeGreaterThan(10);
    let grouped = 0;
    for (const { manifest, target: t } of primedOn) {
      // every change of the small manifests, evenly spread ones of the large (the test above sees them all per rule)
      const changes = changed(manifest);
      const step = Math.ceil(changes.length / 80);
      for (const other of changes.filter((_c, i) => i % step === 0)) {
        // a target object of its own: memos and group records fresh for this manifest, primed by two runs on it
        const own = { ...t };
        runManifestRules(list, subjectOf(manifest, own));
        runManifestRules(list, subjectOf(manifest, own));
        expect(outcomeOf(() => runManifestRules(list, subjectOf(other, own)))).toEqual(ranOneByOne(list, subjectOf(other, own)));
      }
      // the same manifest again and again: from the third run on, most rules are answered by the group record
      const own = { ...t };
      let runs = 0;
      const counted: SubjectRule[] = list.map((r) => ({ ...r, check: (subject: ManifestSubject) => (runs++, r.check(subject)) }));
      const expected = ranOneByOne(list, subjectOf(manifest, own));
      const perRun: number[] = [];
      for (let i = 0; i < 4; i++) {
        const before = runs;
        expect(outcomeOf(() => runManifestRules(counted, subjectOf(manifest, own)))).toEqual(expected);
        perRun.push(runs - before);
      }
      if ((perRun[3] as number) < (perRun[0] as number) / 2) grouped++;
    }
    // for most kinds, the fourth run calls fewer than half the checks the first did
    expect(grouped).toBeGreaterThan(primedOn.length / 2);
  });
});

describe("the memo of manifest rules", () => {
  it("answers from a record when the manifest reads the same, and runs the rule when a value it read differs", () => {
    const rule = testRule(({ manifest }) => ((manifest["data"] as Record<string, string>)["key"] === "bad" ? [{ path: "data.key", value: "bad", message: "bad" }] : []));
    const memos: RuleMemos = new Map();
    expect(checkRemembered(rule, subjectOf(base(), target), memos)).toEqual([]);
    expect(rule.runs).toBe(1);
    const renamed = { ...base(), metadata: { name: "b" }, data: { key: "value", other: "3" } };
    expect(checkRemembered(rule, subjectOf(renamed, target), memos)).toEqual([]);
    expect(rule.runs).toBe(1);
    const bad = { ...base(), data: { key: "bad" } };
    expect(checkRemembered(rule, subjectOf(bad, target), memos)).toEqual([{ path: "data.key", value: "bad", message: "bad" }]);
    // run once, on the view: a finding whose value is a string stands as found
    expect(rule.runs).toBe(2);
  });

  it("sees a key that appears, an `in` test that changes and a list of keys that changes", () => {
    const rule = testRule(({ manifest }) => {
      const data = manifest["data"] as Record<string, string>;
      return "missing" in data || Object.keys(data).length !== 2 || data["absent"] !== undefined ? [{ path: "data", value: undefined, message: "changed" }] : [];
    });
    const memos: RuleMemos = new Map();
    expect(checkRemembered(rule, subjectOf(base(), target), memos)).toEqual([]);
    for (const data of [{ key: "value", other: "2", missing: "1" }, { key: "value" }, { key: "value", absent: "1" }]) {
      expect(checkRemembered(rule, subjectOf({ ...base(), data }, target), memos)).toHaveLength(1);
    }
    expect(checkRemembered(rule, subjectOf(base(), target), memos)).toEqual([]);
  });

  it("gives the manifest's own objects in findings, not the views it recorded through", () => {
    const manifest = base();
    const rule = testRule((s) => [{ path: "metadata", value: s.manifest["metadata"], message: "found" }]);
    const found = checkRemembered(rule, subjectOf(manifest, target), new Map());
    expect(found[0]?.value).toBe(manifest["metadata"]);
    // once on the view, once on the manifest itself for a finding whose value is an object
    expect(rule.runs).toBe(2);
  });

  it("keeps identities inside the manifest and arrays as arrays", () => {
    const manifest: Manifest = { ...base(), spec: { items: [{ a: 1 }, { a: 2 }] } };
    const rule = testRule(({ manifest: m }) => {
      const spec = m["spec"] as { items: { a: number }[] };
      return spec === m["spec"] && Array.isArray(spec.items) && spec.items.map((i) => i.a).join() === "1,2" && JSON.stringify(m) === JSON.stringify(manifest) ? [] : [{ path: "", value: undefined, message: "the view differs" }];
    });
    expect(checkRemembered(rule, subjectOf(manifest, target), new Map())).toEqual([]);
  });

  it("does not let a rule change the manifest it checks, and does not remember such a run", () => {
    const rule = testRule(({ manifest }) => {
      (manifest["data"] as Record<string, string>)["key"] = "changed";
      return [];
    });
    const manifest = base();
    const memos: RuleMemos = new Map();
    expect(checkRemembered(rule, subjectOf(manifest, target), memos)).toEqual([]);
    // the view refused the write; the rule's own run then did what it does
    expect(rule.runs).toBe(2);
    expect((manifest["data"] as Record<string, string>)["key"]).toBe("changed");
    checkRemembered(rule, subjectOf(base(), target), memos);
    expect(rule.runs).toBe(4);
  });

  it("lets an exception of the rule through from its own run", () => {
    const rule = testRule(() => {
      throw new Error("boom");
    });
    expect(() => checkRemembered(rule, subjectOf(base(), target), new Map())).toThrow("boom");
  });

  it("works on frozen manifests", () => {
    const freeze = (v: unknown): unknown => (v !== null && typeof v === "object" ? Object.freeze(Object.values(v).forEach(freeze) ?? v) : v);
    const manifest = freeze(base()) as Manifest;
    const rule = testRule(({ manifest: m }) => ((m["metadata"] as { name: string }).name === "a" ? [] : [{ path: "", value: undefined, message: "x" }]));
    expect(checkRemembered(rule, subjectOf(manifest, target), new Map())).toEqual([]);
  });

  it("stops recording a rule whose records do not replay (one that reads the name), and then just runs it", () => {
    const rule = testRule(({ manifest }) => ((manifest["metadata"] as { name: string }).name.length > 63 ? [{ path: "metadata.name", value: undefined, message: "long" }] : []));
    const memos: RuleMemos = new Map();
    for (let i = 0; i < 20; i++) checkRemembered(rule, subjectOf({ ...base(), metadata: { name: `m-${i}` } }, target), memos);
    expect(rule.runs).toBe(20);
    expect(memos.get(rule)?.off).toBe(true);
    expect(memos.get(rule)?.records).toHaveLength(0);
  });

  it("does not keep a record longer than it is worth replaying", () => {
    const rule = testRule(({ manifest }) => (JSON.stringify(manifest).length < 0 ? [{ path: "", value: undefined, message: "x" }] : []));
    const big: Manifest = { ...base(), data: Object.fromEntries(Array.from({ length: MAX_READS }, (_, i) => [`k${i}`, "v"])) };
    const memos: RuleMemos = new Map();
    checkRemembered(rule, subjectOf(big, target), memos);
    expect(memos.get(rule)?.records).toHaveLength(0);
  });

  it("is used only for one manifest on its own, outside lint, with no facts beyond the runtime", () => {
    const manifest = base();
    expect(memosFor(subjectOf(manifest, target))).toBeDefined();
    expect(memosFor({ manifest, target, app: [manifest, base()] })).toBeUndefined();
    expect(memosFor({ manifest, target, app: [manifest], lint: { runtimes: new Set(), objects: new Set() } })).toBeUndefined();
    expect(memosFor({ manifest, target, app: [manifest], known: { runtimes: [] } })).toBeUndefined();
    // a different target or runtime remembers apart
    expect(memosFor(subjectOf(manifest, defaultTarget({ kserveVersion: "0.15" })))).not.toBe(memosFor(subjectOf(manifest, target)));
  });

  it("records the rules of a list that keep replaying together, and answers them from that one record", () => {
    const reads = (key: string) =>
      testRule(({ manifest }) => ((manifest["data"] as Record<string, string>)[key] === "bad" ? [{ path: `data.${key}`, value: "bad", message: `bad ${key}` }] : []));
    const onKey = reads("key");
    const onOther = reads("other");
    const onName = testRule(({ manifest }) => ((manifest["metadata"] as { name: string }).name === "bad" ? [{ path: "metadata.name", value: "bad", message: "bad name" }] : []));
    const list: SubjectRule[] = [onKey, onOther, onName];
    const own = { ...target };
    const named = (name: string, data: Record<string, string> = { key: "value", other: "2" }): ManifestSubject => subjectOf({ ...base(), metadata: { name }, data }, own);
    // first run: each rule records; second: the two that do not read the name replay, and are recorded together
    expect(runManifestRules(list, named("a"))).toEqual([]);
    expect(runManifestRules(list, named("b"))).toEqual([]);
    expect([onKey.runs, onOther.runs]).toEqual([2, 2]);
    const afterTwo = [onKey.runs, onOther.runs, onName.runs];
    // from now on the group record answers for both: neither runs, on manifests of other names
    for (let i = 0; i < 5; i++) expect(runManifestRules(list, named(`m-${i}`))).toEqual([]);
    expect([onKey.runs, onOther.runs]).toEqual(afterTwo.slice(0, 2));
    // a value only one of them read differs: the group record does not replay, each rule answers for itself
    expect(runManifestRules(list, named("m", { key: "value", other: "bad" })).map((d) => d.message)).toEqual(["bad other"]);
    expect(runManifestRules(list, named("bad", { key: "bad", other: "2" })).map((d) => d.message)).toEqual(["bad key", "bad name"]);
    // and a manifest that reads as the group's again is answered by it
    const before = [onKey.runs, onOther.runs];
    expect(runManifestRules(list, named("m-9"))).toEqual([]);
    expect([onKey.runs, onOther.runs]).toEqual(before);
  });

  it("keeps no group record when a rule of the group throws in the group run, and stops trying after a few", () => {
    let calls = 0;
    // finds nothing when it records; throws on every later call (the group runs)
    const flaky = testRule(() => {
      if (++calls > 1) throw new Error("boom");
      return [];
    });
    const steady = testRule(() => []);
    const list: SubjectRule[] = [flaky, steady];
    const own = { ...target };
    for (let i = 0; i < 10; i++) expect(runManifestRules(list, subjectOf(base(), own))).toEqual([]);
    // the first run recorded each rule; every later one replayed them; the group run failed four times, then was no longer tried
    expect(calls).toBe(1 + 4);
    expect(memosFor(subjectOf(base(), own))?.get(flaky)?.hits).toBe(9);
  });

  it("keeps in a group only the rules that replayed on the manifest it records (not one that reads the name)", () => {
    const steady = [testRule(() => []), testRule(() => [])];
    const onName = testRule(({ manifest }) => ((manifest["metadata"] as { name: string }).name === "bad" ? [{ path: "metadata.name", value: "bad", message: "bad name" }] : []));
    const list: SubjectRule[] = [...steady, onName];
    const own = { ...target };
    const named = (name: string): ManifestSubject => subjectOf({ ...base(), metadata: { name } }, own);
    for (let i = 0; i < 10; i++) expect(runManifestRules(list, named(`m-${i}`))).toEqual([]);
    // the two steady rules: one record each, one group run; then answered by the group (the name rule just runs)
    expect(steady.map((r) => r.runs)).toEqual([2, 2]);
    expect(runManifestRules(list, named("bad")).map((d) => d.message)).toEqual(["bad name"]);
  });

  it("is what runManifestRules uses: a bad manifest after good ones is still reported", () => {
    const rules = manifestRules().filter((r) => r.id === "kserve/predictor");
    const isvc = (name: string, predictor: unknown): Manifest => ({ apiVersion: "serving.kserve.io/v1beta1", kind: "InferenceService", metadata: { name }, spec: predictor === undefined ? {} : { predictor } });
    for (let i = 0; i < 10; i++) expect(runManifestRules(rules, subjectOf(isvc(`m-${i}`, { model: { modelFormat: { name: "sklearn" }, storageUri: "s3://b/m" } }), target))).toEqual([]);
    expect(runManifestRules(rules, subjectOf(isvc("bad", undefined), target)).map((d) => d.rule)).toEqual(["kserve/predictor"]);
  });
});
