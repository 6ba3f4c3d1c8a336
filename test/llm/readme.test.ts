/**
 * The README's LLMInferenceService section runs as written: the cdk8s block writes the YAML it shows,
 * both blocks type-check under the project's strict settings, and the Pulumi block creates its objects
 * under Pulumi's mocks.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { manifests, resetPulumi, settle, valueOf } from "../support/pulumi";

const root = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const SECTION = "## Large language models (LLMInferenceService, llm-d)";

function section(): string {
  const start = readme.indexOf(SECTION);
  if (start < 0) throw new Error(`no section "${SECTION}"`);
  const next = readme.indexOf("\n## ", start + SECTION.length);
  return readme.slice(start, next < 0 ? undefined : next);
}

function blocks(lang: string): string[] {
  return [...section().matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)\\n```", "g"))].map((m) => (m[1] as string) + "\n");
}

function withFiles<T>(files: Record<string, string>, use: (paths: Record<string, string>) => T): T {
  const dir = fs.mkdtempSync(path.join(root, "test", ".readme-llm-"));
  try {
    const paths = Object.fromEntries(Object.keys(files).map((name) => [name, path.join(dir, `${name}.ts`)]));
    for (const [name, code] of Object.entries(files)) fs.writeFileSync(paths[name] as string, code);
    return use(paths);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("README: LLMInferenceService", () => {
  it("has a cdk8s block, the YAML it writes, and a Pulumi block", () => {
    expect(blocks("ts")).toHaveLength(2);
    expect(blocks("yaml")).toHaveLength(1);
  });

  it("the cdk8s block writes the LLMInferenceService it shows", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kc-readme-llm-"));
    withFiles({ llm: blocks("ts")[0] as string }, (files) => {
      execFileSync(process.execPath, [require.resolve("tsx/cli"), files["llm"] as string], { cwd: root, env: { ...process.env, CDK8S_OUTDIR: out }, stdio: "pipe" });
    });
    const written = fs.readFileSync(path.join(out, "llm.k8s.yaml"), "utf8");
    const docs = written.split(/^---$/m).map((d) => d.replace(/^\n/, ""));
    expect(docs.find((d) => d.includes("kind: LLMInferenceService"))).toBe(blocks("yaml")[0]);
    expect(docs.map((d) => /^kind: (\S+)$/m.exec(d)?.[1])).toEqual(["ServiceAccount", "LLMInferenceService"]);
  }, 60_000);

  it("both blocks type-check", () => {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); } });
    if (config === undefined) throw new Error("tsconfig.json did not parse");
    const [cdk8s, pulumi] = blocks("ts");
    const diagnostics = withFiles({ cdk8s: cdk8s as string, pulumi: pulumi as string }, (files) => {
      const program = ts.createProgram(Object.values(files), { ...config.options, noEmit: true });
      return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.basename(d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    });
    expect(diagnostics).toEqual([]);
  }, 120_000);

  describe("the Pulumi block", () => {
    beforeEach(() => resetPulumi());
    afterAll(() => settle());

    it("creates the namespace, the storage's ServiceAccount and the LLMInferenceService", async () => {
      const exported = withFiles({ pulumi: blocks("ts")[1] as string }, (files) => {
        let loaded: Record<string, unknown> = {};
        jest.isolateModules(() => {
          loaded = require(files["pulumi"] as string) as Record<string, unknown>;
        });
        return loaded;
      });
      await settle();
      expect(await valueOf(exported["objects"] as never)).toEqual(["LLMInferenceService/llama-8b"]);
      const objects = manifests();
      expect(objects.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual(["LLMInferenceService/llama-8b", "Namespace/llm", "ServiceAccount/hub-sa"]);
      const llm = objects.find((m) => m.kind === "LLMInferenceService");
      expect(llm?.metadata.namespace).toBe("llm");
      expect(llm?.["spec"]).toEqual({
        model: { uri: "hf://meta-llama/Llama-3.1-8B-Instruct" },
        replicas: 1,
        router: { gateway: {}, route: {}, scheduler: {} },
        template: {
          containers: [{ name: "main", resources: { limits: { "nvidia.com/gpu": 1 }, requests: { "nvidia.com/gpu": 1 } } }],
          serviceAccountName: "hub-sa",
          tolerations: [{ effect: "NoSchedule", key: "nvidia.com/gpu", operator: "Exists" }],
        },
      });
    }, 60_000);
  });
});
