/**
 * ModelServing (the single/multi switch) and ModelFleet (many models from a list, checked together).
 */
import { App, Chart } from "cdk8s";
import { InferenceEngine, KServeTarget, ModelFleet, ModelLocation, ModelMeshRuntimes, ModelServing, ModelStorage, StorageConfig, ServingRuntime, buildModelServing, issuesOf } from "kserve-constructs/cdk8s";
import type { FleetModelProps, Manifest, ModelFleetProps, ServingMode, TargetProps } from "kserve-constructs";
import { engine } from "../support/fixtures";
import { find, synthChart, validationError } from "../support/synth";
import { describeIfCrds, formatProblems, validateAll } from "../support/conformance";

const MM: TargetProps = { modelMesh: true };
const SKLEARN = { name: "sklearn", version: "0" };

/** A single-model sklearn engine and ModelMesh's MLServer, same format. */
function runtimes(chart: Chart): { single: InferenceEngine; multi: InferenceEngine } {
  return {
    single: engine(chart, { protocol: ["v1", "v2"], modelFormats: [{ ...SKLEARN }] }, "sklearn"),
    multi: new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver({ modelFormats: [{ ...SKLEARN }] })),
  };
}

function bucket(chart: Chart): StorageConfig {
  return new StorageConfig(chart, "storage", { entries: { minio: { type: "s3", bucket: "models" } } });
}

/** ModelServing "tabular" over {@link runtimes}, and fleet "fleet" on it with its paths in the minio entry. */
function servingFleet(chart: Chart, mode: ServingMode, fleet: Pick<ModelFleetProps, "models" | "singleModelDefaults">): void {
  const serving = new ModelServing(chart, "tabular", { mode, ...runtimes(chart) });
  new ModelFleet(chart, "fleet", { engine: serving, storage: bucket(chart).entry("minio"), ...fleet });
}

function spec(m: Manifest): Record<string, Record<string, unknown>> {
  return m["spec"] as Record<string, Record<string, unknown>>;
}

describe("ModelServing", () => {
  it("gives its models the runtime of its mode", () => {
    for (const mode of ["single", "multi"] as const) {
      const manifests = synthChart((chart) => servingFleet(chart, mode, { models: [{ name: "churn", path: "churn/" }] }), { target: MM });
      const isvc = find(manifests, "InferenceService", "churn");
      expect([isvc.metadata.annotations?.["serving.kserve.io/deploymentMode"], (spec(isvc)["predictor"]?.["model"] as Record<string, unknown>)["runtime"]]).toEqual(mode === "single" ? ["Standard", "sklearn"] : ["ModelMesh", "mlserver"]);
    }
  });

  it("needs a runtime of the right kind for its mode, and warns when the two serve different formats", () => {
    const error = validationError((chart) => {
      const { single, multi } = runtimes(chart);
      new ModelServing(chart, "a", { mode: "multi", single });
      new ModelServing(chart, "b", { mode: "single", single: multi, multi: single });
    }, { target: MM });
    expect(error.issues.map((i) => [i.where, i.path, i.rule, i.message, i.fix])).toEqual([
      ["test/a", "multi", "serving/missing-runtime", 'mode "multi" needs a multi-model (ModelMesh) runtime, and ModelServing test/a has none', 'give the ModelServing multi: <a multi-model (ModelMesh) engine>, or use mode "single"'],
      ["test/b", "single", "serving/runtime-kind", 'runtime "mlserver" is a multi-model runtime, given as the single-model one', "give a single-model runtime"],
      ["test/b", "multi", "serving/runtime-kind", 'runtime "sklearn" is a single-model runtime, given as the multi-model (ModelMesh) one', "give a runtime with multiModel (ModelMeshRuntimes.*, or an engine with multiModel)"],
    ]);
    const warnings = buildModelServing(
      { mode: "single", single: { runtime: { name: "s", kind: "ClusterServingRuntime", where: "s", valid: true, declared: { multiModel: false, modelFormats: [{ name: "sklearn", version: "1" }] } } }, multi: ServingRuntime.fromName("mlserver-1.x", ModelMeshRuntimes.installed("mlserver-1.x")) },
      { where: "w", defaultName: "w" },
    ).issues;
    expect(warnings).toEqual([
      {
        where: "w",
        path: "multi",
        value: { single: ["sklearn:1"], multi: ["lightgbm:3", "sklearn:0", "xgboost:1"] },
        rule: "serving/formats",
        message: "the two runtimes serve different formats (only single-model: sklearn:1; only multi-model: lightgbm:3, sklearn:0, xgboost:1), so models of those formats cannot switch mode",
        fix: "give both runtimes the same model formats (name and version)",
        severity: "warning",
      },
    ]);
  });
});

