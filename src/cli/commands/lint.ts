/**
 * `kserve-constructs lint PATH...`: the command-table entry of `lint` (implemented in `../lint.ts`,
 * which parses its own options and prints its own help). Loaded only when run, so linting needs no cdk8s.
 */
import type { Command } from "../command";

/** The `lint` command. */
export const lintEntry: Command = {
  name: "lint",
  summary: "Check Kubernetes YAML the library did not write: its rules and strict CRD schemas (exit 1 on errors).",
  description: [],
  positionals: [],
  options: {},
  parsesOwnArguments: true,
  async run(args, io) {
    const { lintCommand } = await import("../lint");
    return lintCommand(args.positionals, { stdout: io.out, stderr: io.err });
  },
};
