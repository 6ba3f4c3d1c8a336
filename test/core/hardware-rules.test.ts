import { Accelerator, Hardware } from "kserve-constructs";
import type { HardwareProfileInfo } from "kserve-constructs";
import type { HardwareBase, HardwareApplication } from "../../src/core/hardware/apply";
import { hardwareApplication, hardwareIssues } from "../../src/core/hardware/apply";
import type { HardwareRequest } from "../../src/core/hardware/request";

const cpuOnly: HardwareProfileInfo = { name: "cpu-only", where: "test/cpu-only", valid: true, identifiers: [{ identifier: "cpu", displayName: "CPU", resourceType: "CPU", min: 1, default: 2, max: 8 }] };
const gpuOnly: HardwareProfileInfo = { name: "gpus", where: "test/gpus", valid: true, accelerator: Accelerator.nvidia(), identifiers: [{ identifier: "nvidia.com/gpu", displayName: "NVIDIA GPU", resourceType: "Accelerator", min: 1, default: 1, max: 4 }] };

/** What a build does with a request: applies it (defaults only), then checks it at `hardware`. */
function applied(request: HardwareRequest, base: HardwareBase = { openshiftAI: false }): { application: HardwareApplication | undefined; issues: ReturnType<typeof hardwareIssues> } {
  const application = hardwareApplication(request, base);
  return { application, issues: hardwareIssues("hardware", request, base, application) };
}

function rules(request: HardwareRequest, base?: HardwareBase): [string, string, string][] {
  return applied(request, base).issues.map((i) => [i.rule, i.path, i.message]);
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
    const found = applied({ profile: cpuOnly, cpu: "lots" });
    expect(found.issues.map((i) => [i.rule, i.path])).toEqual([["resources/quantity", "hardware.cpu"]]);
    expect(found.application).toBeUndefined();
  });

  it("hardware/scheduler: an accelerator's scheduler against a runtime that sets another; the runtime's wins", () => {
    const found = applied(Hardware.accelerator(Accelerator.spyre()), { openshiftAI: false, runtimeSchedulerName: "default-scheduler" });
    expect(found.issues.map((i) => [i.rule, i.path, i.value])).toEqual([["hardware/scheduler", "hardware", "spyre-scheduler"]]);
    expect(found.application?.schedulerName).toBeUndefined();
    expect(applied(Hardware.accelerator(Accelerator.spyre())).application?.schedulerName).toBe("spyre-scheduler");
  });
});