describe("ModelFleet", () => {
  it("reports a finding in a model's manifest once (the model's InferenceService checks it; the fleet does not check it again)", () => {
    let issues: readonly { where: string; path: string; rule: string }[] = [];
    synthChart((chart) => {
      const fleet = new ModelFleet(chart, "fleet", {
        engine: engine(chart, { protocol: ["v1", "v2"], modelFormats: [{ ...SKLEARN }] }, "sklearn"),
        storage: ModelStorage.s3(chart, "models", { bucket: "models", credentials: { secretName: "s3" }, annotateSecret: false }),
        defaults: { env: { "MY-VAR": "1" } },
        models: [{ name: "a", format: { ...SKLEARN }, path: "a/" }],
      });
      issues = issuesOf(fleet);
    }, { target: { kubernetesVersion: "1.33" } });
    expect(issues.filter((i) => i.rule === "k8s/env-name-portable").map((i) => [i.where, i.path])).toEqual([["test/fleet/a", "spec.predictor.model.env[0].name"]]);
  });

  it("one InferenceService per model: names with the prefix made DNS-1035 labels, formats, paths, defaults merged by key", () => {
    const manifests = synthChart((chart) => {
      new ModelFleet(chart, "fleet", {
        engine: new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver()),
        storage: bucket(chart).entry("minio"),
        namePrefix: "fraud-",
        defaults: { labels: { team: "fraud", tier: "gold" } },
        models: [
          { name: "Cards_EMEA", format: { name: "sklearn", version: "0" }, path: "/cards/emea/" },
          { name: "loans", format: { name: "xgboost", version: "1" }, path: "loans/model.bst", overrides: { labels: { tier: "silver" }, displayName: "Loans" } },
        ],
      });
    }, { target: MM });
    const isvcs = manifests.filter((m) => m.kind === "InferenceService");
    expect(isvcs.map((m) => [m.metadata.name, m.metadata.labels, spec(m)["predictor"]])).toEqual([
      ["fraud-cards-emea", { "app.kubernetes.io/managed-by": "kserve-constructs", team: "fraud", tier: "gold" }, { model: { modelFormat: { name: "sklearn", version: "0" }, runtime: "mlserver", storage: { key: "minio", path: "cards/emea/" } } }],
      ["fraud-loans", { "app.kubernetes.io/managed-by": "kserve-constructs", team: "fraud", tier: "silver" }, { model: { modelFormat: { name: "xgboost", version: "1" }, runtime: "mlserver", storage: { key: "minio", path: "loans/model.bst" } } }],
    ]);
  });

  it("moving one model to the other mode is one line (mode on the model); single-model-only defaults follow it", () => {
    const manifests = synthChart(
      (chart) =>
        servingFleet(chart, "multi", {
          singleModelDefaults: { scaling: { min: 2, max: 4 }, resources: { limits: { memory: "2Gi" } } },
          models: [
            { name: "small", path: "small/" },
            { name: "hot", path: "hot/", mode: "single" },
          ],
        }),
      { target: MM },
    );
    expect(spec(find(manifests, "InferenceService", "small"))["predictor"]).toEqual({ model: { modelFormat: { name: "sklearn" }, runtime: "mlserver", storage: { key: "minio", path: "small/" } } });
    expect(spec(find(manifests, "InferenceService", "hot"))["predictor"]).toEqual({
      minReplicas: 2,
      maxReplicas: 4,
      model: { modelFormat: { name: "sklearn" }, protocolVersion: "v1", runtime: "sklearn", storage: { key: "minio", path: "hot/" }, resources: { limits: { memory: "2Gi" } } },
    });
  });

  it("checks the models together: duplicates, names that collide once sanitised, storage, modes", () => {
    const error = validationError((chart) => {
      new ModelFleet(chart, "fleet", {
        engine: new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver()),
        models: [
          { name: "a", path: "a/" },
          { name: "a", path: "a2/" },
          { name: "My_Model", format: SKLEARN, location: ModelLocation.fromUri("s3://b/m") },
          { name: "my-model", location: ModelLocation.fromUri("s3://b/m2") },
          { name: "nowhere" },
          { name: "both", path: "x", location: ModelLocation.fromUri("s3://b/x") },
          { name: "moved", location: ModelLocation.fromUri("s3://b/y"), mode: "single" },
        ],
      });
    }, { target: MM });
    expect(error.issues.map((i) => [i.path, i.rule, i.message])).toEqual([
      ["models[0].path", "fleet/storage", 'model "a" gives a path, and the fleet has no storage to find it in'],
      ["models[1].name", "fleet/duplicate-name", 'model "a" is also models[0]'],
      ["models[1].path", "fleet/storage", 'model "a" gives a path, and the fleet has no storage to find it in'],
      ["models[3].name", "fleet/name-collision", 'model "my-model" and models[2] ("My_Model") both become InferenceService "my-model" (names are made DNS-1035 labels: lowercase, \'-\' for other characters, at most 63)'],
      ["models[4].path", "fleet/storage", 'model "nowhere" has no storage: no path in the fleet\'s storage and no location'],
      ["models[5].location", "fleet/storage", 'model "both" gives both a path and a location'],
      ["models[6].mode", "fleet/mode", "a model can choose its mode only when the fleet's engine is a ModelServing (the engine alone decides the mode)"],
    ]);
  });

  it("every model is an InferenceService checked by the usual rules (an unknown format, a mode without a runtime)", () => {
    const error = validationError((chart) => {
      const { multi } = runtimes(chart);
      const serving = new ModelServing(chart, "tabular", { mode: "multi", multi });
      new ModelFleet(chart, "fleet", {
        engine: serving,
        storage: bucket(chart).entry("minio"),
        models: [
          { name: "ok", path: "ok/" },
          { name: "onnx", format: "onnx", path: "onnx/" },
          { name: "hot", path: "hot/", mode: "single" },
        ],
      });
    }, { target: MM });
    expect(error.issues.map((i) => [i.where, i.path, i.rule])).toEqual([
      ["test/fleet/onnx", "spec.predictor.model.modelFormat.name", "isvc/runtime-format"],
      ["test/fleet", "models[2].mode", "serving/missing-runtime"],
    ]);
  });

  it("a thousand-model fleet gives one InferenceService per model (timings: npm run bench)", () => {
    const models: FleetModelProps[] = Array.from({ length: 1000 }, (_, i) => ({ name: `model-${i}`, format: SKLEARN, path: `fleet/${i}/` }));
    const app = new App();
    KServeTarget.set(app, MM);
    const chart = new Chart(app, "bench", { namespace: "models" });
    new ModelFleet(chart, "fleet", { engine: new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver()), storage: bucket(chart).entry("minio"), models });
    const manifests = chart.toJson() as Manifest[];
    expect(manifests.filter((m) => m.kind === "InferenceService")).toHaveLength(1000);
    expect(issuesOf(app)).toEqual([]);
  });

  it("rejects props of the wrong shape without a crash", () => {
    const error = validationError((chart) => new ModelFleet(chart, "fleet", { engine: engine(chart), storage: ModelStorage.pvc(chart, "pvc", { claimName: "c" }), models: [{ name: "" }] }));
    expect(error.issues.map((i) => [i.path, i.message])).toEqual([["models[0].name", "a model needs a name"]]);
  });
});

describeIfCrds("conformance", () => {
  it("fleets in both modes validate against the CRDs", () => {
    const manifests = synthChart(
      (chart) => servingFleet(chart, "multi", { singleModelDefaults: { scaling: { min: 1, max: 2 } }, models: [{ name: "a", path: "a/" }, { name: "b", path: "b/", mode: "single" }] }),
      { target: { openshiftAI: { version: "2.25" } } },
    );
    expect(formatProblems(validateAll(manifests))).toBe("");
  });
});
