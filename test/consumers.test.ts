/**
 * The packed library works in users' own projects: `npm pack`, then fresh projects made like
 * `cdk8s init typescript-app` (node10 resolution, skipLibCheck false), like Pulumi's TypeScript template
 * (node10, skipLibCheck false) and an ESM project (nodenext) each install the tarball and their peers,
 * type-check, and run the README's worked example (cdk8s synth; the Pulumi program under Pulumi's mocks).
 *
 * Runs by default (CI). Needs npm and the npm registry or npm's cache (peers are pinned to the versions
 * this repository installed, fetched with --prefer-offline). Skip locally with
 * KSERVE_CONSTRUCTS_SKIP_CONSUMERS=1.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseAllDocuments } from "yaml";
import { createConsumer, packLibrary, readmeBlock, ROOT, runNode, typecheck } from "../scripts/consumers";
import { PULUMI_MOCKS } from "../scripts/consumers";

const skip = process.env["KSERVE_CONSTRUCTS_SKIP_CONSUMERS"] === "1";
if (skip) console.log("consumer projects skipped (KSERVE_CONSTRUCTS_SKIP_CONSUMERS=1)");

const WORKED = readmeBlock("## Worked example (cdk8s)", "ts");
const SHOWN = readmeBlock("The InferenceService it writes:", "yaml");
const PULUMI = readmeBlock("## Pulumi", "ts");

/** The InferenceService document of a synthesized chart, as text. */
function isvcOf(yamlText: string): string | undefined {
  return yamlText
    .split(/^---$/m)
    .map((d) => d.replace(/^\n/, ""))
    .find((d) => d.includes("kind: InferenceService"));
}

(skip ? describe.skip : describe)("the packed library in fresh consumer projects", () => {
  let tmp = "";
  let tarball = "";

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kc-consumers-"));
    tarball = packLibrary(tmp);
  }, 120_000);
  afterAll(() => {
    if (tmp !== "") fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("the tarball holds the build, the license and the changelog, and no sources, tests or maps without sources", () => {
    const list = fs.readdirSync(path.join(ROOT, "lib"), { recursive: true }).map(String);
    expect(list).toContain("index.d.ts");
    expect(list.some((f) => f.endsWith(".d.ts.map"))).toBe(false);
    const map = JSON.parse(fs.readFileSync(path.join(ROOT, "lib", "cdk8s", "index.js.map"), "utf8")) as { sources: string[]; sourcesContent?: string[] };
    expect(map.sourcesContent?.length).toBe(map.sources.length);
    const dir = path.join(tmp, "unpacked");
    fs.mkdirSync(dir);
    execFileSync("tar", ["-xzf", tarball, "-C", dir]);
    const files = (fs.readdirSync(path.join(dir, "package"), { recursive: true }) as string[]).map(String);
    for (const f of ["LICENSE", "README.md", "CHANGELOG.md", "package.json", "lib/index.js", "lib/cdk8s/index.d.ts", "lib/pulumi/index.js"]) expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith("src") || f.startsWith("test") || f.startsWith("scripts"))).toEqual([]);
    expect(fs.readFileSync(path.join(dir, "package", "LICENSE"), "utf8")).toContain("Apache License\n                           Version 2.0, January 2004");
  });

  it("a `cdk8s init typescript-app` project (node10, skipLibCheck false) type-checks and synthesizes the worked example", () => {
    const dir = createConsumer("cdk8s", { dir: path.join(tmp, "cdk8s-app"), tarball, files: { "main.ts": WORKED } });
    const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
    expect(tsconfig.compilerOptions["module"]).toBe("CommonJS");
    expect(tsconfig.compilerOptions["moduleResolution"]).toBeUndefined(); // node10, TypeScript's default for CommonJS
    expect(tsconfig.compilerOptions["skipLibCheck"]).toBeUndefined();
    expect(tsconfig.compilerOptions["esModuleInterop"]).toBeUndefined();
    typecheck(dir); // emits main.js (noEmitOnError)
    runNode(dir, "main.js", { CDK8S_OUTDIR: path.join(dir, "dist") });
    const written = fs.readFileSync(path.join(dir, "dist", "llm-serving.k8s.yaml"), "utf8");
    expect(isvcOf(written)).toBe(SHOWN);
    expect(parseAllDocuments(written).map((d) => (d.toJS() as { kind: string }).kind)).toEqual(["ServingRuntime", "PersistentVolumeClaim", "InferenceService"]);
    // the same project under node16 and bundler resolution
    typecheck(dir, ["--noEmit", "--module", "node16", "--moduleResolution", "node16"]);
    typecheck(dir, ["--noEmit", "--module", "esnext", "--moduleResolution", "bundler"]);
  }, 240_000);

  it("a Pulumi TypeScript-template project (node10, skipLibCheck false) type-checks and runs the README's program under Pulumi's mocks", () => {
    const dir = createConsumer("pulumi", { dir: path.join(tmp, "pulumi-app"), tarball, files: { "index.ts": PULUMI, "mocks.ts": PULUMI_MOCKS } });
    typecheck(dir);
    // this project has no cdk8s: importing the cdk8s entry point says what to install
    fs.writeFileSync(path.join(dir, "peer-check.js"), `try { require("kserve-constructs/cdk8s"); } catch (e) { console.log(e.message); }\n`);
    expect(runNode(dir, "peer-check.js").trim()).toBe(
      "kserve-constructs/cdk8s needs the peer dependencies cdk8s and constructs, which are not installed. Install them beside kserve-constructs: npm install cdk8s constructs",
    );
    const out = JSON.parse(runNode(dir, path.join("bin", "mocks.js"))) as { objects: string[]; created: { type: string; name: string }[] };
    expect(out.objects).toEqual(["InferenceService/granite"]);
    expect(out.created.map((r) => r.type).sort()).toEqual([
      "kserve-constructs:index:HardwareProfile",
      "kserve-constructs:index:InferenceEngine",
      "kserve-constructs:index:InferenceService",
      "kserve-constructs:index:ModelStorage",
      "kubernetes:core/v1:Namespace",
      "kubernetes:core/v1:SecretPatch",
      "kubernetes:core/v1:ServiceAccount",
      "kubernetes:serving.kserve.io/v1alpha1:ServingRuntime",
      "kubernetes:serving.kserve.io/v1beta1:InferenceService",
      "pulumi:providers:kubernetes",
    ]);
  }, 240_000);

  it("an ESM project (nodenext) type-checks and runs the worked example with named imports from every entry point it uses", () => {
    const core = `import { ValidationError, Parameter } from "kserve-constructs";\nimport * as cdk8s from "kserve-constructs/cdk8s";\nconsole.log(JSON.stringify([typeof ValidationError, typeof Parameter.int, typeof cdk8s.InferenceService]));\n`;
    const dir = createConsumer("esm", { dir: path.join(tmp, "esm-app"), tarball, files: { "main.ts": WORKED, "core.ts": core } });
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8")), files: ["main.ts", "core.ts"] }));
    typecheck(dir);
    expect(JSON.parse(runNode(dir, path.join("dist-js", "core.js")))).toEqual(["function", "function", "function"]);
    runNode(dir, path.join("dist-js", "main.js"), { CDK8S_OUTDIR: path.join(dir, "dist") });
    expect(isvcOf(fs.readFileSync(path.join(dir, "dist", "llm-serving.k8s.yaml"), "utf8"))).toBe(SHOWN);
  }, 240_000);
});
