/**
 * A synth process really killed (SIGKILL) at the steps of its swap, then `kserve-constructs recover`
 * (or the next synth): the folder holds the complete old tree or the complete new one.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MARKER_FILE, MARKER_TEXT, writeOutput } from "../../src/output";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/command";
import { FaultFs } from "../support/fault-fs";

const root = path.resolve(__dirname, "../..");
const OLD = { [MARKER_FILE]: MARKER_TEXT, "a.k8s.yaml": "old a\n", "b.k8s.yaml": "old b\n" };
const NEW = { [MARKER_FILE]: MARKER_TEXT, "a.k8s.yaml": "new a\n", "c.k8s.yaml": "new c\n" };

function setup(): string {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kc-kill-")), "dist");
  fs.mkdirSync(out);
  for (const [f, text] of Object.entries(OLD)) fs.writeFileSync(path.join(out, f), text);
  return out;
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) out[f] = fs.readFileSync(path.join(dir, f), "utf8");
  return out;
}

it("a synth killed before each rename and removal of its swap is recovered by `kserve-constructs recover`", async () => {
  // the steps of the same synth, counted in this process
  const probe = new FaultFs();
  writeOutput(setup(), (s) => {
    fs.writeFileSync(path.join(s, "a.k8s.yaml"), "new a\n");
    fs.writeFileSync(path.join(s, "c.k8s.yaml"), "new c\n");
  }, { fs: probe, waitMs: 0 });
  const chosen = probe.ops.map((op, i) => [op, i] as const).filter(([op]) => /^(rename|remove|write .*journal)/.test(op));
  expect(chosen.length).toBeGreaterThanOrEqual(5);
  const seen = new Set<string>();
  for (const [op, k] of chosen) {
    const out = setup();
    const child = spawnSync(process.execPath, [require.resolve("tsx/cli"), path.join(root, "test/fixtures/killed-synth.ts"), out, String(k)], { cwd: root, encoding: "utf8" });
    expect([op, child.status === 0]).toEqual([op, false]);
    let printed = "";
    const io: CliIo = { out: (t) => void (printed += t), err: (t) => void (printed += t) };
    expect([op, await main(["recover", "--out", out], io)]).toEqual([op, 0]);
    const after = tree(out);
    const state = JSON.stringify(after) === JSON.stringify(NEW) ? "new" : JSON.stringify(after) === JSON.stringify(OLD) ? "old" : "mixed";
    expect([op, state === "mixed" ? after : state]).toEqual([op, state]);
    seen.add(state);
    expect([op, printed]).toEqual([op, expect.stringMatching(state === "new" ? /holds the output of that synth, complete|nothing to recover/ : /holds the previous output, complete|not touched/)]);
    expect([op, fs.readdirSync(path.dirname(out))]).toEqual([op, ["dist"]]);
  }
  expect([...seen].sort()).toEqual(["new", "old"]);
}, 120_000);

it("`recover` with nothing to do says so; --json reports the action", async () => {
  const out = setup();
  let printed = "";
  const io: CliIo = { out: (t) => void (printed += t), err: (t) => void (printed += t) };
  expect(await main(["recover", "-o", out], io)).toBe(0);
  expect(printed).toBe(`nothing to recover for ${out}\n`);
  printed = "";
  expect(await main(["recover", "--out", out, "--json"], io)).toBe(0);
  expect(JSON.parse(printed)).toEqual({ command: "recover", ok: true, exitCode: 0, outdir: out, action: "none", steps: [] });
  expect(tree(out)).toEqual(OLD);
});
