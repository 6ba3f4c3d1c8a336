import { Accelerator, Hardware } from "kserve-constructs";
import type { HardwareProfileInfo } from "kserve-constructs";
import { applyHardware } from "../../src/core/hardware/apply";

const cpuOnly: HardwareProfileInfo = { name: "cpu-only", where: "test/cpu-only", valid: true, identifiers: [{ identifier: "cpu", displayName: "CPU", resourceType: "CPU", min: 1, default: 2, max: 8 }] };
const gpuOnly: HardwareProfileInfo = { name: "gpus", where: "test/gpus", valid: true, accelerator: Accelerator.nvidia(), identifiers: [{ identifier: "nvidia.com/gpu", displayName: "NVIDIA GPU", resourceType: "Accelerator", min: 1, default: 1, max: 4 }] };

function rules(request: Parameters<typeof applyHardware>[1], base: Parameters<typeof applyHardware>[2] = { openshiftAI: false }): [string, string, string][] {
  return applyHardware("hardware", request, base).issues.map((i) => [i.rule, i.path, i.message]);
}

describe("hardware request rules", () => {
  it("hardware/no-accelerator: devices asked of a profile without an accelerator", () => {
    expect(rules({ profile: cpuOnly, accelerators: 2 })).toEqual([["hardware/no-accelerator", "hardware.accelerators", 'hardware profile "cpu-only" has no accelerator']]);
  });

  it("hardware/not-offered: cpu asked of a profile that offers none", () => {
    expect(rules({ profile: gpuOnly, cpu: "2" })).toEqual([["hardware/not-offered", "hardware.cpu", 'hardware profile "gpus" does not offer cpu']]);
  });

  it("hardware/out-of-bounds: a device count outside the accelerator's counts without a profile", () => {
    expect(rules(Hardware.accelerator(Accelerator.nvidia({ max: 4 }), { accelerators: 8 }))).toEqual([["hardware/out-of-bounds", "hardware.accelerators", "accelerator NVIDIA GPU allows 1 to 4 nvidia.com/gpu; 8 is above the maximum"]]);
  });

  it("resources/quantity: a request's cpu that is not a quantity stops the application", () => {
    const applied = applyHardware("hardware", { profile: cpuOnly, cpu: "lots" }, { openshiftAI: false });
    expect(applied.issues.map((i) => [i.rule, i.path])).toEqual([["resources/quantity", "hardware.cpu"]]);
    expect(applied.application).toBeUndefined();
  });

  it("hardware/scheduler: an accelerator's scheduler against a runtime that sets another; the runtime's wins", () => {
    const applied = applyHardware("hardware", Hardware.accelerator(Accelerator.spyre()), { openshiftAI: false, runtimeSchedulerName: "default-scheduler" });
    expect(applied.issues.map((i) => [i.rule, i.path, i.value])).toEqual([["hardware/scheduler", "hardware", "spyre-scheduler"]]);
    expect(applied.application?.schedulerName).toBeUndefined();
    expect(applyHardware("hardware", Hardware.accelerator(Accelerator.spyre()), { openshiftAI: false }).application?.schedulerName).toBe("spyre-scheduler");
  });
});
