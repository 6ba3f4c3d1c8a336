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
