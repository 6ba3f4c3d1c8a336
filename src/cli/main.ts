#!/usr/bin/env node
/**
 * kserve-constructs command line.
 *
 *   kserve-constructs synth <app-module> [--out DIR]   validate, then write the manifests safely into DIR (default dist)
 *   kserve-constructs validate <app-module>            validate only, write nothing
 *   kserve-constructs recover [--out DIR]              repair an interrupted synth
 *   kserve-constructs lint [options] PATH...           check YAML the library did not write
 *
 * Every command takes --help. The commands live in `commands/` (one file each) and are listed in
 * `commands/index.ts`. Exit codes: 0 success, 1 invalid specs (every problem is printed), 2 usage,
 * load or output errors.
 */
import * as fs from "fs";
import * as path from "path";
import { EXIT, EXIT_CODES_HELP, PROGRAM, UsageError, commandHelp, parseCommandArgs } from "./command";
import type { CliIo, Command } from "./command";
import { COMMANDS } from "./commands";

const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** The package version (from package.json). */
export function version(): string {
  const text = fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}

/** The help shown by `kserve-constructs --help`. */
export function mainHelp(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return (
    [
      `Usage: ${PROGRAM} <command> [arguments] [options]`,
      "",
      "Typed KServe, ModelMesh, NVIDIA NIM and OpenShift AI manifests, validated at synth time.",
      "",
      "Commands:",
      ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
      "",
      "Options:",
      "  -h, --help     show this help (after a command: that command's help)",
      "      --version  print the version",
      "",
      `Run \`${PROGRAM} <command> --help\` for a command's arguments and options.`,
      "",
      ...EXIT_CODES_HELP,
    ].join("\n") + "\n"
  );
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length] as number;
}

function usageFailure(io: CliIo, message: string): number {
  io.err(`${PROGRAM}: ${message}\nRun \`${PROGRAM} --help\` for the commands and options.\n`);
  return EXIT.usage;
}

/** Runs the command line with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(mainHelp(commands));
    return EXIT.usage;
  }
  if (first === "--help" || first === "-h") {
    io.out(mainHelp(commands));
    return EXIT.ok;
  }
  if (first === "--version") {
    io.out(`${version()}\n`);
    return EXIT.ok;
  }
  if (first === "help") {
    const topic = rest[0];
    if (topic === undefined) {
      io.out(mainHelp(commands));
      return EXIT.ok;
    }
    const command = commands.find((c) => c.name === topic);
    if (command === undefined) return usageFailure(io, `unknown command ${JSON.stringify(topic)}; the commands are ${commands.map((c) => c.name).join(", ")}`);
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  if (first.startsWith("-")) return usageFailure(io, `unknown option ${first} (give a command first: ${PROGRAM} <command> [options])`);
  const command = commands.find((c) => c.name === first);
  if (command === undefined) {
    const near = commands.filter((c) => distance(c.name, first) <= 2).map((c) => c.name);
    const hint = near.length > 0 ? ` (did you mean ${near.join(" or ")}?)` : "";
    return usageFailure(io, `unknown command ${JSON.stringify(first)}${hint}; the commands are ${commands.map((c) => c.name).join(", ")}`);
  }
  if (command.parsesOwnArguments === true) return command.run({ positionals: rest, strings: {}, flags: new Set() }, io);
  let args;
  try {
    args = parseCommandArgs(command, rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${PROGRAM} ${command.name}: ${error.message}\nusage: ${commandHelp(command).split("\n")[0]?.replace(/^Usage: /, "")}\nRun \`${PROGRAM} ${command.name} --help\` for its options.\n`);
    return EXIT.usage;
  }
  if (args.flags.has("help")) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  return command.run(args, io);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${PROGRAM}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
