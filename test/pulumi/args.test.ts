/**
 * The components' Args are derived from the core props (`Inputify`): each prop keeps the core's JSDoc
 * (documented once), Inputs and `@pulumi/kubernetes` resources are accepted where the program passes them
 * (at any depth), everything else keeps its core type; and such args give the manifests of plain values.
 */
import * as path from "node:path";
import * as ts from "typescript";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as cdk8s from "kserve-constructs/cdk8s";
import * as pc from "kserve-constructs/pulumi";
import type { InferenceEngineArgs, LLMInferenceServiceArgs, StorageConfigArgs } from "kserve-constructs/pulumi";
import { byKey, registered, resetPulumi, settle, synthPulumi } from "../support/pulumi";
import { synthChart } from "../support/synth";

const ROOT = path.join(__dirname, "..", "..");

beforeEach(() => resetPulumi());
afterAll(() => settle());

/** The JSDoc of property `prop` of the exported type `type` of the Pulumi entry point, as the compiler (and an editor) sees it. */
function docOf(checker: ts.TypeChecker, file: ts.SourceFile, type: string, prop: string): string {
  const moduleSymbol = checker.getSymbolAtLocation(file) as ts.Symbol;
  const exported = checker.getExportsOfModule(moduleSymbol).find((s) => s.name === type) as ts.Symbol;
  const resolved = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const property = checker.getDeclaredTypeOfSymbol(resolved).getProperty(prop) as ts.Symbol;
  const tags = property.getJsDocTags(checker).map((t) => `@${t.name} ${ts.displayPartsToString(t.text)}`);
  return [ts.displayPartsToString(property.getDocumentationComment(checker)), ...tags].join("\n");
}

describe("Args derived from the core props", () => {
  it("keep the core props' JSDoc, @default included, through Inputify", () => {
    const entry = path.join(ROOT, "src", "pulumi", "index.ts");
    const program = ts.createProgram([entry], { strict: true, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, skipLibCheck: true, noEmit: true });
    const checker = program.getTypeChecker();
    const file = program.getSourceFile(entry) as ts.SourceFile;
    const core = program.getSourceFile(path.join(ROOT, "src", "index.ts")) as ts.SourceFile;
    for (const [args, props, prop] of [
      ["InferenceServiceArgs", "InferenceServiceProps", "scaling"],
      ["InferenceServiceArgs", "InferenceServiceProps", "namespace"],
      ["InferenceEngineArgs", "InferenceEngineProps", "imagePullSecrets"],
      ["S3StorageArgs", "S3StorageProps", "serviceAccountName"],
      ["LLMInferenceServiceArgs", "LLMInferenceServiceProps", "router"],
      ["StorageConfigArgs", "StorageConfigProps", "source"],
    ] as const) {
      const doc = docOf(checker, file, args, prop);
      expect(doc).toContain("@default");
      expect(doc).toBe(docOf(checker, core, props, prop));
    }
  });

  it("accept Inputs and resources at the leaves a program passes them, and keep the other types", () => {
    const image: pulumi.Output<string> = pulumi.output("registry.example/engine:1");
    const engine: InferenceEngineArgs = { versions: { "1": { image: { cpu: image }, env: { TOKEN: pulumi.secret("t") } } }, modelFormats: [{ name: "f" }], protocol: "openai", imagePullSecrets: [pulumi.output("pull")] };
    const config: StorageConfigArgs = { namespace: pulumi.output("models"), source: { job: { image } }, entries: { minio: { type: "s3", bucket: "models", credentials: { secretName: pulumi.output("minio-creds") } } } };
    // @ts-expect-error a port is a number, not an Input
    const badPort: InferenceEngineArgs = { ...engine, port: pulumi.output(8080) };
    // @ts-expect-error a model format's name is a plain string
    const badFormat: InferenceEngineArgs = { ...engine, modelFormats: [{ name: pulumi.output("f") }] };
    const llm: Pick<LLMInferenceServiceArgs, "namespace" | "env"> = { namespace: pulumi.output("llm"), env: { HF_HUB_OFFLINE: pulumi.output("1") } };
    expect([engine.protocol, config.entries["minio"]?.type, badPort.protocol, badFormat.protocol, llm.env?.["HF_HUB_OFFLINE"] !== undefined]).toEqual(["openai", "s3", "openai", "openai", true]);
  });

  it("a StorageConfig entry's credentials as a k8s.core.v1.Secret give the manifests of its name", async () => {
    const entry = { type: "s3", bucket: "models", endpoint: "https://minio:9000", region: "us-east-1" } as const;
    const expected = synthChart((chart) => void new cdk8s.StorageConfig(chart, "storage", { source: { job: { image: "registry.example/k8s:1" } }, entries: { minio: { ...entry, credentials: { secretName: "minio-creds" } } } }));
    const actual = await synthPulumi(() => {
      const creds = new k8s.core.v1.Secret("user-creds", { metadata: { name: "minio-creds", namespace: "models" } });
      void new pc.StorageConfig("storage", { namespace: "models", source: { job: { image: "registry.example/k8s:1" } }, entries: { minio: { ...entry, credentials: { secretName: creds } } } });
    });
    const kubernetes = registered().filter((r) => r.type.startsWith("kubernetes:"));
    const ours = actual.filter((_, i) => !(kubernetes[i]?.name ?? "").startsWith("user-"));
    expect(ours.length).toBe(expected.length);
    expect(byKey(ours)).toEqual(byKey(expected));
  });
});

describe("args that are not an object", () => {
  it("are one props/shape problem at the component, from the core's rule", () => {
    for (const bad of [null, ["x"], "granite"]) {
      let error: unknown;
      try {
        new pc.HardwareProfile("a100", bad as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(pc.ValidationError);
      expect((error as pc.ValidationError).issues.map((i) => [i.where, i.path, i.rule])).toEqual([["a100", "", "props/shape"]]);
    }
  });
});
