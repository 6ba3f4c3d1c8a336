import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Chart } from "cdk8s";
import { KServeTarget, ModelLocation, InferenceService, ValidationError, synthAtomically } from "kserve-constructs/cdk8s";
import { engine } from "../support/fixtures";

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "kc-synth-"));
}

function goodApp(app: import("cdk8s").App): void {
  const chart = new Chart(app, "good", { namespace: "models" });
  new InferenceService(chart, "m", { engine: engine(chart), model: ModelLocation.fromUri("s3://b/m") });
}

describe("atomic synth", () => {
  it("writes one file per chart into the output folder and nothing beside it", () => {
    const dir = tmp();
    const out = path.join(dir, "dist");
    const result = synthAtomically(goodApp, { outdir: out });
    expect(result.outdir).toBe(out);
    expect(result.files).toEqual(["good.k8s.yaml"]);
    expect(fs.readdirSync(dir)).toEqual(["dist"]);
    expect(fs.readdirSync(out)).toEqual([".kserve-constructs", "good.k8s.yaml"]);
    expect(result.objects).toEqual({ InferenceService: 1, ServingRuntime: 1 });
    expect(fs.readFileSync(path.join(out, "good.k8s.yaml"), "utf8")).toContain("kind: InferenceService");
  });

  it("replaces earlier output as a whole", () => {
    const out = path.join(tmp(), "dist");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, ".kserve-constructs"), "");
    fs.writeFileSync(path.join(out, "stale.k8s.yaml"), "old");
    synthAtomically(goodApp, { outdir: out });
    expect(fs.readdirSync(out)).toEqual([".kserve-constructs", "good.k8s.yaml"]);
  });

  it("awaits an async build function and returns a promise", async () => {
    const out = path.join(tmp(), "dist");
    const pending = synthAtomically(async (app) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      goodApp(app);
    }, { outdir: out });
    expect(pending).toBeInstanceOf(Promise);
    expect((await pending).files).toEqual(["good.k8s.yaml"]);
  });

  it("a failed synth throws one ValidationError, writes nothing and leaves earlier output untouched", () => {
    const dir = tmp();
    const out = path.join(dir, "dist");
    synthAtomically(goodApp, { outdir: out });
    const before = fs.readFileSync(path.join(out, "good.k8s.yaml"), "utf8");
    let caught: unknown;
    try {
      synthAtomically(
        (app) => {
          goodApp(app);
          const bad = new Chart(app, "bad", { namespace: "models" });
          new InferenceService(bad, "Bad_Name", { engine: engine(bad, { defaultVersion: "x" }), model: ModelLocation.fromUri("s3://b/m") });
          new InferenceService(bad, "other", { engine: engine(bad, {}, "e2"), model: ModelLocation.fromUri("nope"), scaling: { min: 0 } });
        },
        { outdir: out },
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).issues.map((i) => `${i.where} ${i.rule}`)).toEqual([
      "bad/engine engine/default-version",
      "bad/other storage/uri-scheme",
      "bad/other isvc/standard-scale-to-zero",
    ]);
    expect(fs.readdirSync(dir)).toEqual(["dist"]);
    expect(fs.readdirSync(out)).toEqual([".kserve-constructs", "good.k8s.yaml"]);
    expect(fs.readFileSync(path.join(out, "good.k8s.yaml"), "utf8")).toBe(before);
  });

  it("an exception in the app itself also leaves nothing behind", () => {
    const dir = tmp();
    expect(() =>
      synthAtomically(() => {
        throw new Error("boom");
      }, { outdir: path.join(dir, "dist") }),
    ).toThrow("boom");
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("KServeTarget", () => {
  it("a chart's target overrides the app's field by field", () => {
    const { App } = jest.requireActual<typeof import("cdk8s")>("cdk8s");
    const app = new App();
    KServeTarget.set(app, { kserveVersion: "0.15", knativeFeatures: ["kubernetes.podspec-tolerations"] });
    const chart = new Chart(app, "c");
    KServeTarget.set(chart, { modelMesh: true });
    expect(KServeTarget.of(chart)).toEqual({ kserveVersion: "0.15", knativeFeatures: ["kubernetes.podspec-tolerations"], modelMesh: true });
    expect(KServeTarget.of(app)).toEqual({ kserveVersion: "0.15", knativeFeatures: ["kubernetes.podspec-tolerations"] });
  });

  it("a chart naming an OpenShift AI release drops the app's KServe version (the release decides it)", () => {
    const { App } = jest.requireActual<typeof import("cdk8s")>("cdk8s");
    const app = new App();
    KServeTarget.set(app, { kserveVersion: "0.20", knativeFeatures: ["kubernetes.podspec-tolerations"] });
    const chart = new Chart(app, "c");
    KServeTarget.set(chart, { openshiftAI: { version: "3.4" } });
    expect(KServeTarget.of(chart)).toEqual({ knativeFeatures: ["kubernetes.podspec-tolerations"], openshiftAI: { version: "3.4" } });
    const inner = new Chart(chart, "inner");
    KServeTarget.set(inner, { kserveVersion: "0.17" });
    expect(KServeTarget.of(inner)).toEqual({ kserveVersion: "0.17", knativeFeatures: ["kubernetes.podspec-tolerations"], openshiftAI: { version: "3.4" } });
  });
});
