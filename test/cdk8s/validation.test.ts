/**
 * Validation through cdk8s's own hook: each of the library's constructs with errors registers
 * `node.addValidation` (so `construct.node.validate()` lists its errors; a construct without errors
 * registers none), and a failed synth throws one ValidationError with every problem of the library's constructs and the errors of the app's other constructs, instead of
 * hiding those; an app whose library constructs are fine leaves other constructs' errors to cdk8s.
 */
import { ApiObject, Chart, Testing } from "cdk8s";
import { Construct, Node } from "constructs";
import * as kplus from "cdk8s-plus-28";
import { InferenceEngine, InferenceService, ModelStorage, ValidationError } from "kserve-constructs/cdk8s";
import { validationError } from "../support/synth";

const hub = (chart: Chart): ModelStorage => ModelStorage.huggingFace(chart, "hub");

/** A construct of the user's with its own validation. */
class Checked extends Construct {
  constructor(scope: Construct, id: string, errors: readonly string[]) {
    super(scope, id);
    this.node.addValidation({ validate: () => [...errors] });
  }
}

describe("each construct's own validation", () => {
  it("lists exactly that construct's errors (formatted as in the ValidationError); a valid construct has none", () => {
    const chart = new Chart(Testing.app(), "test", { namespace: "models" });
    const engine = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
    const model = hub(chart).path("ibm-granite/granite-3.1-8b-instruct");
    const bad = new InferenceService(chart, "Bad_Name", { engine, model });
    const good = new InferenceService(chart, "good", { engine, model });
    const errors = bad.node.validate();
    expect(errors).toEqual([
      'test/Bad_Name > metadata.name = "Bad_Name"\n    KServe\'s webhook requires an InferenceService name matching ^[a-z]([-a-z0-9]*[a-z0-9])?$ (a DNS-1035 label) [kserve/name]\n    fix: use a name such as "bad-name"',
    ]);
    expect([good.node.validate(), engine.node.validate()]).toEqual([[], []]);
  });

  it("is registered only by a construct with errors (cdk8s's pass once per chart then skips the valid ones)", () => {
    const chart = new Chart(Testing.app(), "test", { namespace: "models" });
    const engine = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
    const model = hub(chart).path("ibm-granite/granite-3.1-8b-instruct");
    const added = jest.spyOn(Node.prototype, "addValidation");
    try {
      new InferenceService(chart, "good", { engine, model });
      expect(added).not.toHaveBeenCalled();
      const bad = new InferenceService(chart, "Bad_Name", { engine, model });
      expect(added.mock.contexts).toEqual([bad.node]);
    } finally {
      added.mockRestore();
    }
  });
});

describe("the app's validation", () => {
  it("lists the errors of the app's other constructs beside the library's, with their paths", () => {
    const error = validationError((chart) => {
      const engine = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
      new InferenceService(chart, "Bad_Name", { engine, model: hub(chart).path("m/x") });
      new Checked(chart, "mine", ["the quota must be set"]);
      const thrower = new Construct(chart, "thrower");
      thrower.node.addValidation({
        validate: () => {
          throw new Error("cannot validate without a cluster");
        },
      });
      new kplus.ConfigMap(chart, "fine");
    });
    expect(error.issues.map((i) => [i.where, i.rule, i.message])).toEqual([
      ["test/Bad_Name", "kserve/name", expect.any(String)],
      ["test/mine", "app/construct-validation", "the quota must be set"],
      ["test/thrower", "app/construct-validation", "cannot validate without a cluster"],
    ]);
    expect(error.message).toContain("test/mine");
  });

  it("leaves the errors of other constructs to cdk8s when the library's constructs are fine", () => {
    const app = Testing.app();
    const chart = new Chart(app, "test", { namespace: "models" });
    const engine = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
    new InferenceService(chart, "granite", { engine, model: hub(chart).path("m/x") });
    new Checked(chart, "mine", ["the quota must be set"]);
    let thrown: unknown;
    try {
      chart.toJson();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(ValidationError);
    expect((thrown as Error).message).toBe("Validation failed with the following errors:\n  [test/mine] the quota must be set");
  });

  it("synthesizes an app whose constructs all validate, raw ApiObjects included", () => {
    const chart = new Chart(Testing.app(), "test", { namespace: "models" });
    new ApiObject(chart, "raw", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "raw" } });
    new Checked(chart, "mine", []);
    const engine = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
    new InferenceService(chart, "granite", { engine, model: hub(chart).path("m/x") });
    expect((chart.toJson() as { kind: string }[]).map((m) => m.kind)).toEqual(["ConfigMap", "ServingRuntime", "InferenceService"]);
  });
});
