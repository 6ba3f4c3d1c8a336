/**
 * One error for the whole program: inside `KServeProgram.collect`, components with problems record them
 * and create no children, the valid ones are created, and one ValidationError lists every component's
 * problems when the program returns (sync or async). Outside it, the first invalid component throws.
 */
import { Accelerator, Hardware, ModelLocation } from "kserve-constructs";
import * as pc from "kserve-constructs/pulumi";
import { ValidationError } from "kserve-constructs/pulumi";
import { registered, resetPulumi, settle, pulumiError } from "../support/pulumi";
import { engineProps } from "../support/fixtures";

const model = ModelLocation.fromUri("hf://ibm-granite/granite-3.3-8b-instruct");
const gpu = Hardware.accelerator(Accelerator.nvidia({ max: 8 }), { accelerators: 1, memory: "48Gi" });

beforeEach(() => resetPulumi());
afterAll(() => settle());

function collectError(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

const isvcs = (): string[] => registered().filter((r) => r.type === "kubernetes:serving.kserve.io/v1beta1:InferenceService").map((r) => (r.inputs["metadata"] as { name: string }).name);

describe("KServeProgram.collect", () => {
  it("lists the problems of every component in one ValidationError; the invalid ones create no children", async () => {
    const vllm = pc.InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace: "models" });
    const error = collectError(() =>
      pc.KServeProgram.collect(() => {
        new pc.InferenceService("good", { namespace: "models", engine: vllm, model, hardware: gpu });
        new pc.InferenceService("slow", { namespace: "models", engine: vllm, model, hardware: gpu, readyTimeoutSeconds: -1 });
        new pc.LLMInferenceService("llm", { namespace: "models", model, hardware: gpu, replicas: -2 });
      }),
    );
    expect([...new Set(error.issues.map((i) => i.where))]).toEqual(["slow", "llm"]);
    expect(error.issues.find((i) => i.where === "slow")?.rule).toBe("readiness/settings");
    expect(error.message).toMatch(/^kserve-constructs found \d+ problems:\n1\. slow > readyTimeoutSeconds = -1/);
    await settle();
    expect(isvcs()).toEqual(["good"]);
    expect(registered().some((r) => r.type.startsWith("kubernetes:") && r.type.endsWith(":LLMInferenceService"))).toBe(false);
  });

  it("returns what the program returns when nothing is wrong, and works for async programs", async () => {
    const vllm = pc.InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace: "models" });
    const names = pc.KServeProgram.collect(() => [new pc.InferenceService("a", { namespace: "models", engine: vllm, model, hardware: gpu }).serviceName]);
    expect(names).toEqual(["a"]);
    await expect(
      pc.KServeProgram.collect(async () => {
        await Promise.resolve();
        new pc.InferenceService("Bad_Name", { namespace: "models", engine: vllm, model, hardware: gpu });
        await Promise.resolve();
        new pc.InferenceService("b", { namespace: "models", engine: vllm, model, hardware: gpu, waitForReady: "no" as never });
      }),
    ).rejects.toThrow(ValidationError);
  });

  it("a ValidationError thrown by other code inside joins the collected problems; outside collect the first component throws", () => {
    const vllm = pc.InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace: "models" });
    const error = collectError(() =>
      pc.KServeProgram.collect(() => {
        new pc.InferenceService("slow", { namespace: "models", engine: vllm, model, hardware: gpu, readyTimeoutSeconds: 0 });
        pc.KServeTarget.setDefault({ kserveVersion: 20 as never });
      }),
    );
    expect([...new Set(error.issues.map((i) => i.where))]).toEqual(["slow", "KServeTarget.setDefault"]);
    const first = pulumiError(() => {
      new pc.InferenceService("one", { namespace: "models", engine: vllm, model, hardware: gpu, readyTimeoutSeconds: 0 });
      new pc.InferenceService("two", { namespace: "models", engine: vllm, model, hardware: gpu, readyTimeoutSeconds: 0 });
    });
    expect([...new Set(first.issues.map((i) => i.where))]).toEqual(["one"]);
  });

  it("components with Output args that have problems in their plain part are collected too", async () => {
    const vllm = pc.InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace: "models" });
    const { output } = await import("@pulumi/pulumi");
    const error = collectError(() =>
      pc.KServeProgram.collect(() => {
        new pc.InferenceService("deferred", { namespace: output("models"), engine: vllm, model, hardware: gpu, readyTimeoutSeconds: 1.5 });
        new pc.InferenceService("plain", { namespace: "models", engine: vllm, model, hardware: gpu, readyTimeoutSeconds: 1.5 });
      }),
    );
    expect([...new Set(error.issues.map((i) => i.where))]).toEqual(["deferred", "plain"]);
  });
});

describe("one state per Pulumi program run", () => {
  it("two programs in one process (each in its own Pulumi store, as the Automation API runs them) share no default target, registry or collection", async () => {
    // what the Automation API does for each inline program
    const { withLocalStorage } = require("@pulumi/pulumi/runtime/state") as { withLocalStorage: <T>(run: () => T) => T };
    const a = withLocalStorage(() => {
      pc.KServeTarget.setDefault({ kserveVersion: "0.15" });
      const target = pc.KServeTarget.getDefault();
      const registry = pc.KServeProgram.registry;
      return { target, registry };
    });
    const b = withLocalStorage(() => ({ target: pc.KServeTarget.getDefault(), registry: pc.KServeProgram.registry }));
    expect([a.target, b.target]).toEqual([{ kserveVersion: "0.15" }, {}]);
    expect(a.registry).not.toBe(b.registry);
    expect(pc.KServeTarget.getDefault()).toEqual({});
    // the same object names in two programs are not duplicates of each other; in one program they are
    const define = (component: string): void => {
      const engine = new pc.InferenceEngine(`${component}-engine`, { ...engineProps(), name: "engine", namespace: "models" });
      new pc.InferenceService(component, { name: "granite", namespace: "models", engine, model: ModelLocation.fromUri("s3://b/m/") });
    };
    expect(() => withLocalStorage(() => define("a"))).not.toThrow();
    expect(() => withLocalStorage(() => define("b"))).not.toThrow();
    expect(() =>
      withLocalStorage(() => {
        define("c");
        define("d");
      }),
    ).toThrow("is also defined by c");
  });
});
