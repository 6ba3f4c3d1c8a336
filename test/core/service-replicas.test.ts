/**
 * An InferenceService's fixed replicas: `replicas: n` (the shape a Nim, a ModelMesh runtime and an
 * LLMInferenceService use) gives minReplicas = maxReplicas = n, and excludes scaling bounds.
 */
import { InferenceEngine, InferenceService, ModelLocation } from "kserve-constructs/cdk8s";
import type { Manifest } from "kserve-constructs";
import { engine } from "../support/fixtures";
import { synthChart, validationError } from "../support/synth";

const model = ModelLocation.fromUri("s3://b/g");
const predictor = (ms: readonly Manifest[]): Record<string, unknown> => ((ms.find((m) => m.kind === "InferenceService") as Manifest)["spec"] as { predictor: Record<string, unknown> }).predictor;

describe("InferenceService replicas", () => {
  it("replicas: n fixes minReplicas and maxReplicas, with the rest of scaling kept", () => {
    const fixed = synthChart((chart) => new InferenceService(chart, "g", { engine: engine(chart), model, replicas: 3, scaling: { metric: "cpu", target: 70 } }));
    const bounds = synthChart((chart) => new InferenceService(chart, "g", { engine: engine(chart), model, scaling: { min: 3, max: 3, metric: "cpu", target: 70 } }));
    expect(fixed).toEqual(bounds);
    expect([predictor(fixed)["minReplicas"], predictor(fixed)["maxReplicas"]]).toEqual([3, 3]);
  });

  it("replicas beside scaling.min or scaling.max is a problem naming both", () => {
    const error = validationError((chart) => new InferenceService(chart, "g", { engine: engine(chart), model, replicas: 2, scaling: { max: 4 } }));
    expect(error.issues.map((i) => ({ path: i.path, value: i.value, rule: i.rule, message: i.message, fix: i.fix }))).toEqual([
      { path: "replicas", value: 2, rule: "isvc/replicas-or-scaling", message: "replicas fixes the predictor's replicas and scaling.min/max set its autoscaling bounds; give one", fix: "remove replicas, or scaling.min and scaling.max" },
    ]);
  });

  it("is refused below zero, and ignored-prop in ModelMesh mode", () => {
    expect(validationError((chart) => new InferenceService(chart, "g", { engine: engine(chart), model, replicas: -1 })).issues.map((i) => [i.path, i.rule])).toEqual([["replicas", "props/shape"]]);
    const mm = validationError(
      (chart) => {
        const mesh = new InferenceEngine(chart, "mesh", { versions: { "1": { image: { cpu: "r/m:1" } } }, port: 8001, protocol: "grpc-v2", modelFormats: [{ name: "f" }], multiModel: {} });
        new InferenceService(chart, "g", { engine: mesh, model, replicas: 2 });
      },
      { target: { modelMesh: true } },
    );
    expect(mm.issues.map((i) => [i.path, i.rule, i.fix])).toContainEqual(["replicas", "modelmesh/ignored-prop", "remove replicas; size the runtime with multiModel.replicas or multiModel.scaling on the engine"]);
  });
});
