/**
 * NIM runtime sharing in both adapters: the same Nims share the same runtimes through cdk8s (the core's
 * build, with the app's registry) and through Pulumi (the core's decision when a Nim is declared, with
 * Outputs as placeholders), and a Pulumi program shares runtimes only among its own Nims.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cdk8s from "kserve-constructs/cdk8s";
import * as pc from "kserve-constructs/pulumi";
import { NgcSecrets } from "kserve-constructs";
import type { NimProps, TargetProps } from "kserve-constructs";
import { byKey, resetPulumi, settle, synthPulumi } from "../support/pulumi";
import { synthChart } from "../support/synth";

beforeEach(() => resetPulumi());
afterAll(() => settle());

const ngc = { apiKeySecret: NgcSecrets.apiKey("nvidia-nim-secrets"), pullSecret: NgcSecrets.pullSecret("ngc-secret") };
const ODH: TargetProps = { kserveVersion: "0.15", openshiftAI: { version: "2.25" } };

/** Which Nim defines the runtime each Nim uses (`undefined` on the NIM Operator), from the runtime's path. */
function definedBy(runtimes: readonly { readonly runtimeName: string | undefined; readonly runtime: { readonly where: string } }[]): (string | undefined)[] {
  return runtimes.map((nim) => (nim.runtimeName === undefined ? undefined : /([^/]+)\/runtime$/.exec(nim.runtime.where)?.[1]));
}

describe("the same Nims share the same runtime in cdk8s and Pulumi", () => {
  it("on OpenShift AI (namespaced runtimes), with Output namespaces and Output Secret names", async () => {
    type Spec = readonly [name: string, namespace: "team" | "other" | "third", extra: Partial<NimProps>];
    const otherPull = { pullSecret: NgcSecrets.pullSecret("other-pull") };
    const specs: readonly Spec[] = [
      ["a", "team", {}],
      ["b", "team", {}],
      ["c", "other", {}],
      ["d", "third", { ngc: { ...ngc, ...otherPull } }],
      ["e", "other", {}],
      ["f", "team", { platform: "nim-operator" }],
      ["g", "third", { ngc: { ...ngc, ...otherPull } }],
      ["h", "team", { model: "mistral-7b-instruct-v03" }],
      ["i", "third", { version: "1.12.0" }],
    ];
    const cdk8sNims: cdk8s.Nim[] = [];
    const expected = synthChart((chart) => {
      for (const [name, namespace, extra] of specs) cdk8sNims.push(new cdk8s.Nim(chart, name, { model: "llama-3.1-8b-instruct", ngc, namespace, ...extra }));
    }, { target: ODH });

    pc.KServeTarget.setDefault(ODH);
    // one Output per namespace and one for the other pull secret's name, as one config value used twice
    const namespaces = { team: pulumi.output("team"), other: "other", third: pulumi.output("third") };
    const pull = pulumi.output("other-pull");
    const pulumiNims: pc.Nim[] = [];
    const actual = await synthPulumi(() => {
      for (const [name, namespace, extra] of specs) {
        const secrets = extra.ngc !== undefined ? { ngc: { ...ngc, pullSecret: { ...otherPull.pullSecret, name: pull } } } : {};
        pulumiNims.push(new pc.Nim(name, { model: "llama-3.1-8b-instruct", ngc, namespace: namespaces[namespace], ...extra, ...secrets }));
      }
    });
    expect(byKey(actual)).toEqual(byKey(expected));
    expect(definedBy(pulumiNims)).toEqual(definedBy(cdk8sNims));
    expect(definedBy(cdk8sNims)).toEqual(["a", "a", "c", "d", "c", undefined, "d", "h", "i"]);
    expect(pulumiNims.map((nim) => nim.resources.length)).toEqual(cdk8sNims.map((nim) => nim.apiObjects.length));
  });

  it("on upstream KServe (one ClusterServingRuntime for every namespace), a Nim given a runtime uses it", async () => {
    const cdk8sNims: cdk8s.Nim[] = [];
    const expected = synthChart((chart) => {
      const first = cdk8s.Nim.llama31_8bInstruct(chart, "first", { ngc, namespace: "a" });
      cdk8sNims.push(first, cdk8s.Nim.llama31_8bInstruct(chart, "second", { ngc, namespace: "b" }), cdk8s.Nim.llama31_8bInstruct(chart, "third", { ngc, runtime: first }));
    });
    const pulumiNims: pc.Nim[] = [];
    const actual = await synthPulumi(() => {
      const first = pc.Nim.llama31_8bInstruct("first", { ngc, namespace: pulumi.output("a") });
      pulumiNims.push(first, pc.Nim.llama31_8bInstruct("second", { ngc, namespace: "b" }), pc.Nim.llama31_8bInstruct("third", { ngc, runtime: first, namespace: "models" }));
    });
    expect(byKey(actual)).toEqual(byKey(expected));
    expect(definedBy(pulumiNims)).toEqual(definedBy(cdk8sNims));
    expect(definedBy(cdk8sNims)).toEqual(["first", "first", "first"]);
  });
});

describe("one Pulumi program's Nims share only among themselves", () => {
  it("two programs in one process (each in its own Pulumi store, as the Automation API runs them) each define the runtime", async () => {
    const { withLocalStorage } = require("@pulumi/pulumi/runtime/state") as { withLocalStorage: <T>(run: () => T) => T };
    const first = withLocalStorage(() => pc.Nim.llama31_8bInstruct("a", { ngc, namespace: "models" }));
    const second = withLocalStorage(() => pc.Nim.llama31_8bInstruct("b", { ngc, namespace: "models" }));
    expect([first.resources.length, second.resources.length]).toEqual([2, 2]);
    const [a, b] = withLocalStorage(() => [pc.Nim.llama31_8bInstruct("a", { ngc, namespace: "models" }), pc.Nim.llama31_8bInstruct("b", { ngc, namespace: "models" })]);
    expect([a?.resources.length, b?.resources.length, b?.runtime.where]).toEqual([2, 1, "a/runtime"]);
    await settle();
  });

  it("KServeProgram.reset starts a program without the runtimes of the one before", async () => {
    pc.Nim.llama31_8bInstruct("a", { ngc, namespace: "models" });
    await settle();
    pc.KServeProgram.reset();
    expect(pc.Nim.llama31_8bInstruct("b", { ngc, namespace: "models" }).resources).toHaveLength(2);
    await settle();
  });
});
