/**
 * The built package (npm run build) ships lint: `kserve-constructs/lint` resolves, finds its schemas in
 * lib/lint/schemas, and the bin runs `lint` without cdk8s being loaded for the lint itself.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const built = fs.existsSync(path.join(root, "lib", "lint", "index.js"));

(built ? describe : describe.skip)("built package: lint", () => {
  it("kserve-constructs/lint lints with the schemas copied into lib/", () => {
    const script = `
      const { lint } = require("kserve-constructs/lint");
      const r = lint([{ file: "a.yaml", text: "apiVersion: serving.kserve.io/v1beta1\\nkind: InferenceService\\nmetadata: {name: a, namespace: m}\\nspec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: 's3://b/m'}}, bogus: 1}\\n" }]);
      console.log(JSON.stringify(r.problems.map((p) => [p.rule, p.path])));`;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual([["lint/schema", "spec.bogus"]]);
    const shipped = fs.readdirSync(path.join(root, "src", "lint", "schemas")).sort();
    expect(fs.readdirSync(path.join(root, "lib", "lint", "schemas")).sort()).toEqual(shipped);
  });

  it("the bin runs lint and exits 1 on errors", () => {
    let code = 0;
    try {
      execFileSync(process.execPath, [path.join(root, "lib", "cli", "main.js"), "lint", path.join(__dirname, "corpus", "bad", "lint--schema.yaml")], { encoding: "utf8" });
    } catch (error) {
      code = (error as { status: number }).status;
      expect((error as { stdout: string }).stdout).toContain('unknown field "resurces"');
    }
    expect(code).toBe(1);
  });
});
