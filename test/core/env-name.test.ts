/**
 * `k8s/env-name` follows the target's Kubernetes version: from 1.32 the API server accepts any
 * printable ASCII name without '=' (RelaxedEnvironmentVariableValidation, beta and on by default in
 * 1.32, GA in 1.34); before, and when the target declares no version, letters, digits, '_', '-' and '.'
 * not starting with a digit. Names the API server accepts that are not C identifiers get the warning
 * `k8s/env-name-portable`.
 */
import type { Manifest, TargetProps } from "kserve-constructs";
import { resolveTarget } from "kserve-constructs";
import { runRules } from "../../src/core/rules/all";
import { envNamePortableRule, envNameProblem, envNameRule } from "../../src/core/kubernetes/rules";
import { isvcWith, runCdk8s, runPulumi } from "../bad-input/kit";
import type { Api } from "../bad-input/kit";
import { itChecksDefaults } from "../support/defaults";

function pod(names: readonly string[]): Manifest {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "models" },
    spec: { containers: [{ name: "c", image: "registry.example/c:1", env: names.map((name) => ({ name, value: "x" })) }] },
  };
}

function check(names: readonly string[], target: TargetProps = {}): { path: string; rule: string; severity: string; message: string; fix: string }[] {
  const manifest = pod(names);
  const t = resolveTarget(target);
  expect(t.issues).toEqual([]);
  return runRules([envNameRule, envNamePortableRule], { manifest, target: t.target, app: [manifest] })
    .map((d) => ({ path: d.path, rule: d.rule, severity: d.severity ?? "error", message: d.message, fix: d.fix }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

const NAMES = ["GOOD_NAME", "MY-VAR", "my.var", "1ST", "WITH SPACE", "A=B", "", "..x", "ünï"];

describe("k8s/env-name and the target's Kubernetes version", () => {
  itChecksDefaults(["TargetProps.kubernetesVersion"], "without a kubernetesVersion: the older API servers' rule, and the message says why a newer one would accept the name", () => {
    expect(check(NAMES)).toEqual([
      { path: "spec.containers[0].env[1].name", rule: "k8s/env-name-portable", severity: "warning", message: '"MY-VAR" is accepted by the API server but is not a C identifier, so a shell cannot expand it', fix: "rename it, for example to MY_VAR" },
      { path: "spec.containers[0].env[2].name", rule: "k8s/env-name-portable", severity: "warning", message: '"my.var" is accepted by the API server but is not a C identifier, so a shell cannot expand it', fix: "rename it, for example to my_var" },
      {
        path: "spec.containers[0].env[3].name",
        rule: "k8s/env-name",
        severity: "error",
        message: "an environment variable name may hold only letters, digits, '_', '-' and '.', and must not start with a digit (Kubernetes 1.32 and later accept it, but the target declares no kubernetesVersion, so the rule of older API servers applies)",
        fix: 'rename it, for example to _1ST, or declare the cluster\'s version in the target (kubernetesVersion: "1.32" or later)',
      },
      {
        path: "spec.containers[0].env[4].name",
        rule: "k8s/env-name",
        severity: "error",
        message: "an environment variable name may hold only letters, digits, '_', '-' and '.', and must not start with a digit (Kubernetes 1.32 and later accept it, but the target declares no kubernetesVersion, so the rule of older API servers applies)",
        fix: 'rename it, for example to WITH_SPACE, or declare the cluster\'s version in the target (kubernetesVersion: "1.32" or later)',
      },
      { path: "spec.containers[0].env[5].name", rule: "k8s/env-name", severity: "error", message: "an environment variable name may hold only letters, digits, '_', '-' and '.', and must not start with a digit", fix: "rename it, for example to A_B" },
      { path: "spec.containers[0].env[6].name", rule: "k8s/env-name", severity: "error", message: "an environment variable name must not be empty", fix: "rename it, for example to MY_VAR" },
      {
        path: "spec.containers[0].env[7].name",
        rule: "k8s/env-name",
        severity: "error",
        message: "an environment variable name must not be '.' or '..', nor start with '..' (Kubernetes 1.32 and later accept it, but the target declares no kubernetesVersion, so the rule of older API servers applies)",
        fix: 'rename it, for example to __x, or declare the cluster\'s version in the target (kubernetesVersion: "1.32" or later)',
      },
      { path: "spec.containers[0].env[8].name", rule: "k8s/env-name", severity: "error", message: "an environment variable name may hold only letters, digits, '_', '-' and '.', and must not start with a digit", fix: "rename it, for example to _n_" },
    ]);
  });

  it("Kubernetes 1.31: the same names are errors, and the message names the version", () => {
    const found = check(NAMES, { kubernetesVersion: "1.31" });
    expect(found.filter((f) => f.rule === "k8s/env-name").map((f) => [f.path.replace(/^spec\.containers\[0\]\.env\[(\d+)\]\.name$/, "$1"), f.message])).toEqual([
      ["3", "an environment variable name may hold only letters, digits, '_', '-' and '.', and must not start with a digit (the target's Kubernetes 1.31 predates the relaxed rule of 1.32)"],
      ["4", "an environment variable name may hold only letters, digits, '_', '-' and '.', and must not start with a digit (the target's Kubernetes 1.31 predates the relaxed rule of 1.32)"],
      ["5", "an environment variable name may hold only letters, digits, '_', '-' and '.', and must not start with a digit (the target's Kubernetes 1.31 predates the relaxed rule of 1.32)"],
      ["6", "an environment variable name must not be empty (the target's Kubernetes 1.31 predates the relaxed rule of 1.32)"],
      ["7", "an environment variable name must not be '.' or '..', nor start with '..' (the target's Kubernetes 1.31 predates the relaxed rule of 1.32)"],
      ["8", "an environment variable name may hold only letters, digits, '_', '-' and '.', and must not start with a digit (the target's Kubernetes 1.31 predates the relaxed rule of 1.32)"],
    ]);
    expect(found.every((f) => f.rule !== "k8s/env-name" || !f.fix.includes("kubernetesVersion"))).toBe(true);
  });

  it.each(["1.32", "1.33", "1.34", "v1.35.2"])("Kubernetes %s: any printable ASCII name without '=' is accepted (non-identifiers warn)", (kubernetesVersion) => {
    expect(check(NAMES, { kubernetesVersion }).map((f) => [f.path.replace(/^spec\.containers\[0\]\.env\[(\d+)\]\.name$/, "$1"), f.rule, f.message])).toEqual([
      ["1", "k8s/env-name-portable", '"MY-VAR" is accepted by the API server but is not a C identifier, so a shell cannot expand it'],
      ["2", "k8s/env-name-portable", '"my.var" is accepted by the API server but is not a C identifier, so a shell cannot expand it'],
      ["3", "k8s/env-name-portable", '"1ST" is accepted by the API server but is not a C identifier, so a shell cannot expand it'],
      ["4", "k8s/env-name-portable", '"WITH SPACE" is accepted by the API server but is not a C identifier, so a shell cannot expand it'],
      ["5", "k8s/env-name", "an environment variable name may hold only printable ASCII characters other than '='"],
      ["6", "k8s/env-name", "an environment variable name must not be empty"],
      ["7", "k8s/env-name-portable", '"..x" is accepted by the API server but is not a C identifier, so a shell cannot expand it'],
      ["8", "k8s/env-name", "an environment variable name may hold only printable ASCII characters other than '='"],
    ]);
  });

  it("the relaxed rule is printable ASCII (space to '~') without '='; the strict one the API server's older pattern", () => {
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      expect([c, envNameProblem(`A${ch}`, true) === undefined]).toEqual([c, c >= 0x20 && c <= 0x7e && ch !== "="]);
      expect([c, envNameProblem(`A${ch}`, false) === undefined]).toEqual([c, /[-._a-zA-Z0-9]/.test(ch)]);
    }
    expect(envNameProblem("-leading-dash", false)).toBeUndefined();
    expect(envNameProblem(".", false)).toBeDefined();
    expect(envNameProblem("..", false)).toBeDefined();
    expect(envNameProblem(".hidden", false)).toBeUndefined();
  });
});

describe("through both adapters", () => {
  const define = (env: Record<string, string>) => (api: Api) => void isvcWith(api, { env });

  it("a name only newer API servers accept fails without a kubernetesVersion and synthesizes with 1.33", async () => {
    for (const run of [runCdk8s, runPulumi] as const) {
      const without = await run(define({ "1ST": "x" }));
      expect(without.issues.map((i) => [i.rule, i.path])).toEqual([["k8s/env-name", "spec.predictor.model.env[0].name"]]);
      expect(without.message).toContain("the target declares no kubernetesVersion");
      expect((await run(define({ "1ST": "x", "MY-VAR": "y" }), { kubernetesVersion: "1.33" })).issues).toEqual([]);
      expect((await run(define({ "MY-VAR": "y" }))).issues).toEqual([]);
    }
  });

  it("the target checks kubernetesVersion like kserveVersion", async () => {
    const bad = await runPulumi(define({}), { kubernetesVersion: 1.3 } as unknown as TargetProps).catch((e: Error) => ({ issues: [], message: e.message }));
    expect(bad.message).toContain('a version must be a string: the number 1.3 has lost what was written');
    expect(resolveTarget({ kubernetesVersion: "latest" }).issues).toEqual([{ path: "target.kubernetesVersion", value: "latest", rule: "target/version", message: "not a version", fix: 'use "major.minor", for example "1.33"' }]);
    expect(resolveTarget({ kubernetesVersion: "1.33" }).target.kubernetes).toEqual({ major: 1, minor: 33 });
  });
});
