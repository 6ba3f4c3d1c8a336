/**
 * One implementation: a manifest rule reports the same rule id, message and fix at synth time (through a
 * construct) and in `lint` (on the synthesized YAML). Warnings do not stop a synth, so a warning rule shows
 * both sides on one app: an OCI model without a tag (storage/oci-tag).
 */
import { Chart, Testing } from "cdk8s";
import { stringify } from "yaml";
import { InferenceEngine, InferenceService, ModelLocation } from "../../src/cdk8s";
import { issuesOf } from "../../src/cdk8s/state";
import { lint } from "../../src/lint";

describe("the same rules and messages at synth time and in lint", () => {
  it("storage/oci-tag: the synth warning and the lint problem have the same rule, message and fix", () => {
    const app = Testing.app();
    const chart = new Chart(app, "oci", { namespace: "models" });
    const engine = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
    new InferenceService(chart, "granite", { engine, model: ModelLocation.fromUri("oci://quay.io/acme/granite") });
    const atSynth = issuesOf(app).filter((i) => i.rule === "storage/oci-tag");
    expect(atSynth.map((i) => [i.rule, i.message, i.fix, i.severity])).toEqual([["storage/oci-tag", "the model image has no tag or digest, so each pull may get a different model", "pin a tag (:1.0) or, better, a digest (@sha256:...)", "warning"]]);
    const text = (chart.toJson() as unknown[]).map((m) => stringify(m)).join("---\n");
    const report = lint([{ file: "oci.k8s.yaml", text }]);
    expect(report.problems.map((p) => [p.rule, p.message, p.fix, p.severity, p.where, p.path])).toEqual([
      ["storage/oci-tag", atSynth[0]?.message, atSynth[0]?.fix, "warning", "InferenceService/models/granite", "spec.predictor.model.storageUri"],
    ]);
  });
});
