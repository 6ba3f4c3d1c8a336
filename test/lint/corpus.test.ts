/**
 * The lint corpus: for every manifest-level rule, a hand-written manifest that breaks it (reported with
 * that rule id, and nothing else); and upstream-shaped manifests (KServe samples, OpenShift AI templates,
 * NVIDIA nim-deploy shapes) that must lint clean: the false-positive count is zero.
 *
 * Each corpus file says what it expects in its first comment lines:
 *   # expect: rule/id            (bad cases; one line per rule)
 *   # target: openshift-ai-2.25  (optional; the library's default target otherwise)
 *   # assume-runtime: NAME       (optional, repeatable)
 *   # assume-secret: [NS/]NAME   (optional, repeatable: Secrets made outside Git, as a user declares them)
 */
import * as fs from "fs";
import * as path from "path";
import { lint } from "../../src/lint";
import { manifestRules } from "../../src/core/rules/registry";

const corpus = path.join(__dirname, "corpus");

interface Case {
  readonly file: string;
  readonly text: string;
  readonly expect: string[];
  readonly target?: string;
  readonly assumeRuntimes: string[];
  readonly assumeSecrets: string[];
}

function header(text: string, key: string): string[] {
  return [...text.matchAll(new RegExp(`^# ${key}: *(\\S+)`, "gm"))].map((m) => m[1] as string);
}

function cases(folder: string): Case[] {
  const dir = path.join(corpus, folder);
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      const target = header(text, "target")[0];
      return { file: `${folder}/${f}`, text, expect: header(text, "expect"), ...(target !== undefined ? { target } : {}), assumeRuntimes: header(text, "assume-runtime"), assumeSecrets: header(text, "assume-secret") };
    });
}

function run(c: Case) {
  return lint([{ file: c.file, text: c.text }], { ...(c.target !== undefined ? { target: c.target } : {}), assumeRuntimes: c.assumeRuntimes, assumeSecrets: c.assumeSecrets });
}

const bad = cases("bad");
const clean = cases("clean");

describe("lint corpus: manifests that break a rule", () => {
  it.each(bad.map((c) => [c.file, c] as const))("%s is reported with exactly the rules it breaks", (_file, c) => {
    expect(c.expect.length).toBeGreaterThan(0);
    const report = run(c);
    expect([...new Set(report.problems.map((p) => p.rule))].sort()).toEqual([...new Set(c.expect)].sort());
    for (const p of report.problems) {
      expect(p.message).not.toBe("");
      expect(p.fix).not.toBe("");
      expect(p.line).toBeGreaterThan(0);
    }
  });

  it("has a case for every manifest-level rule of the registry", () => {
    const covered = new Set(bad.flatMap((c) => c.expect));
    const missing = manifestRules()
      .map((r) => r.id)
      .filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
    expect(manifestRules().length).toBeGreaterThan(5);
  });
});

describe("lint corpus: upstream-shaped manifests lint clean", () => {
  it.each(clean.map((c) => [c.file, c] as const))("%s has no problem", (_file, c) => {
    const report = run(c);
    expect(report.problems.map((p) => `${p.where} > ${p.path}: ${p.message} [${p.rule}]`)).toEqual([]);
    expect(report.checked).toBeGreaterThan(0);
  });

  it("the false-positive count over the whole clean set is zero", () => {
    const total = clean.reduce((n, c) => n + run(c).problems.length, 0);
    expect(clean.length).toBeGreaterThanOrEqual(8);
    expect(total).toBe(0);
  });
});
