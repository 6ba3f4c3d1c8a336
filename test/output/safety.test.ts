/**
 * A synth only ever replaces a folder it wrote: existing folders without the marker, files, symbolic
 * links, repository roots, the home folder and `/` are refused with a clear message, and nothing is
 * touched. Through the command line, a refusal exits with code 2.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MARKER_FILE, OutputError, checkOutputTarget, nodeFs, writeOutput } from "../../src/output";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/command";

const platform = path.resolve(__dirname, "../../examples/platform.ts");

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "kc-safe-"));
}

function refusal(outdir: string, context: { cwd?: string; home?: string } = {}): string {
  const cwd = context.cwd ?? tmp();
  try {
    checkOutputTarget(nodeFs, outdir, { cwd, ...context });
  } catch (error) {
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).reason).toBe("refused");
    return (error as Error).message;
  }
  throw new Error(`expected ${outdir} to be refused`);
}

function snapshot(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string, prefix: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const rel = `${prefix}${name}`;
      const stat = fs.lstatSync(path.join(d, name));
      out.push(`${rel} ${stat.isDirectory() ? "dir" : fs.readFileSync(path.join(d, name), "utf8")}`);
      if (stat.isDirectory()) visit(path.join(d, name), `${rel}/`);
    }
  };
  visit(dir, "");
  return out;
}

describe("refused output paths", () => {
  it("a folder holding files the library did not write (no marker): refused, nothing touched", () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "src"));
    fs.writeFileSync(path.join(dir, "src", "index.ts"), "mine");
    const before = snapshot(dir);
    const message = refusal(dir);
    expect(message).toBe(
      `refusing to write the output to ${dir}: it holds files that kserve-constructs did not write (it has no ${MARKER_FILE} marker file), and a synth replaces the whole folder. Nothing was changed.\n` +
        `Give another folder with --out (for example --out dist). If the folder holds only manifests an earlier synth wrote, delete it, or mark it as generated with \`touch ${path.join(dir, MARKER_FILE)}\`, and run synth again.`,
    );
    expect(() => writeOutput(dir, () => undefined, { cwd: tmp() })).toThrow(message);
    expect(snapshot(dir)).toEqual(before);
    expect(fs.readdirSync(path.dirname(dir)).filter((n) => n.startsWith(`.${path.basename(dir)}.`))).toEqual([]);
  });

  it("a regular file: refused, not replaced", () => {
    const file = path.join(tmp(), "dist");
    fs.writeFileSync(file, "keep me");
    expect(refusal(file)).toContain(`refusing to write the output to ${file}: it is a file, not a folder. Nothing was changed.`);
    expect(fs.readFileSync(file, "utf8")).toBe("keep me");
  });

  it("a symbolic link: refused (the output stays a plain folder)", () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "real"));
    fs.symlinkSync(path.join(dir, "real"), path.join(dir, "dist"));
    expect(refusal(path.join(dir, "dist"))).toContain("it is a symbolic link (the output must stay a plain folder)");
  });

  it("a repository root (a folder with .git, even one that carries the marker), and the Git root of the current folder", () => {
    const repo = tmp();
    fs.mkdirSync(path.join(repo, ".git"));
    fs.writeFileSync(path.join(repo, MARKER_FILE), "");
    expect(refusal(repo)).toContain("it is the root of a Git repository (it holds .git)");
    const worktree = tmp();
    fs.writeFileSync(path.join(worktree, ".git"), "gitdir: /elsewhere\n");
    fs.mkdirSync(path.join(worktree, "sub"));
    expect(refusal(worktree, { cwd: path.join(worktree, "sub") })).toContain("it is the root of the Git repository you are in");
  });

  it("the home folder and / are refused, whatever they hold", () => {
    const home = tmp();
    fs.writeFileSync(path.join(home, MARKER_FILE), "");
    expect(refusal(home, { home })).toContain("it is your home folder");
    expect(refusal("/")).toContain("refusing to write the output to /: it is the root of the file system");
  });

  it("the folder you are in, or one that holds it, even when marked", () => {
    const out = tmp();
    fs.writeFileSync(path.join(out, MARKER_FILE), "");
    fs.mkdirSync(path.join(out, "inner"));
    expect(refusal(out, { cwd: out })).toContain("it is (or holds) the folder you are in");
    expect(refusal(out, { cwd: path.join(out, "inner") })).toContain("it is (or holds) the folder you are in");
  });

  it("a missing folder, an empty one and one an earlier synth marked are accepted", () => {
    const dir = tmp();
    expect(() => checkOutputTarget(nodeFs, path.join(dir, "new"), { cwd: dir })).not.toThrow();
    fs.mkdirSync(path.join(dir, "empty"));
    expect(() => checkOutputTarget(nodeFs, path.join(dir, "empty"), { cwd: dir })).not.toThrow();
    fs.mkdirSync(path.join(dir, "marked"));
    fs.writeFileSync(path.join(dir, "marked", MARKER_FILE), "");
    fs.writeFileSync(path.join(dir, "marked", "old.k8s.yaml"), "");
    expect(() => checkOutputTarget(nodeFs, path.join(dir, "marked"), { cwd: dir })).not.toThrow();
  });
});

describe("through the command line", () => {
  async function run(argv: string[], cwd: string): Promise<{ code: number; err: string }> {
    let err = "";
    const io: CliIo = { out: () => undefined, err: (t) => void (err += t) };
    const before = process.cwd();
    process.chdir(cwd);
    try {
      return { code: await main(argv, io), err };
    } finally {
      process.chdir(before);
    }
  }

  it("`synth --out .` in a project refuses (exit 2) and the project, with its .git, is intact", async () => {
    const project = fs.realpathSync(tmp());
    fs.mkdirSync(path.join(project, ".git"));
    fs.writeFileSync(path.join(project, "package.json"), "{}");
    const before = snapshot(project);
    const r = await run(["synth", platform, "--out", "."], project);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`refusing to write the output to ${project}: it is the root of the Git repository you are in. Nothing was changed.`);
    expect(snapshot(project)).toEqual(before);
    expect(fs.readdirSync(path.dirname(project)).filter((n) => n.startsWith(`.${path.basename(project)}.`))).toEqual([]);
  });

  it("an output path that is a file exits 2 and the file is kept", async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "dist"), "keep");
    const r = await run(["synth", platform, "-o", "dist"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("it is a file, not a folder");
    expect(fs.readFileSync(path.join(dir, "dist"), "utf8")).toBe("keep");
  });
});
