/**
 * The output step never loses or mixes output: a simulated kill before every single file-system
 * operation of a synth (and of the recovery after it), a failure of every single operation, and the
 * leftovers of earlier runs all end with the complete old tree or the complete new one.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { GITIGNORE_PATTERN, MARKER_FILE, MARKER_TEXT, OutputError, outputPaths, recoverOutput, writeOutput } from "../../src/output";
import type { OutputFs } from "../../src/output";
import { FaultFs, SimulatedKill } from "../support/fault-fs";

const root = path.resolve(__dirname, "../..");

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "kc-out-"));
}

/** Every file below `dir` with its content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (d: string, prefix: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      const rel = prefix === "" ? name : `${prefix}/${name}`;
      if (fs.statSync(full).isDirectory()) visit(full, rel);
      else out[rel] = fs.readFileSync(full, "utf8");
    }
  };
  visit(dir, "");
  return out;
}

const OLD = { [MARKER_FILE]: MARKER_TEXT, "a.k8s.yaml": "old a\n", "keep/b.k8s.yaml": "old b\n" };
const NEW = { [MARKER_FILE]: MARKER_TEXT, "a.k8s.yaml": "new a\n", "c.k8s.yaml": "new c\n", "sub/d.k8s.yaml": "new d\n" };

function writeNew(dir: string): void {
  fs.mkdirSync(path.join(dir, "sub"));
  fs.writeFileSync(path.join(dir, "a.k8s.yaml"), "new a\n");
  fs.writeFileSync(path.join(dir, "c.k8s.yaml"), "new c\n");
  fs.writeFileSync(path.join(dir, "sub", "d.k8s.yaml"), "new d\n");
}

/** A parent folder holding `dist` with the old output (or nothing). */
function setup(withOld: boolean): { parent: string; out: string } {
  const parent = tmp();
  const out = path.join(parent, "dist");
  if (withOld) {
    for (const [rel, text] of Object.entries(OLD)) {
      fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
      fs.writeFileSync(path.join(out, rel), text);
    }
  }
  return { parent, out };
}

/** The pid of a process that has exited. */
let exited: number | undefined;
function deadPid(): number {
  exited ??= spawnSync(process.execPath, ["-e", ""]).pid as number;
  return exited;
}

/** Makes a lock left by this (simulated dead) process look like what it is: a dead process's lock. */
function killOwner(out: string): void {
  const lock = outputPaths(out).lock;
  if (!fs.existsSync(lock)) return;
  const owner = JSON.parse(fs.readFileSync(lock, "utf8")) as Record<string, unknown>;
  fs.writeFileSync(lock, JSON.stringify({ ...owner, pid: deadPid() }));
}

function synth(out: string, fsys?: OutputFs): ReturnType<typeof writeOutput> {
  return writeOutput(
    out,
    (staging) => {
      if (fsys instanceof FaultFs && fsys.dead) throw new SimulatedKill("write after death");
      writeNew(staging);
    },
    fsys === undefined ? { waitMs: 0 } : { fs: fsys, waitMs: 0 },
  );
}

describe("a successful synth", () => {
  it("replaces the old tree with the new one, adds the marker, leaves nothing beside it", () => {
    const { parent, out } = setup(true);
    const result = synth(out);
    expect(tree(out)).toEqual(NEW);
    expect(result.files).toEqual(["a.k8s.yaml", "c.k8s.yaml", "sub/d.k8s.yaml"]);
    expect(result.recovery).toEqual({ action: "none", steps: [] });
    expect(result.notes).toEqual([]);
    expect(fs.readdirSync(parent)).toEqual(["dist"]);
    expect(fs.lstatSync(out).isDirectory()).toBe(true);
  });

  it("gives 0755 folders and 0644 files whatever the umask", () => {
    const { out } = setup(false);
    const umask = process.umask(0o077);
    try {
      writeOutput(out, (staging) => {
        writeNew(staging);
        fs.chmodSync(path.join(staging, "c.k8s.yaml"), 0o600);
      });
    } finally {
      process.umask(umask);
    }
    const mode = (p: string): string => (fs.statSync(p).mode & 0o777).toString(8);
    expect(mode(out)).toBe("755");
    expect(mode(path.join(out, "sub"))).toBe("755");
    for (const f of Object.keys(NEW)) expect([f, mode(path.join(out, f))]).toEqual([f, "644"]);
  });

  it("refuses to put anything but plain files and folders into the output (nothing changes)", () => {
    const { parent, out } = setup(true);
    expect(() => writeOutput(out, (staging) => fs.symlinkSync("/etc/passwd", path.join(staging, "link.yaml")))).toThrow(
      "the new output holds link.yaml, which is not a plain file",
    );
    expect(tree(out)).toEqual(OLD);
    expect(fs.readdirSync(parent)).toEqual(["dist"]);
  });

  it("a write callback that throws leaves the old tree and no leftovers, and rethrows its error", () => {
    const { parent, out } = setup(true);
    const boom = new Error("the app failed");
    expect(() =>
      writeOutput(out, (staging) => {
        fs.writeFileSync(path.join(staging, "half.yaml"), "x");
        throw boom;
      }),
    ).toThrow(boom);
    expect(tree(out)).toEqual(OLD);
    expect(fs.readdirSync(parent)).toEqual(["dist"]);
  });
});

