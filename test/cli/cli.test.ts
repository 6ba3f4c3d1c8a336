/**
 * The command line: argument parsing, help for every command, version, exit codes, the summary after a
 * synth (--quiet, --json), app modules with async build functions, and warnings printed once.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main, mainHelp } from "../../src/cli/main";
import { COMMANDS } from "../../src/cli/commands";
import { commandHelp, parseCommandArgs, UsageError } from "../../src/cli/command";
import type { CliIo, Command } from "../../src/cli/command";
import { synthCommand } from "../../src/cli/commands/synth";
import examples from "../../examples/platform";

const root = path.resolve(__dirname, "../..");
const fixture = (name: string): string => path.join(root, "test", "fixtures", name);
const platform = path.join(root, "examples", "platform.ts");

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "kc-cli-"));
}

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function run(...argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await main(argv, io);
  return { code, out, err };
}

describe("arguments", () => {
  it("--out DIR, --out=DIR, -o DIR and -oDIR all set the output folder", () => {
    for (const args of [["app.ts", "--out", "x"], ["app.ts", "--out=x"], ["-o", "x", "app.ts"], ["app.ts", "-ox"]]) {
      expect(parseCommandArgs(synthCommand, args)).toEqual({ positionals: ["app.ts"], strings: { out: "x" }, flags: new Set() });
    }
  });

  it("names unknown options, missing values, values given to switches and extra arguments", () => {
    const message = (args: string[]): string => {
      try {
        parseCommandArgs(synthCommand, args);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error("expected a usage error");
    };
    expect(message(["app.ts", "--outdir", "x"])).toBe("unknown option --outdir for synth");
    expect(message(["app.ts", "-x"])).toBe("unknown option -x for synth");
    expect(message(["app.ts", "--out"])).toBe("--out needs a value (--out DIR, --out=DIR, -o DIR)");
    expect(message(["app.ts", "--out="])).toBe("--out needs a value (--out DIR, --out=DIR, -o DIR)");
    expect(message(["app.ts", "-o", "--quiet"])).toBe("-o needs a value (--out DIR, --out=DIR, -o DIR)");
    expect(message(["app.ts", "--quiet=yes"])).toBe('--quiet takes no value (got "yes")');
    expect(message([])).toBe("synth needs <app-module>");
    expect(message(["a.ts", "b.ts"])).toBe('unexpected argument "b.ts" for synth');
  });

  it("a path that starts with a dash is given after -- or as --out=-x", () => {
    expect(parseCommandArgs(synthCommand, ["--out=-x", "--", "-app.ts"])).toEqual({ positionals: ["-app.ts"], strings: { out: "-x" }, flags: new Set() });
  });
});

describe("help, version, unknown commands", () => {
  it("--help and -h list every command and the exit codes; exit 0 on stdout", async () => {
    for (const flag of ["--help", "-h", "help"]) {
      const r = await run(flag);
      expect(r.code).toBe(0);
      expect(r.err).toBe("");
      expect(r.out).toBe(mainHelp());
      for (const c of COMMANDS) expect(r.out).toContain(`  ${c.name}`);
      expect(r.out).toContain("  1  invalid specs: every problem was printed, nothing was written");
      expect(r.out).toContain("  2  usage error");
    }
  });

  it.each(COMMANDS.filter((c) => c.parsesOwnArguments !== true).map((c) => [c.name, c] as const))("%s --help and -h print its usage, options and exit codes", async (name, command: Command) => {
    for (const flag of ["--help", "-h"]) {
      const r = await run(name, flag);
      expect(r.code).toBe(0);
      expect(r.out).toBe(commandHelp(command));
      expect(r.out.split("\n")[0]).toMatch(new RegExp(`^Usage: kserve-constructs ${name}`));
      expect(r.out).toContain("-h, --help");
      expect(r.out).toContain("Exit codes:");
      for (const option of Object.keys(command.options)) expect(r.out).toContain(`--${option}`);
    }
    expect((await run("help", name)).out).toBe(commandHelp(command));
  });

  it.each(COMMANDS.filter((c) => c.parsesOwnArguments === true).map((c) => [c.name] as const))("%s (which parses its own arguments) prints its own help for --help and -h", async (name) => {
    for (const flag of ["--help", "-h"]) {
      const r = await run(name, flag);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`usage: kserve-constructs ${name}`);
    }
  });

  it("--help wins over missing arguments", async () => {
    expect((await run("synth", "--help")).code).toBe(0);
  });

  it("--version prints package.json's version", async () => {
    const r = await run("--version");
    expect(r).toEqual({ code: 0, out: `${JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version}\n`, err: "" });
  });

  it("an unknown command is named as such, with the commands and a near match; exit 2", async () => {
    const r = await run("deploy", "app.ts");
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "deploy"; the commands are synth, validate, recover, lint');
    expect((await run("snyth", "app.ts")).err).toContain('unknown command "snyth" (did you mean synth?)');
    expect((await run("help", "deploy")).code).toBe(2);
  });

  it("an option before the command, and no command at all, are usage errors (exit 2)", async () => {
    const r = await run("--out", "x");
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown option --out (give a command first");
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.err).toBe(mainHelp());
  });

  it("an unknown option of a command exits 2 and points at that command's help", async () => {
    const r = await run("synth", platform, "--outdir", "x");
    expect(r.code).toBe(2);
    expect(r.err).toContain("kserve-constructs synth: unknown option --outdir for synth");
    expect(r.err).toContain("Run `kserve-constructs synth --help` for its options.");
  });
});

describe("synth", () => {
  it("writes the app, prints files, objects per kind and warnings; exit 0", async () => {
    const out = path.join(tmp(), "out");
    const r = await run("synth", platform, "--out", out);
    expect(r.code).toBe(0);
    const { App } = jest.requireActual<typeof import("cdk8s")>("cdk8s");
    const app = new App();
    examples(app);
    const files = app.charts.map((c) => `${c.node.id}.k8s.yaml`).sort();
    expect(fs.readdirSync(out).sort()).toEqual([".kserve-constructs", ...files].sort());
    const kinds = fs.readdirSync(out).filter((f) => f.endsWith(".yaml")).flatMap((f) => fs.readFileSync(path.join(out, f), "utf8").match(/^kind: .*$/gm) ?? []);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe(`synthesized ${files.length} files with ${kinds.length} objects into ${out}`);
    for (const f of files) expect(lines).toContain(`  ${f}`);
    expect(lines).toContain("objects:");
    // objects per kind: the counts of the documents in the files written
    const perKind = new Map<string, number>();
    for (const k of kinds.map((line) => line.slice("kind: ".length))) perKind.set(k, (perKind.get(k) ?? 0) + 1);
    const width = Math.max(...[...perKind.keys()].map((k) => k.length));
    const kindSection = lines.slice(lines.indexOf("objects:") + 1, lines.indexOf("no warnings"));
    expect(kindSection).toEqual([...perKind.keys()].sort().map((k) => `  ${k.padEnd(width)}  ${perKind.get(k)}`));
    expect(perKind.get("InferenceService")).toBeGreaterThan(10);
    expect(lines).toContain("no warnings");
  });

  it("--json prints one JSON summary on stdout and nothing else there", async () => {
    const out = path.join(tmp(), "out");
    const r = await run("synth", fixture("warn-app.ts"), "--json", "-o", out);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toEqual({
      command: "synth",
      ok: true,
      exitCode: 0,
      outdir: out,
      files: ["c.k8s.yaml"],
      objects: { InferenceService: 1 },
      objectCount: 1,
      warnings: [
        {
          severity: "warning",
          rule: "storage/oci-tag",
          where: "c/m",
          path: "spec.predictor.model.storageUri",
          value: '"oci://registry.example.com/models/iris"',
          message: "the model image has no tag or digest, so each pull may get a different model",
          fix: expect.any(String),
        },
      ],
      recovery: { action: "none", steps: [] },
      notes: [],
    });
    expect(r.err).toBe("");
  });

  it("--quiet prints nothing on success but the warnings", async () => {
    const quiet = await run("synth", fixture("async-app.ts"), "--quiet", "--out", path.join(tmp(), "out"));
    expect(quiet).toEqual({ code: 0, out: "", err: "" });
    const warned = await run("synth", fixture("warn-app.ts"), "-q", "--out", path.join(tmp(), "out"));
    expect(warned.out).toBe("");
    expect(warned.err).toContain("[storage/oci-tag]");
  });

  it("awaits an async default-exported build function", async () => {
    const out = path.join(tmp(), "out");
    const r = await run("synth", fixture("async-app.ts"), "--out", out);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out)).toEqual([".kserve-constructs", "later.k8s.yaml"]);
  });

  it("invalid specs exit 1, print every problem and write nothing; --json lists the issues", async () => {
    const dir = tmp();
    const r = await run("synth", fixture("bad-app.ts"), "--out", path.join(dir, "dist"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("kserve-constructs found 1 problem:");
    expect(r.err).toContain("nothing was written.");
    expect(fs.readdirSync(dir)).toEqual([]);
    const json = await run("synth", fixture("bad-app.ts"), "--json", "--out", path.join(dir, "dist"));
    expect(json.code).toBe(1);
    const summary = JSON.parse(json.out);
    expect(summary).toMatchObject({ command: "synth", ok: false, exitCode: 1, error: { reason: "invalid" } });
    expect(summary.issues).toHaveLength(1);
    expect(summary.issues[0]).toMatchObject({ severity: "error", where: "c/s" });
  });

  it("a missing module, a module without a build function and a bad --wait exit 2 with what to do", async () => {
    const dir = tmp();
    const missing = await run("synth", path.join(dir, "missing.ts"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`cannot find the app module ${path.join(dir, "missing.ts")}`);
    const none = await run("synth", fixture("no-build-app.ts"), "--out", path.join(dir, "dist"));
    expect(none.code).toBe(2);
    expect(none.err).toContain("exports no build function. Export a function that receives the cdk8s App");
    expect((await run("synth", platform, "--wait", "soon", "--out", path.join(dir, "dist"))).err).toContain('--wait takes a number of seconds (got "soon")');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("a refused output folder exits 2 with the reason and touches nothing", async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
    const r = await run("synth", platform, "--out", dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`refusing to write the output to ${dir}: it holds files that kserve-constructs did not write`);
    expect(fs.readdirSync(dir)).toEqual(["notes.txt"]);
    const json = await run("synth", platform, "--json", "--out", dir);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, exitCode: 2, error: { reason: "refused" } });
  });

  it("warnings are printed once, by the command (no second copy as a process warning)", async () => {
    const emitted = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      for (const args of [["validate", fixture("warn-app.ts")], ["synth", fixture("warn-app.ts"), "--out", path.join(tmp(), "dist")]]) {
        const r = await run(...args);
        expect(r.code).toBe(0);
        expect(r.err.split("[storage/oci-tag]").length - 1).toBe(1);
        expect(r.err).toContain("warning: the model image has no tag or digest, so each pull may get a different model");
        expect(r.out).toContain("1 warning (printed above)");
      }
      expect(emitted).not.toHaveBeenCalled();
    } finally {
      emitted.mockRestore();
    }
  });
});

describe("validate", () => {
  it("checks without writing and summarizes; --json and invalid specs", async () => {
    const cwd = tmp();
    const before = process.cwd();
    process.chdir(cwd);
    let r: Run;
    try {
      r = await run("validate", platform);
    } finally {
      process.chdir(before);
    }
    expect(r.code).toBe(0);
    const { App } = jest.requireActual<typeof import("cdk8s")>("cdk8s");
    const app = new App();
    examples(app);
    const documents = app.charts.reduce((n, c) => n + c.toJson().length, 0);
    expect(r.out).toMatch(new RegExp(`^valid: ${app.charts.length} charts with ${documents} objects\n`));
    expect(JSON.parse((await run("validate", platform, "--json")).out)).toMatchObject({ command: "validate", ok: true, charts: app.charts.length, objectCount: documents });
    expect((await run("validate", platform, "-q")).out).toBe("");
    const bad = await run("validate", fixture("bad-app.ts"));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("nothing was written (validate never writes).");
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});

describe("the README's Command line section", () => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const start = readme.indexOf("\n## Command line\n");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 5));

  it("documents every command with its options, the exit codes, the marker file and the .gitignore line", () => {
    expect(start).toBeGreaterThan(0);
    for (const command of COMMANDS) {
      expect([command.name, section.includes(`| \`${command.name}`)]).toEqual([command.name, true]);
      const row = section.split("\n").find((line) => line.startsWith(`| \`${command.name}`)) as string;
      for (const [name, spec] of Object.entries(command.options)) {
        expect([command.name, name, row.includes(`--${name}`) && (spec.short === undefined || row.includes(`-${spec.short}, --${name}`))]).toEqual([command.name, name, true]);
      }
    }
    expect(section).toContain("| 0 | success");
    expect(section).toContain("| 1 | invalid specs");
    expect(section).toContain("| 2 | usage error");
    expect(section).toContain("`.kserve-constructs`");
    expect(section).toContain("```gitignore\n.*.kserve-constructs-*\n```");
  });
});
