/**
 * `kserve-constructs validate <app-module>`: check the app without writing anything.
 */
import * as os from "os";
import * as path from "path";
import { isError } from "../../index";
import { EXIT } from "../command";
import type { Command } from "../command";
import { issueJson, kindLines, plural, printJson, printWarnings } from "../report";
import { REPORT_OPTIONS, loadApp, reportFailure } from "./shared";

/** The `validate` command. */
export const validateCommand: Command = {
  name: "validate",
  summary: "Validate the app and render it in memory; write nothing.",
  description: ["Prints every problem (exit code 1) or the warnings and a summary (exit code 0)."],
  positionals: [{ name: "app-module", description: "file that exports the build function (.ts, .mts, .cts, .js, .mjs, .cjs)", required: true }],
  options: { ...REPORT_OPTIONS },
  async run(args, io) {
    const json = args.flags.has("json");
    try {
      const build = await loadApp(args.positionals[0] as string);
      const { App } = await import("cdk8s");
      const { issuesOf } = await import("../../cdk8s/state");
      const { countKinds } = await import("../../cdk8s/synth");
      const app = new App({ outdir: path.join(os.tmpdir(), "kserve-constructs-validate") });
      await build(app);
      for (const chart of app.charts) chart.toJson();
      const objects = countKinds(app);
      const objectCount = Object.values(objects).reduce((a, b) => a + b, 0);
      const warnings = issuesOf(app).filter((i) => !isError(i));
      if (json) {
        printJson(io, { command: "validate", ok: true, exitCode: EXIT.ok, charts: app.charts.length, objects, objectCount, warnings: warnings.map(issueJson) });
        return EXIT.ok;
      }
      printWarnings(io, warnings);
      if (args.flags.has("quiet")) return EXIT.ok;
      const lines = [`valid: ${plural(app.charts.length, "chart")} with ${plural(objectCount, "object")}`, "objects:", ...kindLines(objects)];
      lines.push(warnings.length === 0 ? "no warnings" : `${plural(warnings.length, "warning")} (printed above)`);
      io.out(`${lines.join("\n")}\n`);
      return EXIT.ok;
    } catch (error) {
      return reportFailure(io, "validate", error, json, "nothing was written (validate never writes).");
    }
  },
};