describe("a kill before any step of a synth, then the next command", () => {
  for (const withOld of [true, false]) {
    const label = withOld ? "over an earlier output" : "into a new folder";
    it(`${label}: recovery leaves the complete old tree or the complete new one, never none, never a mix`, () => {
      const probe = new FaultFs();
      synth(setup(withOld).out, probe);
      const steps = probe.ops;
      expect(steps.length).toBeGreaterThan(12);
      const outcomes = new Set<string>();
      for (let k = 0; k < steps.length; k++) {
        const { parent, out } = setup(withOld);
        const fsys = new FaultFs({ killAt: k });
        try {
          synth(out, fsys);
        } catch {
          // killed where an error can still surface; a kill in the final cleanup surfaces nothing
        }
        expect(fsys.dead).toBe(true);
        killOwner(out);
        const report = recoverOutput(out, { waitMs: 0 });
        const after = fs.existsSync(out) ? tree(out) : undefined;
        const state = after === undefined ? "none" : JSON.stringify(after) === JSON.stringify(NEW) ? "new" : JSON.stringify(after) === JSON.stringify(OLD) ? "old" : "mix";
        outcomes.add(state);
        // the old tree, or the new one; "none" only when there was no old tree
        expect([k, steps[k], state]).toEqual([k, steps[k], state === "new" ? "new" : withOld ? "old" : "none"]);
        expect([k, fs.readdirSync(parent)]).toEqual([k, state === "none" ? [] : ["dist"]]);
        // and the recovery says truthfully which one it is
        expect([k, report.action]).toEqual([k, state === "new" ? expect.stringMatching(/^(none|rolled-forward)$/) : expect.stringMatching(/^(none|cleaned|rolled-back)$/)]);
        // and the next synth works
        synth(out);
        expect(tree(out)).toEqual(NEW);
        expect(fs.readdirSync(parent)).toEqual(["dist"]);
      }
      // the kills fall both before and after the commit point
      expect([...outcomes].sort()).toEqual(withOld ? ["new", "old"] : ["new", "none"]);
    });
  }

  it("the next synth recovers by itself (before writing) and says so", () => {
    const probe = new FaultFs();
    synth(setup(true).out, probe);
    const between = probe.ops.findIndex((op) => /^rename .*-staging -> /.test(op));
    expect(probe.ops[between]).toMatch(/^rename .*\.dist\.kserve-constructs-staging -> .*dist$/);
    const { out } = setup(true);
    const killed = new FaultFs({ killAt: between });
    expect(() => synth(out, killed)).toThrow();
    expect(killed.dead).toBe(true);
    // killed between the two renames: no output folder at all until the next command
    expect(fs.existsSync(out)).toBe(false);
    killOwner(out);
    const result = synth(out);
    expect(result.recovery.action).toBe("rolled-back");
    expect(result.notes).toEqual([
      `recovered an interrupted synth: ${out} holds the previous output, complete`,
      `took over the lock left by a synth pid ${deadPid()} that has ended`,
    ]);
    expect(tree(out)).toEqual(NEW);
  });

  it("a kill during the recovery itself is recovered by the next one", () => {
    const probe = new FaultFs();
    synth(setup(true).out, probe);
    const states = new Set<string>();
    for (let k = 0; k < probe.ops.length; k++) {
      const { out } = setup(true);
      const killed = new FaultFs({ killAt: k });
      try {
        synth(out, killed);
      } catch {
        // see above
      }
      expect(killed.dead).toBe(true);
      killOwner(out);
      // one run per distinct state on disk (the names of everything in the parent, recursively)
      const state = JSON.stringify(Object.keys(tree(path.dirname(out))));
      if (states.has(state)) continue;
      states.add(state);
      // count the recovery's own steps from this state, then kill it before each of them
      const snapshot = tmp();
      fs.cpSync(path.dirname(out), snapshot, { recursive: true });
      const recoveryProbe = new FaultFs();
      const expected = recoverOutput(out, { fs: recoveryProbe, waitMs: 0 });
      const wanted = tree(out);
      for (let j = 0; j < recoveryProbe.ops.length; j++) {
        fs.rmSync(path.dirname(out), { recursive: true, force: true });
        fs.cpSync(snapshot, path.dirname(out), { recursive: true });
        const killedRecovery = new FaultFs({ killAt: j });
        try {
          recoverOutput(out, { fs: killedRecovery, waitMs: 0 });
        } catch {
          // see above
        }
        expect(killedRecovery.dead).toBe(true);
        killOwner(out);
        recoverOutput(out, { waitMs: 0 });
        expect([k, j, tree(out)]).toEqual([k, j, wanted]);
        expect(fs.readdirSync(path.dirname(out))).toEqual(["dist"]);
      }
      expect(["none", "cleaned", "rolled-back", "rolled-forward"]).toContain(expected.action);
    }
    // the states between the steps of a swap: staged, journaled, old moved aside, new in place, cleaned up
    expect(states.size).toBeGreaterThanOrEqual(6);
  });
});

