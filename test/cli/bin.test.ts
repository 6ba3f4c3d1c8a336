/**
 * The built command line (`npm run build`, then the package's bin `lib/cli/main.js`) works for a user:
 * in a project outside this repository it loads TypeScript, ES-module and CommonJS app modules (with
 * tsx's programmatic loader, no tsx CLI), awaits async build functions and writes the output folder.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "lib", "cli", "main.js");
const built = fs.existsSync(bin) && fs.existsSync(path.join(root, "lib", "cdk8s", "index.js"));

/** A project in a temporary folder whose node_modules holds this package (built) and its peers. */
function consumer(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kc-consumer-"));
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(root, path.join(dir, "node_modules", "kserve-constructs"));
  for (const peer of ["cdk8s", "constructs"]) fs.symlinkSync(path.join(root, "node_modules", peer), path.join(dir, "node_modules", peer));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  return dir;
}

const TS_APP = `import { App, Chart } from "cdk8s";
import { InferenceService, ModelLocation, ServingRuntime } from "kserve-constructs/cdk8s";

export default async function build(app: App): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  const chart: Chart = new Chart(app, "ts-app", { namespace: "models" });
  new InferenceService(chart, "iris", { engine: ServingRuntime.fromName("kserve-sklearnserver"), modelFormat: { name: "sklearn" }, model: ModelLocation.fromUri("s3://models/iris/") });
}
`;

const ESM_APP = `import { Chart } from "cdk8s";
import k from "kserve-constructs/cdk8s";
await new Promise((resolve) => setTimeout(resolve, 5)); // top-level await: only import() can load this
export async function build(app) {
  const chart = new Chart(app, "esm-app", { namespace: "models" });
  new k.InferenceService(chart, "iris", { engine: k.ServingRuntime.fromName("kserve-sklearnserver"), modelFormat: { name: "sklearn" }, model: k.ModelLocation.fromUri("s3://models/iris/") });
}
`;

const CJS_APP = `const { Chart } = require("cdk8s");
const { InferenceService, ModelLocation, ServingRuntime } = require("kserve-constructs/cdk8s");
module.exports = (app) => {
  const chart = new Chart(app, "cjs-app", { namespace: "models" });
  new InferenceService(chart, "iris", { engine: ServingRuntime.fromName("kserve-sklearnserver"), modelFormat: { name: "sklearn" }, model: ModelLocation.fromUri("s3://models/iris/") });
};
`;

(built ? describe : describe.skip)("the built bin in a user's project", () => {
  it("starts with a shebang and prints help and the version", () => {
    expect(fs.readFileSync(bin, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    expect(execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" })).toContain("Usage: kserve-constructs <command>");
    expect(execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).trim()).toBe(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version);
  });

  it.each([
    ["app.ts", TS_APP, "ts-app"],
    ["app.mts", ESM_APP, "esm-app"],
    ["app.mjs", ESM_APP, "esm-app"],
    ["app.cjs", CJS_APP, "cjs-app"],
  ])("synth %s (async build awaited) writes its chart; exit 0", (file, source, chart) => {
    const dir = consumer();
    fs.writeFileSync(path.join(dir, file), source);
    const r = spawnSync(process.execPath, [bin, "synth", file, "--json"], { cwd: dir, encoding: "utf8" });
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, files: [`${chart}.k8s.yaml`], objects: { InferenceService: 1 } });
    expect(fs.readdirSync(path.join(dir, "dist"))).toEqual([".kserve-constructs", `${chart}.k8s.yaml`]);
    expect(fs.readFileSync(path.join(dir, "dist", `${chart}.k8s.yaml`), "utf8")).toContain("storageUri: s3://models/iris/");
  }, 60_000);

  it("a .js app in a \"type\": \"module\" package is loaded as an ES module", () => {
    const dir = consumer();
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    fs.writeFileSync(path.join(dir, "app.js"), ESM_APP);
    const r = spawnSync(process.execPath, [bin, "synth", "app.js", "-q"], { cwd: dir, encoding: "utf8" });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, "", ""]);
    expect(fs.readdirSync(path.join(dir, "dist"))).toEqual([".kserve-constructs", "esm-app.k8s.yaml"]);
  }, 60_000);

  it("invalid specs from another copy of the library (here: this repository's sources) still exit 1", () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kc-copy-")), "dist");
    const r = spawnSync(process.execPath, [bin, "synth", "test/fixtures/bad-app.ts", "--out", out], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("[storage/s3-credentials]");
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);

  it("invalid specs in a TypeScript app exit 1 with the problem", () => {
    const dir = consumer();
    fs.writeFileSync(path.join(dir, "bad.ts"), TS_APP.replace('"s3://models/iris/"', '"nope://models/iris/"'));
    const r = spawnSync(process.execPath, [bin, "synth", "bad.ts"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("[storage/uri-scheme]");
    expect(r.stderr).toContain("nothing was written.");
    expect(fs.existsSync(path.join(dir, "dist"))).toBe(false);
  }, 60_000);
});
