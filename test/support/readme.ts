/**
 * The README as tests read it: its sections and code blocks, temporary source files inside the
 * repository (so the project's paths and packages resolve), type-checking them under the project's
 * strict settings, running a cdk8s block, and loading a Pulumi block under the mocks.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/** The repository root. */
export const ROOT = path.resolve(__dirname, "../..");

/** The README's text. */
export const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The text of a section, from its heading up to the next `## ` heading. */
export function sectionOf(heading: string): string {
  const start = README.indexOf(heading);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const next = README.indexOf("\n## ", start + heading.length);
  return README.slice(start, next < 0 ? undefined : next);
}

/** Every code block of `lang` in `text`, each ending with a newline. */
export function codeBlocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)\\n```", "g"))].map((m) => (m[1] as string) + "\n");
}

/** The first code block of `lang` after the text `after`. */
export function blockAfter(after: string, lang: string): string {
  const start = README.indexOf(after);
  const open = README.indexOf("```" + lang + "\n", start);
  const close = README.indexOf("\n```", open + 4);
  if (start < 0 || open < 0 || close < 0) throw new Error(`no ${lang} block after "${after}"`);
  return README.slice(open + lang.length + 4, close + 1);
}

/** Writes the sources as `<name>.ts` into a temporary folder under test/ and removes it after `use`. */
export function withFiles<T>(files: Record<string, string>, use: (paths: Record<string, string>) => T): T {
  const dir = fs.mkdtempSync(path.join(ROOT, "test", ".readme-"));
  try {
    const paths = Object.fromEntries(Object.keys(files).map((name) => [name, path.join(dir, `${name}.ts`)]));
    for (const [name, code] of Object.entries(files)) fs.writeFileSync(paths[name] as string, code);
    return use(paths);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The type errors of the sources under the project's tsconfig (empty when they type-check). */
export function typeErrors(files: Record<string, string>): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (config === undefined) throw new Error("tsconfig.json did not parse");
  return withFiles(files, (paths) => {
    const program = ts.createProgram(Object.values(paths), { ...config.options, noEmit: true });
    return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.basename(d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  });
}

/** Runs a cdk8s app's source with its output in `outdir`. */
export function runCdk8s(code: string, outdir: string): void {
  withFiles({ app: code }, (paths) => {
    execFileSync(process.execPath, [require.resolve("tsx/cli"), paths["app"] as string], { cwd: ROOT, env: { ...process.env, CDK8S_OUTDIR: outdir }, stdio: "pipe" });
  });
}

/** Loads a Pulumi program's source in an isolated module registry; returns its exports. */
export function loadProgram(code: string): Record<string, unknown> {
  return withFiles({ program: code }, (paths) => {
    let loaded: Record<string, unknown> = {};
    jest.isolateModules(() => {
      loaded = require(paths["program"] as string) as Record<string, unknown>;
    });
    return loaded;
  });
}

/** The YAML documents of a synthesized file, as cdk8s writes them (each without the separator line). */
export function yamlDocuments(file: string): string[] {
  return fs.readFileSync(file, "utf8").split(/^---$/m).map((d) => d.replace(/^\n/, ""));
}
