#!/usr/bin/env node
/**
 * kserve-constructs command line.
 *
 *   kserve-constructs synth <app-module> [--out <dir>]   synthesize atomically into <dir> (default dist)
 *   kserve-constructs validate <app-module>              validate only, write nothing
 *   kserve-constructs lint [options] PATH...             check YAML the library did not write (see lint.ts)
 *
 * <app-module> exports `default` or `build`: a function that receives a cdk8s App and defines charts in it.
 * Exit codes: 0 success, 1 invalid specs (every problem is printed), 2 usage or load errors.
 */
import * as os from "os";
import * as path from "path";
import { App } from "cdk8s";
import { ValidationError, formatIssue, isError } from "../index";
import { issuesOf, synthAtomically } from "../cdk8s";
import { warningsReportedByCaller } from "../cdk8s/state";
import { lintCommand } from "./lint";

type BuildFn = (app: App) => void;

function loadBuild(modulePath: string): BuildFn {
  const loaded: unknown = require(path.resolve(modulePath));
  const mod = loaded as { default?: unknown; build?: unknown };
  const fn = typeof mod.default === "function" ? mod.default : typeof mod.build === "function" ? mod.build : undefined;
  if (fn === undefined) throw new Error(`${modulePath} exports neither a default function nor build(app)`);
  return fn as BuildFn;
}

function usage(message: string): number {
  process.stderr.write(`${message}\nusage: kserve-constructs synth <app-module> [--out <dir>] | validate <app-module> | lint [options] PATH...\n`);
  return 2;
}

/** Runs the command line; returns the exit code. */
export function main(argv: readonly string[]): number {
  const [command, modulePath, ...rest] = argv;
  if (command === "lint") return lintCommand(argv.slice(1));
  if ((command !== "synth" && command !== "validate") || modulePath === undefined) return usage("missing command or app module");
  let outdir = "dist";
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--out" && rest[i + 1] !== undefined) outdir = rest[++i] as string;
    else return usage(`unknown argument ${rest[i]}`);
  }
  let build: BuildFn;
  try {
    const loaded = loadBuild(modulePath);
    // the warnings are printed below, once; the app's validation would emit them again as process warnings
    build = (app) => {
      warningsReportedByCaller(app);
      loaded(app);
    };
  } catch (error) {
    process.stderr.write(`cannot load ${modulePath}: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    if (command === "validate") {
      const app = new App({ outdir: path.join(os.tmpdir(), "kserve-constructs-validate") });
      build(app);
      for (const chart of app.charts) chart.toJson();
      const issues = issuesOf(app);
      for (const w of issues.filter((i) => !isError(i))) process.stderr.write(`${formatIssue(w)}\n`);
      process.stdout.write(`valid: ${app.charts.length} charts\n`);
      return 0;
    }
    const result = synthAtomically(build, { outdir });
    for (const w of result.warnings) process.stderr.write(`${formatIssue(w)}\n`);
    process.stdout.write(`synthesized ${result.files.length} files into ${path.relative(process.cwd(), result.outdir) || "."}\n`);
    for (const f of result.files) process.stdout.write(`  ${f}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) {
      process.stderr.write(`${error.message}\nnothing was written.\n`);
      return 1;
    }
    process.stderr.write(`synth failed, nothing was written: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
