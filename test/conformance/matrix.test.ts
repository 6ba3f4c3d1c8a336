/**
 * The per-target conformance matrix: every example chart and every conformance fixture chart is
 * synthesized for every supported target (KServe 0.15, 0.17, 0.20, 0.21 and OpenShift AI 2.25, 3.0,
 * 3.4, 3.5). Where it synthesizes, every object validates strictly against that target's own CRD set
 * (its KServe release, or its OpenShift AI release's fork); where the library refuses it, every error
 * is a platform or version gate that says why (the version that added a feature, the release that
 * removed a mode), never a crash or an unrelated rule.
 */
import { isError } from "kserve-constructs";
import { describeIfCrds, formatProblems, MATRIX_TARGETS } from "../support/conformance";
import type { MatrixCase, MatrixOutcome } from "../support/matrix";
import { runCase } from "../support/matrix";
import { EXAMPLE_CHARTS } from "../../examples/platform";
import { VARIETY_CASES } from "../fixtures/variety";

const ALL = MATRIX_TARGETS.map((t) => t.name);
const UPSTREAM = ["KServe 0.15", "KServe 0.17", "KServe 0.20", "KServe 0.21"];
const OPENSHIFT_AI = ["OpenShift AI 2.25", "OpenShift AI 3.0", "OpenShift AI 3.4", "OpenShift AI 3.5"];

/** Where each case synthesizes (everywhere else the library must refuse it with gate errors). */
const RUNS_ON: Record<string, readonly string[]> = {
  "openai-engine-pvc": ALL,
  "kserve-runtime-s3": [...UPSTREAM, "OpenShift AI 2.25"], // a Knative model: OpenShift AI 3.x is Standard only
  huggingface: ALL,
  accelerators: ["KServe 0.20", "KServe 0.21", "OpenShift AI 3.5"], // multi-node with the mp executor backend (0.18)
  "openshift-ai-hardware": OPENSHIFT_AI, // NIM Account, data connections
  nim: ALL,
  "modelmesh-fleet": ["OpenShift AI 2.25"], // ModelMesh with OpenShift AI's route and auth switches
  "mlserver-custom": [...UPSTREAM, "OpenShift AI 2.25"], // ModelMesh is installed upstream; OpenShift AI 3.x has none
  "mlserver-custom-multi": [...UPSTREAM, "OpenShift AI 2.25"],
  "gpustack-backends": ALL,
  "chariot-engine": ALL,
  "openshift-ai-dashboard": OPENSHIFT_AI, // dashboard Templates are OpenShift AI objects
  "nim-knative": [...UPSTREAM, "OpenShift AI 2.25"], // Knative mode: OpenShift AI 3.x is Standard only
  "variety-upstream": [...UPSTREAM, "OpenShift AI 2.25"], // a Knative model
  "variety-openshift-ai": ALL.filter((t) => t !== "KServe 0.15"), // KEDA trigger authentication: upstream from 0.16, in every OpenShift AI fork
  "variety-hardware": [...UPSTREAM, "OpenShift AI 2.25"], // a Serverless model
  "llm-serving": ["KServe 0.20", "KServe 0.21", "OpenShift AI 3.5"], // kvCacheOffloading (0.20, OpenShift AI 3.5)
  "llm-openshift-ai": ["OpenShift AI 3.5"], // OpenShift AI 3.5's NVIDIA single-node preset
  "variety-canary": ["KServe 0.20", "KServe 0.21", "OpenShift AI 3.5"], // spec.canary and predictor.name
};

/** Rules that refuse a case because of its target, not because the case is wrong. */
const GATES = new Set([
  "engine/dashboard-scope",
  "modelmesh/unavailable",
  "modelmesh/openshift-ai-only",
  "odh/standard-only",
  "target/nim-account",
  "storage-config/data-connections",
  // LLMInferenceService: the resource, its fields, and OpenShift AI's presets per release
  "llm/target-version",
  "llm/target-feature",
  "llm/openshift-ai-preset",
]);

const CASES: readonly MatrixCase[] = [...EXAMPLE_CHARTS, ...VARIETY_CASES];

describeIfCrds("conformance matrix: every case on every supported target, against the target's own CRDs", () => {
  const outcomes = new Map<string, MatrixOutcome>();
  const outcome = (c: MatrixCase, name: string): MatrixOutcome => {
    const key = `${c.id} on ${name}`;
    let found = outcomes.get(key);
    if (found === undefined) {
      const target = MATRIX_TARGETS.find((t) => t.name === name);
      if (target === undefined) throw new Error(`no target ${name}`);
      found = runCase(c, target);
      outcomes.set(key, found);
    }
    return found;
  };

  it("covers every example chart and fixture chart", () => {
    expect(CASES.map((c) => c.id).sort()).toEqual(Object.keys(RUNS_ON).sort());
  });

  const rows = CASES.flatMap((c) => MATRIX_TARGETS.map((t) => [c.id, t.name, c] as const));
  it.each(rows)("%s on %s", (id, name, c) => {
    const result = outcome(c, name);
    const expected = RUNS_ON[id] ?? [];
    if (expected.includes(name)) {
      if (result.kind === "refused") throw new Error(`${id} was refused on ${name}:\n${result.issues.filter(isError).map((i) => `${i.rule}: ${i.path}: ${i.message}`).join("\n")}`);
      expect(result.manifests.length).toBeGreaterThan(0);
      expect(formatProblems([...result.problems])).toBe("");
    } else {
      if (result.kind === "synthesized") throw new Error(`${id} synthesized on ${name}, where the matrix expects a refusal (update RUNS_ON if the library now supports it)`);
      const errors = result.issues.filter(isError);
      expect(errors.length).toBeGreaterThan(0);
      for (const issue of errors) {
        if (issue.rule.startsWith("target/feature-")) expect(issue.message).toMatch(/needs KServe \d+\.\d+ or later; the target is /);
        else expect(GATES).toContain(issue.rule);
      }
    }
  });

  it("size: every object of every synthesized case, once per target", () => {
    let validations = 0;
    for (const [id, name, c] of rows) {
      const result = outcome(c, name);
      if (result.kind === "synthesized") validations += result.manifests.length;
      else expect(RUNS_ON[id]).not.toContain(name);
    }
    process.stdout.write(`conformance matrix: ${CASES.length} cases x ${MATRIX_TARGETS.length} targets, ${validations} object validations\n`);
    expect(validations).toBeGreaterThanOrEqual(400);
  });
});
