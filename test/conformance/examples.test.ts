/**
 * Every synthesized object, from the examples and from a wide fixture app, against the CRDs of the
 * target its chart is for (unknown fields are errors) and the Kubernetes schemas.
 */
import { Testing } from "cdk8s";
import type { App } from "cdk8s";
import type { Manifest } from "kserve-constructs";
import { KServeTarget } from "kserve-constructs/cdk8s";
import { crdSetFor, describeIfCrds, formatProblems, validateAll } from "../support/conformance";
import buildExamples from "../../examples/platform";
import { build as buildVariety } from "../fixtures/variety";

/** Each chart's manifests with the CRD set of the chart's own target. */
function synthPerTarget(define: (app: App) => void): { chart: string; set: string; folders: readonly string[]; manifests: Manifest[] }[] {
  const app = Testing.app();
  define(app);
  return app.charts.map((chart) => {
    const set = crdSetFor(KServeTarget.of(chart));
    return { chart: chart.node.id, set: set.name, folders: set.folders, manifests: chart.toJson() as Manifest[] };
  });
}

describeIfCrds("conformance with the CRDs of each chart's target", () => {
  it("the example platform", () => {
    const charts = synthPerTarget(buildExamples);
    expect(charts.map((c) => `${c.chart}: ${c.set}`)).toEqual([
      "openai-engine-pvc: kserve-0.20",
      "kserve-runtime-s3: kserve-0.20",
      "huggingface: kserve-0.20",
      "accelerators: kserve-0.20",
      "openshift-ai-hardware: openshift-ai-3.4",
      "nim: kserve-0.20",
      "modelmesh-fleet: openshift-ai-2.25",
      "mlserver-custom: kserve-0.20",
      "mlserver-custom-multi: kserve-0.20",
      "gpustack-backends: kserve-0.20",
      "chariot-engine: kserve-0.20",
      "openshift-ai-dashboard: openshift-ai-3.4",
      "llm-serving: kserve-0.20",
      "llm-openshift-ai: openshift-ai-3.5",
      "nim-knative: kserve-0.20",
    ]);
    expect(charts.flatMap((c) => c.manifests).length).toBeGreaterThan(8);
    for (const c of charts) expect(formatProblems(validateAll(c.manifests, c.folders))).toBe("");
  });

  it("every storage, mode and target variant", () => {
    const charts = synthPerTarget(buildVariety);
    expect(charts.map((c) => `${c.chart}: ${c.set}`)).toEqual(["upstream: kserve-0.20", "openshift-ai: openshift-ai-3.4", "hardware: openshift-ai-2.25", "canary: kserve-0.20"]);
    const manifests = charts.flatMap((c) => c.manifests);
    expect(new Set(manifests.map((m) => m.kind))).toEqual(new Set(["ServingRuntime", "ClusterServingRuntime", "InferenceService", "ServiceAccount", "Secret", "PersistentVolumeClaim", "HardwareProfile", "Job"]));
    for (const c of charts) expect(formatProblems(validateAll(c.manifests, c.folders))).toBe("");
  });
});
