/**
 * The command table's types, the argument parser (node's `util.parseArgs`) and per-command help.
 * A command is one {@link Command} object in `commands/index.ts`; its options and help come from it.
 */
import { parseArgs } from "util";

/** Exit codes of the command line. */
export const EXIT = {
  /** Success (warnings may have been printed). */
  ok: 0,
  /** Invalid specs: every problem was printed, nothing was written. */
  invalid: 1,
  /** Usage error, an app module that cannot be loaded or fails, or an output folder refused, busy or not written. */
  usage: 2,
} as const;

/** One option of a command. */
export interface OptionSpec {
  /** `string` takes a value (`--out DIR`, `--out=DIR`, `-o DIR`); `boolean` is a switch. */
  readonly type: "string" | "boolean";
  /** One-letter alias (`o` for `-o`). */
  readonly short?: string;
  /** Placeholder of the value in help (`DIR`). */
  readonly placeholder?: string;
  /** What the option does, one line. */
  readonly description: string;
  /** The default, as shown in help. */
  readonly defaultText?: string;
}

/** One positional argument of a command. */
export interface PositionalSpec {
  /** Name in help (`app-module`). */
  readonly name: string;
  /** What it is, one line. */
  readonly description: string;
  /** True when the command cannot run without it. */
  readonly required: boolean;
}

/** Where a command writes (tests capture it). */
export interface CliIo {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
}

/** The parsed arguments of one command. */
export interface ParsedArgs {
  /** Positional arguments, in order. */
  readonly positionals: readonly string[];
  /** Values of string options that were given. */
  readonly strings: Readonly<Record<string, string>>;
  /** Names of boolean options that were given. */
  readonly flags: ReadonlySet<string>;
}

/** A command of the command line. Add one by adding its object to `commands/index.ts`. */
export interface Command {
  /** The word that selects it (`synth`). */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Paragraphs of help after the usage line. */
  readonly description: readonly string[];
  /** Positional arguments, in order. */
  readonly positionals: readonly PositionalSpec[];
  /** Options by long name (without `--`); `--help`/`-h` is added to every command. */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /**
   * True for a command that parses its own arguments and prints its own help: it gets every argument
   * after its name, unparsed, as `positionals`.
   * @default false
   */
  readonly parsesOwnArguments?: boolean;
  /** Runs the command; resolves to its exit code. */
  run(args: ParsedArgs, io: CliIo): Promise<number> | number;
}

/** A mistake in the command line; printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The program's name in messages. */
export const PROGRAM = "kserve-constructs";

const HELP_OPTION: OptionSpec = { type: "boolean", short: "h", description: "show this help" };

/** Every option of `command`, `--help` included. */
export function optionsOf(command: Command): Record<string, OptionSpec> {
  return { ...command.options, help: HELP_OPTION };
}

/** Parses `args` (after the command word) for `command`. Throws a {@link UsageError} naming what is wrong. */
export function parseCommandArgs(command: Command, args: readonly string[]): ParsedArgs {
  const specs = optionsOf(command);
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, spec] of Object.entries(specs)) options[name] = spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short };
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  const positionals: string[] = [];
  const strings: Record<string, string> = {};
  const flags = new Set<string>();
  for (const token of tokens) {
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== "option") continue;
    const spec = Object.prototype.hasOwnProperty.call(specs, token.name) ? specs[token.name] : undefined;
    if (spec === undefined) throw new UsageError(`unknown option ${token.rawName} for ${command.name}`);
    if (spec.type === "boolean") {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value (got ${JSON.stringify(token.value)})`);
      flags.add(token.name);
      continue;
    }
    const value = token.value;
    if (value === undefined || value === "" || (token.inlineValue === false && value.startsWith("-") && value !== "-")) {
      const shown = spec.placeholder ?? "VALUE";
      const forms = [`--${token.name} ${shown}`, `--${token.name}=${shown}`, ...(spec.short !== undefined ? [`-${spec.short} ${shown}`] : [])];
      throw new UsageError(`${token.rawName} needs a value (${forms.join(", ")})`);
    }
    strings[token.name] = value;
  }
  if (flags.has("help")) return { positionals, strings, flags };
  const required = command.positionals.filter((p) => p.required).length;
  if (positionals.length < required) {
    const missing = command.positionals.slice(positionals.length).filter((p) => p.required).map((p) => `<${p.name}>`);
    throw new UsageError(`${command.name} needs ${missing.join(" ")}`);
  }
  if (positionals.length > command.positionals.length) {
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[command.positionals.length])} for ${command.name}`);
  }
  return { positionals, strings, flags };
}

/** The usage line of `command`. */
export function usageLine(command: Command): string {
  const pos = command.positionals.map((p) => (p.required ? `<${p.name}>` : `[${p.name}]`));
  return [PROGRAM, command.name, ...pos, "[options]"].join(" ");
}

/** The exit-code lines every help shows. */
export const EXIT_CODES_HELP = [
  "Exit codes:",
  "  0  success (warnings may have been printed)",
  "  1  invalid specs: every problem was printed, nothing was written (lint: errors found)",
  "  2  usage error, app module not loadable or failing, or output folder refused, busy or not written",
];

const HELP_WIDTH = 100;

/** Breaks `text` into lines of at most `width` characters (at spaces). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** The full help of `command`. */
export function commandHelp(command: Command): string {
  const lines = [`Usage: ${usageLine(command)}`, ""];
  lines.push(command.summary, "");
  for (const paragraph of command.description) lines.push(...wrap(paragraph, HELP_WIDTH), "");
  if (command.positionals.length > 0) {
    lines.push("Arguments:");
    const width = Math.max(...command.positionals.map((p) => p.name.length + 2));
    for (const p of command.positionals) lines.push(`  ${`<${p.name}>`.padEnd(width)}  ${p.description}`);
    lines.push("");
  }
  lines.push("Options:");
  const entries = Object.entries(optionsOf(command)).map(([name, spec]) => {
    const value = spec.type === "string" ? ` ${spec.placeholder ?? "VALUE"}` : "";
    const flag = `${spec.short !== undefined ? `-${spec.short}, ` : "    "}--${name}${value}`;
    return { flag, text: spec.defaultText === undefined ? spec.description : `${spec.description} (default: ${spec.defaultText})` };
  });
  const width = Math.max(...entries.map((e) => e.flag.length));
  for (const e of entries) lines.push(`  ${e.flag.padEnd(width)}  ${e.text}`);
  lines.push("", ...EXIT_CODES_HELP);
  return `${lines.join("\n")}\n`;
}
