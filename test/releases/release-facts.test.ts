/**
 * Release facts: what differs between the supported KServe and OpenShift AI releases, each checked in
 * the output and, where the CRDs are present, against the release's own CRDs.
 */
import { Accelerator, HardwareProfile, InferenceEngine, InferenceService, ModelLocation, ServingRuntime } from "kserve-constructs/cdk8s";
import type { TargetProps } from "kserve-constructs";
import { describeIfCrds, formatProblems, validateForTarget } from "../support/conformance";
import { find, synthChart, validationError } from "../support/synth";

const ODH_2_25: TargetProps = { openshiftAI: { version: "2.25" } };
const ODH_3_0: TargetProps = { openshiftAI: { version: "3.0" } };
const ODH_3_4: TargetProps = { openshiftAI: { version: "3.4" } };

const profile = (target: TargetProps) => synthChart((chart) => new HardwareProfile(chart, "a100", { accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8 }) }), { target });

function spyre(target: TargetProps, withHardware: boolean) {
  return synthChart(
    (chart) => {
      const engine = InferenceEngine.vllm(chart, "vllm-spyre", { accelerator: "spyre", image: "quay.io/ibm-aiu/vllm-spyre:0.9.4" });
      const aiu = new HardwareProfile(chart, "spyre", { accelerator: Accelerator.spyre({ min: 1, default: 1, max: 4 }) });
      new InferenceService(chart, "granite", { engine, model: ModelLocation.fromUri("pvc://models/granite"), ...(withHardware ? { hardware: aiu.request({ accelerators: 1 }) } : {}) });
    },
    { target },
  );
}

describe("HardwareProfile apiVersion per OpenShift AI release", () => {
  it("is infrastructure.opendatahub.io/v1alpha1 on 2.25 (the 2.x operator serves only v1alpha1), v1 from 3.0", () => {
    expect(find(profile(ODH_2_25), "HardwareProfile").apiVersion).toBe("infrastructure.opendatahub.io/v1alpha1");
    expect(find(profile(ODH_3_0), "HardwareProfile").apiVersion).toBe("infrastructure.opendatahub.io/v1");
    expect(find(profile(ODH_3_4), "HardwareProfile").apiVersion).toBe("infrastructure.opendatahub.io/v1");
    // the spec is the same in both versions
    expect(find(profile(ODH_2_25), "HardwareProfile")["spec"]).toEqual(find(profile(ODH_3_0), "HardwareProfile")["spec"]);
  });
});

describe("ServingRuntime schedulerName (KServe 0.17; not in the 2.x and 3.0 forks)", () => {
  it("on OpenShift AI 2.25 a Spyre runtime carries no schedulerName and each InferenceService schedules through its predictor", () => {
    for (const withHardware of [true, false]) {
      const manifests = spyre(ODH_2_25, withHardware);
      expect(find(manifests, "ServingRuntime")["spec"]).not.toHaveProperty("schedulerName");
      expect(find(manifests, "InferenceService")["spec"]).toMatchObject({ predictor: { schedulerName: "spyre-scheduler" } });
    }
  });

  it("on OpenShift AI 3.4 the runtime carries it", () => {
    const manifests = spyre(ODH_3_4, false);
    expect(find(manifests, "ServingRuntime")["spec"]).toMatchObject({ schedulerName: "spyre-scheduler" });
    expect(find(manifests, "InferenceService")["spec"]).not.toHaveProperty("predictor.schedulerName");
  });

  it("a raw ServingRuntime spec with schedulerName is an error before 0.17, naming the version and the way round", () => {
    const error = validationError(
      (chart) => new ServingRuntime(chart, "raw", { spec: { supportedModelFormats: [{ name: "x", autoSelect: true }], schedulerName: "spyre-scheduler", containers: [{ name: "kserve-container", image: "r/x:1" }] } }),
      { target: ODH_2_25 },
    );
    expect(error.issues.map((i) => [i.rule, i.path, i.message, i.fix])).toEqual([
      [
        "target/feature-runtime-scheduler-name",
        "spec.schedulerName",
        "schedulerName on ServingRuntimes (pods of every InferenceService of the runtime) needs KServe 0.17 or later; the target is OpenShift AI 2.25 (KServe 0.15), and OpenShift AI has it from 3.4",
        "set schedulerName on each InferenceService instead (predictor schedulerName, or a hardware request) (upgrade to OpenShift AI 3.4 (KServe 0.17) and set target.openshiftAI.version)",
      ],
    ]);
  });
});

describeIfCrds("release facts against the releases' CRDs", () => {
  it("a v1 HardwareProfile would be refused by OpenShift AI 2.25; the v1alpha1 one conforms", () => {
    const manifests = profile(ODH_2_25);
    expect(formatProblems(validateForTarget(manifests, ODH_2_25))).toBe("");
    const asV1 = manifests.map((m) => ({ ...m, apiVersion: "infrastructure.opendatahub.io/v1" }));
    expect(formatProblems(validateForTarget(asV1, ODH_2_25))).toMatch(/infrastructure.opendatahub.io\/v1 is not a served version of HardwareProfile \(served: infrastructure.opendatahub.io\/v1alpha1\)/);
  });

  it("the Spyre runtime conforms on 2.25 and would not with schedulerName", () => {
    const manifests = spyre(ODH_2_25, false);
    expect(formatProblems(validateForTarget(manifests, ODH_2_25))).toBe("");
    const runtime = find(manifests, "ServingRuntime");
    const withScheduler = { ...runtime, spec: { ...(runtime["spec"] as object), schedulerName: "spyre-scheduler" } };
    expect(formatProblems(validateForTarget([withScheduler], ODH_2_25))).toMatch(/spec.schedulerName: unknown field "schedulerName"/);
    expect(formatProblems(validateForTarget(spyre(ODH_3_4, false), ODH_3_4))).toBe("");
  });
});
