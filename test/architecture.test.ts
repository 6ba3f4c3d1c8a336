/**
 * The layering of src/: every folder imports only folders at or below its layer, so the core stays
 * framework-agnostic and the adapters stay thin. From the bottom: the core (with the accelerator facts and
 * the NIM catalogue inside it), the presets, the public API (src/index.ts), the output step and `lint`,
 * then the two adapters (which never import each other), then the command line.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.join(__dirname, "..", "src");

/** The folders (or root files) of src/ each layer may import, by the layer's name. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: ["core"],
  presets: ["core", "presets"],
  "index.ts": ["core", "presets"],
  "peers.ts": [],
  output: ["output"],
  lint: ["core", "presets", "index.ts", "lint"],
  cdk8s: ["index.ts", "output", "peers.ts", "cdk8s"],
  pulumi: ["index.ts", "peers.ts", "pulumi"],
  cli: ["core", "index.ts", "lint", "output", "peers.ts", "cdk8s", "cli"],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

/**
 * The layer of a file or import target: its first folder below src/, or the root file's name with `.ts`
 * (`../index` is `index.ts`; `../output`, a folder's index, is the folder); `undefined` outside src/ (package.json is read for the version).
 */
function layerOf(file: string): string | undefined {
  const relative = path.relative(SRC, file);
  if (relative.startsWith("..")) return undefined;
  const [first = ""] = relative.split(path.sep);
  if (relative === first && !fs.existsSync(path.join(SRC, first, "index.ts"))) return first.endsWith(".ts") ? first : `${first}.ts`;
  return first;
}

/** The relative module specifiers a file imports (static, dynamic, require and `import type`). */
function importsOf(text: string): string[] {
  const specs: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)"(\.[^"]*)"/gm)) specs.push(match[1] as string);
  return specs;
}

describe("layering of src/", () => {
  const files = sourceFiles(SRC);

  it("every folder of src/ has a layer", () => {
    const layers = new Set(files.map(layerOf));
    expect([...layers].filter((l) => l === undefined || ALLOWED[l] === undefined)).toEqual([]);
  });

  it("no file imports a folder above its own layer (or the other adapter)", () => {
    const violations: string[] = [];
    for (const file of files) {
      const own = layerOf(file) ?? "";
      const allowed = ALLOWED[own] ?? [];
      for (const spec of importsOf(fs.readFileSync(file, "utf8"))) {
        const target = layerOf(path.resolve(path.dirname(file), spec));
        if (target !== undefined && target !== own && !allowed.includes(target)) violations.push(`${path.relative(SRC, file)} imports ${spec} (${own} may import ${allowed.join(", ") || "nothing"})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("the scanner sees every kind of import it checks", () => {
    expect(importsOf('import { a } from "../core/x";\nimport type { B } from "../presets/y";\nconst c = require("../cdk8s/z");\nvoid import("../pulumi/w");\nimport "./peers";')).toEqual(["../core/x", "../presets/y", "../cdk8s/z", "../pulumi/w", "./peers"]);
    expect(layerOf(path.join(SRC, "core", "nim", "catalogue.ts"))).toBe("core");
    expect(layerOf(path.join(SRC, "index"))).toBe("index.ts");
    expect(layerOf(path.join(SRC, "index.ts"))).toBe("index.ts");
    expect(layerOf(path.join(SRC, "..", "package.json"))).toBeUndefined();
  });
});
