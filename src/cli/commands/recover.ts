/**
 * `kserve-constructs recover`: finish or undo a synth that was interrupted (killed, crashed, power cut).
 */
import { recoverOutput } from "../../output";
import { EXIT } from "../command";
import type { Command } from "../command";
import { printJson } from "../report";
import { REPORT_OPTIONS, reportFailure } from "./shared";

/** The `recover` command. */
export const recoverCommand: Command = {
  name: "recover",
  summary: "Roll an interrupted synth of the output folder back or forward, and remove its leftovers.",
  description: [
    "Every synth does this first, so it is only needed to repair the folder without synthesizing. " +
      "Afterwards the folder holds the complete old output or the complete new one; the output is never deleted. " +
      "Waits for a running synth of the same folder.",
  ],
  positionals: [],
  options: {
    out: { type: "string", short: "o", placeholder: "DIR", description: "output folder", defaultText: "dist" },
    ...REPORT_OPTIONS,
  },
  run(args, io) {
    const json = args.flags.has("json");
    try {
      const report = recoverOutput(args.strings["out"] ?? "dist");
      if (json) printJson(io, { command: "recover", ok: true, exitCode: EXIT.ok, outdir: report.outdir, action: report.action, steps: report.steps });
      else if (!args.flags.has("quiet") || report.action !== "none") {
        io.out(`${[report.summary, ...report.steps.map((s) => `  ${s}`)].join("\n")}\n`);
      }
      return EXIT.ok;
    } catch (error) {
      return reportFailure(io, "recover", error, json, "");
    }
  },
};
