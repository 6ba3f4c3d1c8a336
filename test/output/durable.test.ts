/**
 * Flushing the new tree to disk: by default every file is flushed in one batch (concurrently, in a
 * worker thread) and every folder after it, all before the journal records the swap; `durable: false`
 * (the command line's `--no-fsync`) skips the flushes and keeps the swap itself.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MARKER_FILE, MARKER_TEXT, nodeFs, writeOutput } from "../../src/output";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/command";
import { FaultFs } from "../support/fault-fs";

const root = path.resolve(__dirname, "../..");

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "kc-durable-"));
}

function writeMany(count: number) {
  return (staging: string): void => {
    fs.mkdirSync(path.join(staging, "sub"));
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(staging, i % 2 === 0 ? `f${i}.k8s.yaml` : `sub/f${i}.k8s.yaml`), `n: ${i}\n`);
  };
}

afterEach(() => jest.restoreAllMocks());

describe("the durable write", () => {
  it("flushes every file in one batch, then each folder, all before the journal; no file one by one", () => {
    const out = path.join(tmp(), "dist");
    const probe = new FaultFs();
    const result = writeOutput(out, writeMany(40), { fs: probe, waitMs: 0 });
    expect(result.files).toHaveLength(40);
    const ops = probe.ops.map((op) => op.replace(path.dirname(out), "<parent>"));
    const batch = ops.indexOf("syncfiles 41");
    expect(batch).toBeGreaterThan(0);
    expect(ops.filter((op) => op.startsWith("syncfile "))).toEqual([]);
    const journal = ops.findIndex((op) => /^write .*journal/.test(op));
    expect(ops.slice(batch + 1, journal)).toEqual(["sync <parent>/.dist.kserve-constructs-staging/sub", "sync <parent>/.dist.kserve-constructs-staging"]);
    expect(fs.readFileSync(path.join(out, "sub", "f39.k8s.yaml"), "utf8")).toBe("n: 39\n");
  });

  it("durable: false flushes neither the files nor the folders of the new tree, and the swap is the same", () => {
    const out = path.join(tmp(), "dist");
    const probe = new FaultFs();
    writeOutput(out, writeMany(10), { fs: probe, waitMs: 0, durable: false });
    expect(probe.ops.filter((op) => /^sync(files)? /.test(op) && op.includes("staging"))).toEqual([]);
    expect(probe.ops.some((op) => /^rename .*staging -> /.test(op))).toBe(true);
    expect(fs.readdirSync(out).sort()).toEqual([MARKER_FILE, ...Array.from({ length: 5 }, (_, i) => `f${i * 2}.k8s.yaml`)].sort().concat("sub").sort());
    expect(fs.readFileSync(path.join(out, MARKER_FILE), "utf8")).toBe(MARKER_TEXT);
  });

  it("the real batch flush reports a failure with its code and file (a file gone meanwhile)", () => {
    const dir = tmp();
    const files = Array.from({ length: 20 }, (_, i) => path.join(dir, `f${i}`));
    for (const f of files) fs.writeFileSync(f, "x");
    expect(() => nodeFs.syncFiles?.(files)).not.toThrow();
    const missing = path.join(dir, "gone");
    let caught: unknown;
    try {
      nodeFs.syncFiles?.([...files, missing]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "ENOENT", path: missing });
  });

  it("`synth --no-fsync` writes without flushing; plain `synth` flushes the batch", async () => {
    const io: CliIo = { out: () => undefined, err: () => undefined };
    const spy = jest.spyOn(nodeFs, "syncFiles");
    const app = path.join(root, "test", "fixtures", "async-app.ts");
    expect(await main(["synth", app, "--quiet", "--no-fsync", "--out", path.join(tmp(), "out")], io)).toBe(0);
    expect(spy).not.toHaveBeenCalled();
    expect(await main(["synth", app, "--quiet", "--out", path.join(tmp(), "out")], io)).toBe(0);
    expect(spy).toHaveBeenCalledTimes(1);
  }, 60_000);
});
