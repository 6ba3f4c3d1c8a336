/**
 * The README's code runs as written: the worked example writes the YAML it shows, every `ts` block
 * type-checks (the fragments with the context they assume), the fragments synthesize, and the Pulumi
 * example creates the objects it describes under Pulumi's mocks.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseAllDocuments } from "yaml";
import { isSecretValue, manifests, registered, resetPulumi, settle, valueOf } from "./support/pulumi";
import { execFileSync } from "child_process";
import { ROOT, blockAfter as block, codeBlocks, loadProgram, runCdk8s, sectionOf, typeErrors, withFiles, yamlDocuments } from "./support/readme";
import { DEFAULT_SYNC_WAVES } from "kserve-constructs";
import { GITIGNORE_PATTERN } from "../src/output";

/** Every `ts` block of a section (up to the next `## ` heading). */
function blocksOf(section: string): string[] {
  return codeBlocks(sectionOf(section), "ts");
}

/** The cdk8s-plus section's block as an app (with the chart it assumes). */
function plusApp(): string {
  const code = blocksOf("## cdk8s-plus")[0] as string;
  const imports = code.split("\n").filter((l) => l.startsWith("import "));
  const body = code.split("\n").filter((l) => !l.startsWith("import ")).join("\n");
  return `${imports.join("\n")}
import { App, Chart } from "cdk8s";
import { ModelStorage } from "kserve-constructs/cdk8s";
const app = new App();
const chart = new Chart(app, "plus", { namespace: "models" });
${body}`;
}

/** The context the fragments of "Accelerators", "NVIDIA NIM" and "Multi-model serving" assume. */
const FRAGMENT_PRELUDE = `import { App, Chart } from "cdk8s";
import { Accelerator, HardwareProfile, InferenceEngine, InferenceService, KServeTarget, ModelFleet, ModelMeshRuntimes, ModelStorage, NgcSecrets, Nim, NimAccount, StorageConfig } from "kserve-constructs/cdk8s";
const app = new App();
KServeTarget.set(app, { openshiftAI: { version: "2.25" } });
const chart = new Chart(app, "readme", { namespace: "readme" });
const models = ModelStorage.pvc(chart, "models", { claimName: "models" });
const catalogue = [{ id: "fraud-a", key: "fraud/a.joblib" }, { id: "fraud-b", key: "fraud/b.joblib" }];
`;

function fragments(): string {
  const parts = ["## Accelerators and hardware profiles", "## NVIDIA NIM", "## Engines from GPUStack and Chariot", "## Multi-model serving"].flatMap(blocksOf);
  expect(parts).toHaveLength(6);
  return FRAGMENT_PRELUDE + parts.join("") + "app.synth();\n";
}

