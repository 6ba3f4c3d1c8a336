/**
 * The built package (npm run build) resolves through its exports map: the core at the root, the
 * constructs at /cdk8s, with type declarations beside them.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const built = fs.existsSync(path.join(root, "lib", "index.js"));

(built ? describe : describe.skip)("built package", () => {
  it("exports the core and the cdk8s constructs with declarations", () => {
    const script = `
      const core = require("kserve-constructs");
      const k = require("kserve-constructs/cdk8s");
      console.log(JSON.stringify([typeof core.ValidationError, typeof core.Parameter.int, typeof core.InferenceService, typeof k.InferenceService, typeof k.InferenceEngine, typeof k.ModelStorage.s3, typeof k.synthAtomically]));`;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual(["function", "function", "undefined", "function", "function", "function", "function"]);
    for (const d of ["index.d.ts", "cdk8s/index.d.ts", "cli/main.js"]) expect(fs.existsSync(path.join(root, "lib", d))).toBe(true);
  });

  it("exports the Pulumi components at /pulumi (the example Pulumi program loads them from lib/)", () => {
    const script = `
      const p = require("kserve-constructs/pulumi");
      console.log(JSON.stringify([typeof p.InferenceService, typeof p.InferenceEngine.vllm, typeof p.ModelStorage.s3, typeof p.KServeTarget.setDefault, typeof p.ValidationError, typeof p.Nim.model, typeof p.NimAccount, typeof p.StorageConfig, typeof p.ModelServing, typeof p.ModelFleet, typeof p.ModelMeshNamespace]));`;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual(Array(11).fill("function"));
    expect(fs.existsSync(path.join(root, "lib", "pulumi", "index.d.ts"))).toBe(true);
  });
});

/** Every `.d.ts` reachable from the entry points' declarations, and the bare modules each imports. */
function declarationGraph(libDir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (graph.has(file)) return;
    const bare: string[] = [];
    graph.set(file, bare);
    const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/(?!\/ <reference).*$/gm, "");
    for (const m of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*|reference types=)["']([^"']+)["']/g)) {
      const spec = m[1] as string;
      if (!spec.startsWith(".")) {
        bare.push(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const next = [`${base}.d.ts`, path.join(base, "index.d.ts")].find((c) => fs.existsSync(c));
      if (next === undefined) throw new Error(`${path.relative(libDir, file)} imports ${spec}, which has no declaration`);
      visit(next);
    }
  };
  for (const entry of ["index.d.ts", "cdk8s/index.d.ts", "pulumi/index.d.ts", "lint/index.d.ts"]) visit(path.join(libDir, entry));
  return graph;
}

(built ? describe : describe.skip)("published declarations", () => {
  it("reach no zod types: consumers type-check only plain interfaces (schemas stay internal)", () => {
    const graph = declarationGraph(path.join(root, "lib"));
    expect(graph.size).toBeGreaterThan(50);
    const zod = [...graph].filter(([, bare]) => bare.some((b) => b === "zod" || b.startsWith("zod/"))).map(([f]) => path.relative(root, f));
    expect(zod).toEqual([]);
    const bare = new Set([...graph.values()].flat());
    // @pulumi/kubernetes: the Pulumi args take its Secret, claim and ServiceAccount resources as references
    expect([...bare].sort()).toEqual(["@pulumi/kubernetes", "@pulumi/pulumi", "cdk8s", "constructs"]);
  });

  it("ship source maps with their sources and no declaration maps pointing at src/", () => {
    const map = JSON.parse(fs.readFileSync(path.join(root, "lib", "core", "service", "build.js.map"), "utf8")) as { sources: string[]; sourcesContent?: string[] };
    expect(map.sources).toEqual(["../../../src/core/service/build.ts"]);
    expect(map.sourcesContent?.[0]).toBe(fs.readFileSync(path.join(root, "src", "core", "service", "build.ts"), "utf8"));
    expect(fs.existsSync(path.join(root, "lib", "index.d.ts.map"))).toBe(false);
  });
});

describe("package.json", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, unknown> & {
    exports: Record<string, unknown>;
    typesVersions: Record<string, Record<string, string[]>>;
    scripts: Record<string, string>;
    peerDependencies: Record<string, string>;
    peerDependenciesMeta: Record<string, { optional: boolean }>;
    files: string[];
  };

  it("maps every entry point with types, require and default conditions (types first), and typesVersions for node10", () => {
    for (const [entry, base] of [[".", "index"], ["./cdk8s", "cdk8s/index"], ["./pulumi", "pulumi/index"], ["./lint", "lint/index"]] as const) {
      expect(pkg.exports[entry]).toEqual({ types: `./lib/${base}.d.ts`, require: `./lib/${base}.js`, default: `./lib/${base}.js` });
      expect(Object.keys(pkg.exports[entry] as object)[0]).toBe("types");
    }
    expect(pkg.typesVersions).toEqual({ "*": { cdk8s: ["lib/cdk8s/index.d.ts"], pulumi: ["lib/pulumi/index.d.ts"], lint: ["lib/lint/index.d.ts"] } });
    expect([pkg["main"], pkg["types"]]).toEqual(["./lib/index.js", "./lib/index.d.ts"]);
  });

  it("declares the peers each entry point imports, all optional, and none for cdk8s-plus (typed structurally)", () => {
    expect(pkg.peerDependencies).toEqual({ "@pulumi/kubernetes": "^4.18.0", "@pulumi/pulumi": "^3.100.0", cdk8s: "^2.68.0", constructs: "^10.3.0" });
    expect(Object.keys(pkg.peerDependenciesMeta).sort()).toEqual(Object.keys(pkg.peerDependencies).sort());
    expect(Object.values(pkg.peerDependenciesMeta).every((m) => m.optional)).toBe(true);
  });

  it("builds on install from git, tests before publishing, and documents provenance publishing", () => {
    expect(pkg.scripts["prepare"]).toBe("npm run build");
    expect(pkg.scripts["prepublishOnly"]).toBe("npm test");
    expect(pkg.scripts["publish:provenance"]).toBe("npm publish --provenance --access public");
    expect(pkg.scripts["test"]).toContain("npm run docs:check");
    expect(pkg["engines"]).toEqual({ node: ">=20" });
    expect(pkg["license"]).toBe("Apache-2.0");
    expect(pkg.files).toEqual(["lib", "CHANGELOG.md"]);
  });
});