describe("a failure at any step of a synth", () => {
  it("killed while it undoes the failure: recovery leaves a complete tree and says truthfully which", () => {
    const probe = new FaultFs();
    synth(setup(true).out, probe);
    let killedDuringUndo = 0;
    for (let k = 0; k < probe.ops.length; k++) {
      for (let j = k + 1; j <= k + 4; j++) {
        const { parent, out } = setup(true);
        const fsys = new FaultFs({ failAt: k, killAt: j });
        try {
          synth(out, fsys);
        } catch {
          // the failure, or the kill
        }
        if (!fsys.dead) continue;
        killedDuringUndo++;
        killOwner(out);
        const report = recoverOutput(out, { waitMs: 0 });
        const after = JSON.stringify(tree(out));
        const state = after === JSON.stringify(NEW) ? "new" : after === JSON.stringify(OLD) ? "old" : "mix";
        expect([k, j, state === "mix" ? after : "complete"]).toEqual([k, j, "complete"]);
        expect([k, j, report.action]).toEqual([k, j, state === "new" ? expect.stringMatching(/^(none|rolled-forward)$/) : expect.stringMatching(/^(none|cleaned|rolled-back)$/)]);
        expect([k, j, fs.readdirSync(parent)]).toEqual([k, j, ["dist"]]);
      }
    }
    expect(killedDuringUndo).toBeGreaterThan(20);
  });

  it("is undone before it is reported, and the message says truthfully what is on disk", () => {
    const probe = new FaultFs();
    synth(setup(true).out, probe);
    let reported = 0;
    for (let k = 0; k < probe.ops.length; k++) {
      const { parent, out } = setup(true);
      let error: unknown;
      let result: ReturnType<typeof writeOutput> | undefined;
      try {
        result = synth(out, new FaultFs({ failAt: k }));
      } catch (e) {
        error = e;
      }
      if (error !== undefined) {
        reported++;
        // reported: the old output is in place, complete
        expect([k, probe.ops[k], tree(out)]).toEqual([k, probe.ops[k], OLD]);
        const message = (error as Error).message;
        if (error instanceof OutputError) expect([k, message]).toEqual([k, expect.stringMatching(/is unchanged|put back|Nothing was changed/)]);
        else expect([k, message]).toEqual([k, expect.stringContaining("EIO")]);
      } else {
        // not reported as a failure: the new output is in place, complete
        expect([k, probe.ops[k], tree(out)]).toEqual([k, probe.ops[k], NEW]);
        const leftovers = fs.readdirSync(parent).filter((n) => n !== "dist");
        // a leftover beside the folder is announced, and removed by the next command
        if (leftovers.some((n) => !n.endsWith("-lock"))) expect([k, result?.notes.length]).toEqual([k, 1]);
      }
      killOwner(out);
      recoverOutput(out, { waitMs: 0 });
      expect([k, fs.readdirSync(parent)]).toEqual([k, ["dist"]]);
    }
    expect(reported).toBeGreaterThan(8);
  });

  it("a failed move into place puts the previous output back and says so", () => {
    const probe = new FaultFs();
    synth(setup(true).out, probe);
    const install = probe.ops.findIndex((op) => /^rename .*-staging -> /.test(op));
    const { parent, out } = setup(true);
    const p = outputPaths(out);
    expect(() => synth(out, new FaultFs({ failAt: install }))).toThrow(
      `could not move the new output into place (EIO: i/o error (injected), rename ${p.staging} -> ${out}); the previous output was put back: ${out} is unchanged.`,
    );
    expect(tree(out)).toEqual(OLD);
    expect(fs.readdirSync(parent)).toEqual(["dist"]);
  });

  it("when the previous output cannot be put back either, the message says where both trees are", () => {
    const { parent, out } = setup(true);
    const p = outputPaths(out);
    let renames = 0;
    const fsys = new FaultFs();
    const failing: OutputFs = Object.assign(Object.create(fsys) as FaultFs, {
      rename(from: string, to: string) {
        renames++;
        // the journal's rename and the first swap rename work; the next two fail
        if (renames >= 3) throw Object.assign(new Error("EIO: injected"), { code: "EIO" });
        fsys.rename(from, to);
      },
    });
    expect(() => synth(out, failing)).toThrow(
      `could not move the new output into place (EIO: injected), nor the previous output back: ${out} is missing; the previous output is complete in ${p.previous} and the new one in ${p.staging}. Run \`kserve-constructs recover --out ${out}\``,
    );
    expect(fs.existsSync(out)).toBe(false);
    expect(tree(p.previous)).toEqual(OLD);
    expect(recoverOutput(out, { waitMs: 0 }).action).toBe("rolled-back");
    expect(tree(out)).toEqual(OLD);
    expect(fs.readdirSync(parent)).toEqual(["dist"]);
  });
});