describe("README", () => {
  it("the worked example synthesizes the InferenceService it shows", () => {
    const code = block("## Worked example (cdk8s)", "ts");
    const shown = block("The InferenceService it writes:", "yaml");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kc-readme-"));
    runCdk8s(code, out);
    const written = fs.readFileSync(path.join(out, "llm-serving.k8s.yaml"), "utf8");
    const isvc = yamlDocuments(path.join(out, "llm-serving.k8s.yaml")).find((d) => d.includes("kind: InferenceService"));
    expect(isvc).toBe(shown);
    expect(parseAllDocuments(written).length).toBe(3);
  }, 60_000);

  it("every ts block type-checks under the project's strict settings", () => {
    const scaling = `import { App, Chart } from "cdk8s";
import { InferenceEngine, InferenceService, ModelStorage } from "kserve-constructs/cdk8s";
const chart = new Chart(new App(), "scaling", { namespace: "models" });
const vllm = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
const bucket = ModelStorage.s3(chart, "models", { bucket: "models", credentials: { secretName: "minio" } });
${blocksOf("### Scaling on the engine's metrics")[0] ?? "throw new Error('no scaling block');"}`;
    const gitops = `import { App, Chart } from "cdk8s";
import { GitOps } from "kserve-constructs/cdk8s";
const app = new App();
const chart = new Chart(app, "serving");
${blocksOf("## GitOps (Argo CD and Flux)")[0] ?? "throw new Error('no GitOps block');"}`;
    const sources = { worked: block("## Worked example (cdk8s)", "ts"), fragments: fragments(), pulumi: blocksOf("## Pulumi")[0] as string, scaling, gitops, plus: plusApp(), mocks: blocksOf("## Testing a Pulumi program")[0] as string };
    const diagnostics = typeErrors(sources);
    expect(diagnostics).toEqual([]);
  }, 120_000);

  it("the cdk8s-plus example binds RBAC to the storage's ServiceAccount and mounts its claim", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kc-readme-"));
    runCdk8s(plusApp() + "app.synth();\n", out);
    const docs = parseAllDocuments(fs.readFileSync(path.join(out, "plus.k8s.yaml"), "utf8")).map((d) => d.toJS() as Record<string, unknown> & { kind: string; metadata: { name: string } });
    const binding = docs.find((d) => d.kind === "RoleBinding");
    expect(binding?.["subjects"]).toEqual([{ apiGroup: "", kind: "ServiceAccount", name: "minio-sa", namespace: "models" }]);
    const deployment = docs.find((d) => d.kind === "Deployment") as { spec: { template: { spec: { volumes: { persistentVolumeClaim: { claimName: string } }[] } } } } | undefined;
    expect(deployment?.spec.template.spec.volumes.map((v) => v.persistentVolumeClaim.claimName)).toEqual(["cache"]);
    expect(docs.find((d) => d.kind === "ServiceAccount" && d.metadata.name === "minio-sa")?.["secrets"]).toEqual([{ name: "minio-credentials" }]);
  }, 60_000);

  it("the Pulumi testing example passes under Node's test runner", () => {
    const output = withFiles({ mocks: blocksOf("## Testing a Pulumi program")[0] as string }, (files) =>
      execFileSync(process.execPath, [require.resolve("tsx/cli"), "--test", "--test-reporter=tap", files["mocks"] as string], { cwd: ROOT, encoding: "utf8", stdio: "pipe" }),
    );
    expect(output).toMatch(/^# pass 2$/m);
    expect(output).toMatch(/^# fail 0$/m);
  }, 120_000);

  it("the GitOps section's .gitignore names the synth's own files and its wave table is the library's", () => {
    expect(block("## GitOps (Argo CD and Flux)", "gitignore")).toContain(`${GITIGNORE_PATTERN}\n`);
    const section = sectionOf("## GitOps (Argo CD and Flux)");
    const rows = [...section.matchAll(/^\| (-?\d+) \| (.+) \|$/gm)].map((m) => [Number(m[1]), (m[2] as string).split(", ").map((k) => k.replace(/ \(.*\)$/, ""))] as const);
    const table = Object.fromEntries(rows.flatMap(([wave, kinds]) => kinds.map((kind) => [kind, wave])));
    expect(table).toEqual(DEFAULT_SYNC_WAVES);
  });

  it("the accelerator, NIM and ModelMesh fragments synthesize together on OpenShift AI", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kc-readme-"));
    runCdk8s(fragments(), out);
    const docs = parseAllDocuments(fs.readFileSync(path.join(out, "readme.k8s.yaml"), "utf8")).map((d) => d.toJS() as { kind: string; metadata: { name: string }; spec?: Record<string, unknown> });
    expect(docs.filter((d) => d.kind === "Template").map((d) => (d.metadata as { namespace?: string }).namespace)).toEqual(["redhat-ods-applications", "redhat-ods-applications"]);
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`).sort()).toEqual([
      "Account/nim-account",
      "HardwareProfile/nvidia-h100",
      "InferenceService/embed",
      "InferenceService/fraud-a",
      "InferenceService/fraud-b",
      "InferenceService/llama",
      "InferenceService/llama-70b",
      "InferenceService/mistral",
      "InferenceService/qwen",
      "Job/mistral-cache-download",
      "NIMService/llama-op",
      "PersistentVolumeClaim/llama-cache",
      "PersistentVolumeClaim/mistral-cache",
      "Secret/aws-connection-models",
      "ServingRuntime/detector",
      "ServingRuntime/llama-cpp",
      "ServingRuntime/mlserver",
      "ServingRuntime/nvidia-nim-llama-3.1-8b-instruct-1.13.1",
      "ServingRuntime/nvidia-nim-mistral-7b-instruct-v03-1.1.2",
      "ServingRuntime/nvidia-nim-nv-embedqa-e5-v5-1.1.0",
      "ServingRuntime/vllm",
      "Template/platform-chat-template",
      "Template/vllm-gaudi-runtime-template",
    ]);
    const llama70b = docs.find((d) => d.kind === "InferenceService" && d.metadata.name === "llama-70b");
    const model = (llama70b?.spec?.["predictor"] as { model: { resources: { limits: Record<string, string> } } }).model;
    expect(model.resources.limits["nvidia.com/gpu"]).toBe(4);
    expect(model.resources.limits["memory"]).toBe("256Gi");
  }, 60_000);

  describe("the Pulumi example", () => {
    beforeEach(() => resetPulumi({ config: { "kserve-constructs-examples:minioSecret": "s3-keys" } }));
    afterAll(() => settle());

    it("creates the namespace, storage, engine and InferenceService it describes (the profile renders an object only on OpenShift AI)", async () => {
      const code = blocksOf("## Pulumi")[0] as string;
      const exported = loadProgram(code);
      await settle();
      expect(await valueOf(exported["objects"] as never)).toEqual(["InferenceService/granite"]);
      const objects = manifests();
      expect(objects.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual([
        "InferenceService/granite",
        "Namespace/llm",
        "Secret/s3-keys",
        "ServiceAccount/models-sa",
        "ServingRuntime/vllm",
      ]);
      const isvc = objects.find((m) => m.kind === "InferenceService");
      const model = (isvc?.["spec"] as { predictor: { model: { resources: { limits: Record<string, string> }; runtime: string; storageUri: string } } }).predictor.model;
      expect(isvc?.metadata.namespace).toBe("llm");
      expect(model.runtime).toBe("vllm");
      expect(model.storageUri).toBe("s3://models/granite-3.1-8b-instruct/");
      expect(model.resources.limits).toMatchObject({ "nvidia.com/gpu": 1, memory: "48Gi" });
      // The Secret name is a Pulumi secret: the fields that hold it reach the engine as secrets.
      const inputs = (type: string): Record<string, unknown> => registered().find((r) => r.type === type)?.inputs ?? {};
      expect(isSecretValue(inputs("kubernetes:core/v1:SecretPatch")["metadata"])).toBe(true);
      expect(isSecretValue(inputs("kubernetes:core/v1:ServiceAccount")["secrets"])).toBe(true);
      expect(isSecretValue(inputs("kubernetes:serving.kserve.io/v1alpha1:ServingRuntime")["spec"])).toBe(false);
    }, 60_000);
  });
});
