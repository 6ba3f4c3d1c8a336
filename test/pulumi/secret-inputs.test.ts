/**
 * Credential-named env vars whose value is a Pulumi Input: a plain Output is a literal once known
 * (`env/secret-literal`, an error with the fix Env.fromSecret); a Pulumi secret is a warning with the
 * same rule id (Pulumi encrypts it in its state, but the cluster object holds it in plain text).
 */
import { execFileSync } from "child_process";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { InferenceEngine, InferenceService, ModelFleet, ModelLocation, ModelStorage } from "kserve-constructs/pulumi";
import { engineProps } from "../support/fixtures";
import { manifests, resetPulumi, settle, valueOf } from "../support/pulumi";

const root = path.resolve(__dirname, "../..");
const VALUE = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

beforeEach(() => resetPulumi());
afterEach(() => jest.restoreAllMocks());
afterAll(() => settle());

/** Runs a program in a process of its own (Pulumi fails a program through an unhandled rejection) and returns its stderr. */
function failingProgram(env: string): string {
  const script = `
    const pulumi = require("@pulumi/pulumi");
    pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs });
    const { InferenceEngine, InferenceService, ModelLocation } = require("kserve-constructs/pulumi");
    const engine = new InferenceEngine("engine", { namespace: "models", versions: { "1": { image: { cpu: "r/e:1" } } }, args: ["--port={{port}}"], protocol: "openai", modelFormats: [{ name: "f" }] });
    new InferenceService("granite", { namespace: "models", engine, model: ModelLocation.fromUri("s3://b/m/"), env: ${env} });`;
  try {
    execFileSync(process.execPath, [require.resolve("tsx/cli"), "-e", script], { cwd: root, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    return String((error as { stderr?: unknown }).stderr);
  }
  return "";
}

describe("a credential-named env var given as a Pulumi Input", () => {
  it("a plain Output (and a Promise) is caught like a literal once known, without echoing the value", () => {
    const stderr = failingProgram(`{ AWS_SECRET_ACCESS_KEY: pulumi.output("${VALUE}"), HF_TOKEN: Promise.resolve("hf_${VALUE}"), LOG_LEVEL: pulumi.output("debug") }`);
    expect(stderr).toContain("kserve-constructs found 2 problems:");
    expect(stderr).toContain(
      `granite > spec.predictor.model.env[0].value = "(40 characters, not shown)"\n    AWS_SECRET_ACCESS_KEY looks like a credential, and its value ({env.AWS_SECRET_ACCESS_KEY}) is a Pulumi Output that is not secret: once known it is a literal, written in plain text into the object on the cluster and into Pulumi's state [env/secret-literal]\n    fix: store it in a Secret and reference it: env: { AWS_SECRET_ACCESS_KEY: Env.fromSecret("<secret name>", "AWS_SECRET_ACCESS_KEY") }`,
    );
    expect(stderr).toContain("HF_TOKEN looks like a credential, and its value ({env.HF_TOKEN}) is a Pulumi Output that is not secret");
    expect(stderr).not.toContain(VALUE);
    expect(stderr).not.toContain("LOG_LEVEL");
  }, 60_000);

  it("a Pulumi secret is a warning with the same rule id: the program runs, the value stays secret in Pulumi", async () => {
    const warned: string[] = [];
    jest.spyOn(pulumi.log, "warn").mockImplementation(async (message: string) => void warned.push(message));
    const engine = new InferenceEngine("engine", { ...engineProps(), namespace: "models" });
    const granite = new InferenceService("granite", { namespace: "models", engine, model: ModelLocation.fromUri("s3://b/m/"), env: { HF_TOKEN: pulumi.secret(VALUE), SETTING: pulumi.secret("1") } });
    await expect(valueOf(granite.objects)).resolves.toEqual(["InferenceService/granite"]);
    await settle();
    expect(warned).toEqual([
      `granite > spec.predictor.model.env[0].value = "(40 characters, not shown)"\n    warning: HF_TOKEN holds a Pulumi secret ({env.HF_TOKEN}): Pulumi keeps it encrypted in its state, but the object on the cluster holds the value in plain text, for whoever may read it (and its pods) to see [env/secret-literal]\n    fix: create a Kubernetes Secret from it and reference that: env: { HF_TOKEN: Env.fromSecret("<secret name>", "HF_TOKEN") }`,
    ]);
    expect(warned.join("\n")).not.toContain(VALUE);
    const isvc = manifests().find((m) => m.kind === "InferenceService");
    expect((isvc?.["spec"] as { predictor: { model: { env: unknown } } }).predictor.model.env).toEqual([{ name: "HF_TOKEN", value: VALUE }, { name: "SETTING", value: "1" }]);
  });

  it("inside a ModelFleet too (each model's InferenceService is judged the same way)", async () => {
    const warned: string[] = [];
    jest.spyOn(pulumi.log, "warn").mockImplementation(async (message: string) => void warned.push(message));
    const engine = new InferenceEngine("engine", { ...engineProps(), namespace: "models" });
    const storage = ModelStorage.s3("bucket", { namespace: "models", bucket: "models", credentials: { secretName: "minio" } });
    const fleet = new ModelFleet("fleet", { namespace: "models", engine, storage, defaults: { env: { HF_TOKEN: pulumi.secret(VALUE) as unknown as string } }, models: [{ name: "a", path: "a/" }] });
    await expect(valueOf(fleet.objects)).resolves.toEqual(["InferenceService/a"]);
    await settle();
    // reported once: the model's InferenceService judges its manifest, and the fleet does not judge it again
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain("warning: HF_TOKEN holds a Pulumi secret ({defaults.env.HF_TOKEN})");
    expect(warned.join("\n")).not.toContain(VALUE);
  });
});
