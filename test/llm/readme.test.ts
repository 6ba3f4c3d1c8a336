/**
 * The README's LLMInferenceService section runs as written: the cdk8s block writes the YAML it shows,
 * both blocks type-check under the project's strict settings, and the Pulumi block creates its objects
 * under Pulumi's mocks.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { manifests, resetPulumi, settle, valueOf } from "../support/pulumi";
import { codeBlocks, loadProgram, runCdk8s, sectionOf, typeErrors, yamlDocuments } from "../support/readme";

const SECTION = "## Large language models (LLMInferenceService, llm-d)";

function blocks(lang: string): string[] {
  return codeBlocks(sectionOf(SECTION), lang);
}

describe("README: LLMInferenceService", () => {
  it("has a cdk8s block, the YAML it writes, and a Pulumi block", () => {
    expect(blocks("ts")).toHaveLength(2);
    expect(blocks("yaml")).toHaveLength(1);
  });

  it("the cdk8s block writes the LLMInferenceService it shows", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kc-readme-llm-"));
    runCdk8s(blocks("ts")[0] as string, out);
    const docs = yamlDocuments(path.join(out, "llm.k8s.yaml"));
    expect(docs.find((d) => d.includes("kind: LLMInferenceService"))).toBe(blocks("yaml")[0]);
    expect(docs.map((d) => /^kind: (\S+)$/m.exec(d)?.[1])).toEqual(["ServiceAccount", "LLMInferenceService"]);
  }, 60_000);

  it("both blocks type-check", () => {
    const [cdk8s, pulumi] = blocks("ts");
    expect(typeErrors({ cdk8s: cdk8s as string, pulumi: pulumi as string })).toEqual([]);
  }, 120_000);

  describe("the Pulumi block", () => {
    beforeEach(() => resetPulumi());
    afterAll(() => settle());

    it("creates the namespace, the storage's ServiceAccount and the LLMInferenceService", async () => {
      const exported = loadProgram(blocks("ts")[1] as string);
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
