/**
 * Every synthesized object, from the examples and from a wide fixture app, against the upstream CRDs
 * (unknown fields are errors) and the Kubernetes schemas.
 */
import { synthApp } from "../support/synth";
import { describeIfCrds, formatProblems, validateAll } from "../support/conformance";
import buildExamples from "../../examples/platform";
import { build as buildVariety } from "../fixtures/variety";

describeIfCrds("conformance with ../shared/crds", () => {
  it("the example platform", () => {
    const manifests = synthApp(buildExamples);
    expect(manifests.length).toBeGreaterThan(8);
    expect(formatProblems(validateAll(manifests))).toBe("");
  });

  it("every storage, mode and target variant", () => {
    const manifests = synthApp(buildVariety);
    expect(new Set(manifests.map((m) => m.kind))).toEqual(new Set(["ServingRuntime", "ClusterServingRuntime", "InferenceService", "ServiceAccount", "Secret", "PersistentVolumeClaim", "HardwareProfile", "Job"]));
    expect(formatProblems(validateAll(manifests))).toBe("");
  });
});
