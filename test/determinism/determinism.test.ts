/**
 * The same code gives byte-identical YAML: twice in one process, in another process with a different
 * time zone, locale and cdk8s's key sorting turned off, and through the `cdk8s synth` CLI.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing } from "cdk8s";
import { synthAtomically } from "kserve-constructs/cdk8s";
import build from "../../examples/platform";

const root = path.resolve(__dirname, "../..");

/** One file per chart of the example platform, and the output folder's marker file. */
function exampleFiles(): string[] {
  const app = Testing.app();
  build(app);
  return [".kserve-constructs", ...app.charts.map((c) => `${c.node.id}.k8s.yaml`)].sort();
}

function readAll(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) out[f] = fs.readFileSync(path.join(dir, f), "utf8");
  return out;
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "kc-det-"));
}

describe("deterministic output", () => {
  let reference: Record<string, string>;

  beforeAll(() => {
    const out = path.join(tmp(), "dist");
    synthAtomically(build, { outdir: out });
    reference = readAll(out);
  });

  it("two synths in one process are byte-identical", () => {
    const out = path.join(tmp(), "dist");
    synthAtomically(build, { outdir: out });
    expect(readAll(out)).toEqual(reference);
    expect(Object.keys(reference)).toEqual(exampleFiles());
  });

  it("another process with another time zone, locale and CDK8S_DISABLE_SORT writes the same bytes", () => {
    const out = path.join(tmp(), "dist");
    execFileSync(process.execPath, [require.resolve("tsx/cli"), "src/cli/main.ts", "synth", "examples/platform.ts", "--out", out], {
      cwd: root,
      env: { ...process.env, TZ: "Pacific/Chatham", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8", CDK8S_DISABLE_SORT: "1" },
      stdio: "pipe",
    });
    expect(readAll(out)).toEqual(reference);
  }, 60_000);

  it("`cdk8s synth` (the cdk8s CLI with cdk8s.yaml) writes the same bytes", () => {
    const work = tmp();
    execFileSync(process.execPath, [path.join(root, "node_modules", "cdk8s-cli", "bin", "cdk8s"), "synth", "--output", path.join(work, "dist")], { cwd: root, stdio: "pipe", env: { ...process.env, CDK8S_CHECK_UPGRADE: "false" } });
    expect(readAll(path.join(work, "dist"))).toEqual(reference);
  }, 120_000);
});
