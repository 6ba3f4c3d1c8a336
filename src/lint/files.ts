/**
 * Reads lint inputs from disk: files, folders (recursively: *.yaml, *.yml, *.json, in name order) and
 * `-` for stdin.
 */
import * as fs from "fs";
import * as path from "path";
import type { LintSource } from "./lint";

const EXTENSIONS = /\.(ya?ml|json)$/i;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile() && EXTENSIONS.test(entry.name)) out.push(full);
  }
  return out;
}

/** Reads the inputs; `stdin` is read for `-`. Throws with the path for one that does not exist. */
export function readSources(inputs: readonly string[], stdin: () => string = () => fs.readFileSync(0, "utf8")): LintSource[] {
  const sources: LintSource[] = [];
  for (const input of inputs) {
    if (input === "-") {
      sources.push({ file: "-", text: stdin() });
      continue;
    }
    if (!fs.existsSync(input)) throw new Error(`${input}: no such file or folder`);
    const files = fs.statSync(input).isDirectory() ? walk(input) : [input];
    for (const file of files) sources.push({ file, text: fs.readFileSync(file, "utf8") });
  }
  return sources;
}
