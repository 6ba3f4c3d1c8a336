/**
 * The lint corpus (`test/lint/corpus`), read for the tests that run every manifest rule over it: each
 * file with its manifests, its target (`# target:`) and the rules it expects (`# expect:`).
 */
import * as fs from "fs";
import * as path from "path";
import type { Manifest } from "../../src/core/k8s";
import type { Target } from "../../src/core/target/resolve";
import { lintTarget, parseObjects } from "../../src/lint";

/** One corpus file. */
export interface CorpusFile {
  /** Its path under the corpus (`bad/kserve--predictor.yaml`). */
  readonly file: string;
  readonly manifests: readonly Manifest[];
  readonly target: Target;
  /** The rule ids it expects. */
  readonly expect: readonly string[];
}

/** The corpus files, bad cases then clean ones, each folder in name order. */
export function readCorpus(): CorpusFile[] {
  const corpus = path.join(__dirname, "corpus");
  const out: CorpusFile[] = [];
  for (const folder of ["bad", "clean"]) {
    const dir = path.join(corpus, folder);
    for (const f of fs.readdirSync(dir).filter((n) => /\.(ya?ml|json)$/.test(n)).sort()) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      const target = /^# target: *(\S+)/m.exec(text)?.[1];
      const expect = [...text.matchAll(/^# expect: *(\S+)/gm)].map((m) => m[1] as string);
      out.push({ file: `${folder}/${f}`, manifests: parseObjects(f, text).objects.map((o) => o.manifest), target: lintTarget(target), expect });
    }
  }
  return out;
}
