import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Chart } from "cdk8s";
import { KServeTarget, ModelLocation, InferenceService, ValidationError, synthAtomically } from "kserve-constructs/cdk8s";
import { main } from "../../src/cli/main";
import { engine } from "../support/fixtures";
import examples from "../../examples/platform";

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
    expect(fs.readFileSync(path.join(out, "good.k8s.yaml"), "utf8")).toContain("kind: InferenceService");
  });

  it("replaces earlier output as a whole", () => {
    const out = path.join(tmp(), "dist");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "stale.k8s.yaml"), "old");
    synthAtomically(goodApp, { outdir: out });
    expect(fs.readdirSync(out)).toEqual(["good.k8s.yaml"]);
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
    expect(fs.readdirSync(out)).toEqual(["good.k8s.yaml"]);
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

describe("command line", () => {
  const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  const writeErr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  afterAll(() => {
    write.mockRestore();
    writeErr.mockRestore();
  });

  it("synth writes the app and lists the files; exit 0", () => {
    const out = path.join(tmp(), "out");
    expect(main(["synth", path.join(__dirname, "../../examples/platform.ts"), "--out", out])).toBe(0);
    const app = new (jest.requireActual<typeof import("cdk8s")>("cdk8s").App)();
    examples(app);
    expect(fs.readdirSync(out).sort()).toEqual(app.charts.map((c) => `${c.node.id}.k8s.yaml`).sort());
    expect(fs.readdirSync(out)).toContain("openai-engine-pvc.k8s.yaml");
  });

  it("invalid specs exit 1 and print every problem; usage errors exit 2", () => {
    const dir = tmp();
    const module = path.join(__dirname, "../fixtures/bad-app.ts");
    writeErr.mockClear();
    expect(main(["synth", module, "--out", path.join(dir, "dist")])).toBe(1);
    const printed = writeErr.mock.calls.map((c) => String(c[0])).join("");
    expect(printed).toContain("kserve-constructs found 1 problem:");
    expect(printed).toContain("nothing was written.");
    expect(fs.existsSync(path.join(dir, "dist"))).toBe(false);
    expect(main(["synth"])).toBe(2);
    expect(main(["deploy", module])).toBe(2);
    expect(main(["synth", path.join(dir, "missing.js")])).toBe(2);
  });

  it("warnings are printed once, by the command (no second copy as a process warning); exit 0", () => {
    const module = path.join(__dirname, "../fixtures/warn-app.ts");
    const emitted = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      for (const args of [["validate", module], ["synth", module, "--out", path.join(tmp(), "dist")]]) {
        writeErr.mockClear();
        expect(main(args)).toBe(0);
        const printed = writeErr.mock.calls.map((c) => String(c[0])).join("");
        expect(printed.split("[storage/oci-tag]").length - 1).toBe(1);
        expect(printed).toContain("warning: the model image has no tag or digest, so each pull may get a different model");
      }
      expect(emitted).not.toHaveBeenCalled();
    } finally {
      emitted.mockRestore();
    }
  });

  it("validate checks without writing", () => {
    expect(main(["validate", path.join(__dirname, "../../examples/platform.ts")])).toBe(0);
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