describe("leftovers", () => {
  it("a staging folder and an unfinished journal from an earlier run are removed, the output untouched", () => {
    const { parent, out } = setup(true);
    const p = outputPaths(out);
    fs.mkdirSync(p.staging);
    fs.writeFileSync(path.join(p.staging, "half.yaml"), "x");
    fs.writeFileSync(p.journalTmp, "{");
    const report = recoverOutput(out);
    expect(report.action).toBe("cleaned");
    expect(report.summary).toBe(`removed the leftovers of an unfinished synth beside ${out} (the output was not touched)`);
    expect(tree(out)).toEqual(OLD);
    expect(fs.readdirSync(parent)).toEqual(["dist"]);
    expect(recoverOutput(out).action).toBe("none");
  });

  it("a recorded swap with both trees and the staging folder is never guessed at: nothing is deleted", () => {
    const { out } = setup(true);
    const p = outputPaths(out);
    fs.cpSync(out, p.previous, { recursive: true });
    fs.mkdirSync(p.staging);
    fs.writeFileSync(p.journal, "{}");
    expect(() => recoverOutput(out)).toThrow(OutputError);
    expect(tree(out)).toEqual(OLD);
    expect(tree(p.previous)).toEqual(OLD);
    expect(fs.existsSync(p.staging)).toBe(true);
  });

  it("every file kept beside the output matches the .gitignore line, which is in the project's .gitignore", () => {
    const ignore = fs.readFileSync(path.join(root, ".gitignore"), "utf8").split("\n");
    expect(ignore).toContain(GITIGNORE_PATTERN);
    const repo = tmp();
    spawnSync("git", ["init", "-q"], { cwd: repo });
    fs.writeFileSync(path.join(repo, ".gitignore"), `${GITIGNORE_PATTERN}\n`);
    const p = outputPaths(path.join(repo, "manifests", "dist"));
    const check = (file: string): boolean => spawnSync("git", ["check-ignore", "-q", "--no-index", path.relative(repo, file)], { cwd: repo }).status === 0;
    for (const file of [p.lock, p.journal, p.journalTmp, p.staging, p.previous, `${p.lock}.stale-123-0`]) expect([file, check(file)]).toEqual([file, true]);
    for (const file of [p.outdir, path.join(p.outdir, MARKER_FILE), path.join(p.outdir, "a.k8s.yaml")]) expect([file, check(file)]).toEqual([file, false]);
  });
});
