/**
 * One synth at a time per output folder: a second one (another process) waits for the first, or
 * refuses with a clear message when its wait runs out, and never swaps half; a lock left by a dead
 * process is taken over.
 */
import { spawn, spawnSync } from "child_process";
import type { ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { acquireLock, nodeFs, outputPaths, processAlive, writeOutput } from "../../src/output";

const root = path.resolve(__dirname, "../..");
const tsx = require.resolve("tsx/cli");
const slow = path.join(root, "test", "fixtures", "slow-synth.ts");

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "kc-lock-"));
}

interface Done {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** A running fixture synth, and promises for the lines it prints and for its end. */
interface Running {
  readonly child: ChildProcess;
  readonly done: Promise<Done>;
  /** Resolves when the fixture prints `line` (or ends without printing it). */
  printed(line: string): Promise<void>;
}

function start(args: string[]): Running {
  const child = spawn(process.execPath, [tsx, slow, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  let ended = false;
  const waiters: { line: string; resolve: () => void }[] = [];
  const settle = (): void => {
    for (const w of waiters.splice(0)) {
      if (ended || out.split("\n").includes(w.line)) w.resolve();
      else waiters.push(w);
    }
  };
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
    settle();
  });
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  const done = new Promise<Done>((resolve) => child.on("close", (code) => {
    ended = true;
    settle();
    resolve({ code, out, err });
  }));
  return {
    child,
    done,
    printed: (line) =>
      new Promise<void>((resolve) => {
        waiters.push({ line, resolve });
        settle();
      }),
  };
}

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".yaml")).sort()) out[f] = fs.readFileSync(path.join(dir, f), "utf8");
  return out;
}

describe("two synths of one folder at once (two processes)", () => {
  // Each step waits for an event (a line the other process prints, its end, or the release file this
  // test creates), never for time to pass, so the order is the same on an idle and on a loaded machine.
  it("the second waits for the first, then writes its own complete tree", async () => {
    const dir = tmp();
    const out = path.join(dir, "dist");
    const release = path.join(tmp(), "release");
    const first = start([out, "first", "0", release]);
    await first.printed("writing");
    // the jest timeout bounds this wait, not the lock's
    const second = start([out, "second", "3600000", release]);
    await second.printed("waiting");
    expect(fs.existsSync(out)).toBe(false);
    fs.writeFileSync(release, "");
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a).toMatchObject({ code: 0, err: "", out: "writing\ndone first\n" });
    expect(b).toMatchObject({ code: 0, err: "", out: "waiting\nwriting\ndone second\n" });
    expect(files(out)).toEqual({ "a.k8s.yaml": "second\n", "b.k8s.yaml": "second\n" });
    expect(fs.readdirSync(dir)).toEqual(["dist"]);
  }, 120_000);

  it("a second synth that may not wait refuses with who holds the lock, and the first completes", async () => {
    const dir = tmp();
    const out = path.join(dir, "dist");
    const release = path.join(tmp(), "release");
    const first = start([out, "first", "0", release]);
    await first.printed("writing");
    // the first holds the lock until the release file exists, so the second finds it held
    const b = await start([out, "second", "0", release]).done;
    fs.writeFileSync(release, "");
    const a = await first.done;
    expect(a).toMatchObject({ code: 0, err: "" });
    expect(b.code).toBe(2);
    expect(b.out).toBe("");
    const lock = outputPaths(out).lock;
    // (tsx runs the script in a child process of its own, so the pid is that child's)
    expect(b.err.split("\n")[0]).toBe(`another kserve-constructs synth (pid ${/pid (\d+)/.exec(b.err)?.[1]} on ${os.hostname()}) is writing ${out} (waited 0 s for its lock ${lock}). Nothing was changed.`);
    expect(b.err).toContain(`If no such process is running, delete ${lock}.`);
    expect(files(out)).toEqual({ "a.k8s.yaml": "first\n", "b.k8s.yaml": "first\n" });
    expect(fs.readdirSync(dir)).toEqual(["dist"]);
  }, 120_000);
});

describe("the lock file", () => {
  it("a lock left by a process that died is taken over", () => {
    const out = path.join(tmp(), "dist");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid as number;
    expect(processAlive(dead)).toBe(false);
    fs.writeFileSync(outputPaths(out).lock, JSON.stringify({ pid: dead, host: os.hostname(), purpose: "synth", token: "old" }));
    const result = writeOutput(out, (staging) => fs.writeFileSync(path.join(staging, "a.k8s.yaml"), "x"), { waitMs: 0 });
    expect(result.notes).toEqual([`took over the lock left by a synth pid ${dead} that has ended`]);
    expect(fs.readdirSync(out)).toEqual([".kserve-constructs", "a.k8s.yaml"]);
    expect(fs.readdirSync(path.dirname(out))).toEqual(["dist"]);
  });

  it("an empty lock file (a crash while it was written) is taken over once it is old", () => {
    const out = path.join(tmp(), "dist");
    const lock = outputPaths(out).lock;
    fs.writeFileSync(lock, "");
    // dated in the future, so it is fresh however long this test takes to get here
    const future = new Date(Date.now() + 3_600_000);
    fs.utimesSync(lock, future, future);
    expect(() => acquireLock(nodeFs, lock, { waitMs: 0 })).toThrow("another process is writing");
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, past, past);
    acquireLock(nodeFs, lock, { waitMs: 0 }).release();
    expect(fs.existsSync(lock)).toBe(false);
  });

  it("a live holder's lock is kept, and release removes only this process's own lock", () => {
    const lock = path.join(tmp(), ".dist.kserve-constructs-lock");
    const held = acquireLock(nodeFs, lock, { waitMs: 0 });
    expect(held.isHeld()).toBe(true);
    const said: string[] = [];
    expect(() => acquireLock(nodeFs, lock, { waitMs: 50, pollMs: 10, onWait: (m) => said.push(m) })).toThrow(`another kserve-constructs synth (pid ${process.pid} on ${os.hostname()})`);
    expect(said).toEqual([`waiting up to 50 ms for another kserve-constructs synth (pid ${process.pid} on ${os.hostname()}) to release ${lock}`]);
    // someone else's lock in its place is not removed by our release
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), purpose: "synth", token: "someone-else" }));
    expect(held.isHeld()).toBe(false);
    held.release();
    expect(fs.existsSync(lock)).toBe(true);
  });

  it("a synth whose lock was taken away in the meantime discards its output and says so", () => {
    const out = path.join(tmp(), "dist");
    const lock = outputPaths(out).lock;
    expect(() =>
      writeOutput(out, (staging) => {
        fs.writeFileSync(path.join(staging, "a.k8s.yaml"), "x");
        fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), purpose: "synth", token: "intruder" }));
      }, { waitMs: 0 }),
    ).toThrow(`another process took over the lock ${lock} during this synth; ${out} is unchanged and the new output was discarded.`);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.dirname(out))).toEqual([path.basename(lock)]);
  });
});
