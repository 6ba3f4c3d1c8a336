/**
 * `kserve-constructs synth <app-module>`: validate, render and write the app's manifests safely.
 */
import type { App } from "cdk8s";
import { GITIGNORE_PATTERN, MARKER_FILE } from "../../output";
import { EXIT, UsageError } from "../command";
import type { Command } from "../command";
import { issueJson, kindLines, plural, printJson, printWarnings } from "../report";
import { REPORT_OPTIONS, loadApp, reportFailure, shown } from "./shared";

const MAX_LISTED_FILES = 20;

function waitSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(value)) throw new UsageError(`--wait takes a number of seconds (got ${JSON.stringify(text)})`);
  return value;
}

/** The `synth` command. */
export const synthCommand: Command = {
  name: "synth",
  summary: "Validate the app, then write its manifests into the output folder, replacing it as a whole.",
  description: [
    "The app is validated and rendered first: invalid specs print every problem and write nothing. " +
      "The new tree is written beside the output folder and swapped into place crash-consistently: " +
      "after any failure or kill the folder holds the complete old output or the complete new one.",
    `The output folder must be missing, empty, or written by an earlier synth (which leaves the ${MARKER_FILE} marker file in it; commit it). ` +
      "Any other folder, a file, a symbolic link, the folder you are in, a repository root, the home folder and / are refused (exit code 2).",
    `While it runs, a synth keeps a lock, a journal and staging folders beside the output folder (${GITIGNORE_PATTERN}: add that line to .gitignore). ` +
      "A second synth of the same folder waits for the first, then refuses. An interrupted synth is recovered by the next one, or by `kserve-constructs recover`.",
    "The app module (TypeScript or JavaScript, CommonJS or ES module) exports a function, as default or as `build`, that receives the cdk8s App " +
      "and defines the charts in it; it may be async.",
  ],
  positionals: [{ name: "app-module", description: "file that exports the build function (.ts, .mts, .cts, .js, .mjs, .cjs)", required: true }],
  options: {
    out: { type: "string", short: "o", placeholder: "DIR", description: "output folder", defaultText: "dist" },
    wait: { type: "string", placeholder: "SECONDS", description: "how long to wait for another synth of the same folder", defaultText: "30" },
    "no-fsync": { type: "boolean", description: "do not flush the new tree to disk before the swap (faster; still safe against a killed process, not against a power loss right after)" },
    ...REPORT_OPTIONS,
  },
  async run(args, io) {
    const json = args.flags.has("json");
    const quiet = args.flags.has("quiet");
    const nothing = "nothing was written.";
    try {
      const lockWaitSeconds = waitSeconds(args.strings["wait"]);
      const build = await loadApp(args.positionals[0] as string);
      const { synthAtomically } = await import("../../cdk8s/synth");
      const result = await synthAtomically(build as (app: App) => Promise<unknown>, {
        outdir: args.strings["out"] ?? "dist",
        ...(lockWaitSeconds === undefined ? {} : { lockWaitSeconds }),
        ...(args.flags.has("no-fsync") ? { durable: false } : {}),
        ...(quiet || json ? {} : { onLockWait: (message: string) => io.err(`${message}...\n`) }),
      });
      const objectCount = Object.values(result.objects).reduce((a, b) => a + b, 0);
      if (json) {
        printJson(io, {
          command: "synth",
          ok: true,
          exitCode: EXIT.ok,
          outdir: result.outdir,
          files: result.files,
          objects: result.objects,
          objectCount,
          warnings: result.warnings.map(issueJson),
          recovery: result.recovery,
          notes: result.notes,
        });
        return EXIT.ok;
      }
      printWarnings(io, result.warnings);
      for (const note of result.notes) io.err(`note: ${note}\n`);
      if (quiet) return EXIT.ok;
      const lines = [`synthesized ${plural(result.files.length, "file")} with ${plural(objectCount, "object")} into ${shown(result.outdir)}`];
      for (const f of result.files.slice(0, MAX_LISTED_FILES)) lines.push(`  ${f}`);
      if (result.files.length > MAX_LISTED_FILES) lines.push(`  ... and ${result.files.length - MAX_LISTED_FILES} more`);
      lines.push("objects:", ...kindLines(result.objects));
      lines.push(result.warnings.length === 0 ? "no warnings" : `${plural(result.warnings.length, "warning")} (printed above)`);
      io.out(`${lines.join("\n")}\n`);
      return EXIT.ok;
    } catch (error) {
      return reportFailure(io, "synth", error, json, nothing);
    }
  },
};
