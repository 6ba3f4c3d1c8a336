/**
 * Linting the library's own output finds nothing: every example chart (and the wide fixture app),
 * synthesized in memory, written as YAML and linted with its chart's target. The same rules run at
 * synth time, so a problem here is a rule that disagrees with the renderer.
 */
import { Testing } from "cdk8s";
import type { App } from "cdk8s";
import { stringify } from "yaml";
import { KServeTarget } from "../../src/cdk8s";
import { lint } from "../../src/lint";
import buildExamples from "../../examples/platform";
import { build as buildVariety } from "../fixtures/variety";

/**
 * The examples read models from claims they declare as existing (ModelStorage.pvc of a claim created
 * outside the app), and reference Secrets by name only (the library never writes secret values): lint
 * cannot know those exist, and says so with the lint/pvc-missing and lint/secret-missing warnings.
 */
const DECLARED_EXISTING = ["lint/pvc-missing", "lint/secret-missing"];

function lintApp(build: (app: App) => void): { charts: number; objects: number; problems: string[] } {
  const app = Testing.app();
  build(app);
  let objects = 0;
  const problems: string[] = [];
  for (const chart of app.charts) {
    const manifests = chart.toJson() as unknown[];
    objects += manifests.length;
    const text = manifests.map((m) => stringify(m)).join("---\n");
    const report = lint([{ file: `${chart.node.id}.k8s.yaml`, text }], { target: KServeTarget.of(chart), ignore: DECLARED_EXISTING });
    expect(report.objects).toBe(manifests.length);
    for (const p of report.problems) problems.push(`${p.file}:${p.line} ${p.where} > ${p.path}: ${p.message} [${p.rule}]`);
  }
  return { charts: app.charts.length, objects, problems };
}

describe("lint on the library's own output", () => {
  it("the example platform lints clean", () => {
    const result = lintApp(buildExamples);
    expect(result.problems).toEqual([]);
    expect(result.charts).toBeGreaterThan(5);
    expect(result.objects).toBeGreaterThan(20);
  });

  it("every storage, mode and target variant of the fixture app lints clean", () => {
    const result = lintApp(buildVariety);
    expect(result.problems).toEqual([]);
    expect(result.objects).toBeGreaterThan(10);
  });
});

describe("lint on the library's output for every supported target", () => {
  const { Testing: T } = jest.requireActual("cdk8s") as typeof import("cdk8s");
  const { ValidationError } = jest.requireActual("../../src/cdk8s") as typeof import("../../src/cdk8s");
  const { MATRIX_TARGETS } = jest.requireActual("../support/crd-sets") as typeof import("../support/crd-sets");
  const { EXAMPLE_CHARTS } = jest.requireActual("../../examples/platform") as typeof import("../../examples/platform");
  const { VARIETY_CASES } = jest.requireActual("../fixtures/variety") as typeof import("../fixtures/variety");

  it("every example and fixture case that synthesizes on a target lints clean with that target", () => {
    const problems: string[] = [];
    let linted = 0;
    for (const target of MATRIX_TARGETS) {
      for (const c of [...EXAMPLE_CHARTS, ...VARIETY_CASES]) {
        const app = T.app();
        KServeTarget.set(app, target.props);
        let charts: { id: string; text: string; target: ReturnType<typeof KServeTarget.of> }[];
        try {
          c.define(app, target.props);
          charts = app.charts.map((chart) => ({ id: chart.node.id, text: (chart.toJson() as unknown[]).map((m) => stringify(m)).join("---\n"), target: KServeTarget.of(chart) }));
        } catch (error) {
          if (error instanceof ValidationError) continue; // refused on this target (the conformance matrix checks why)
          throw error;
        }
        for (const chart of charts) {
          // variety-upstream declares KServe's kserve-sklearnserver as existing (ServingRuntime.fromName):
          // on OpenShift AI, which installs no ClusterServingRuntimes, lint is told so as a user would
          const assumeRuntimes = c.id === "variety-upstream" ? ["kserve-sklearnserver"] : [];
          const report = lint([{ file: `${c.id}/${chart.id}`, text: chart.text }], { target: chart.target, ignore: DECLARED_EXISTING, assumeRuntimes });
          linted += report.checked;
          for (const p of report.problems) problems.push(`${target.name} ${p.file}:${p.line} ${p.where} > ${p.path}: ${p.message} [${p.rule}]`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(linted).toBeGreaterThan(300);
  });
});
