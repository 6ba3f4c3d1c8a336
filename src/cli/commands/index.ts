/**
 * The command table: every command of the command line, in the order `--help` lists them.
 * To add a command, write it as a {@link Command} in its own file and add it here. Each command loads
 * what it needs (cdk8s, the linter) only when it runs.
 */
import type { Command } from "../command";
import { lintEntry } from "./lint";
import { recoverCommand } from "./recover";
import { synthCommand } from "./synth";
import { validateCommand } from "./validate";

/** Every command, in help order. */
export const COMMANDS: readonly Command[] = [synthCommand, validateCommand, recoverCommand, lintEntry];
