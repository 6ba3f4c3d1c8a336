import * as fs from "node:fs";
import * as path from "node:path";
import { describeTarget, modeName, requireFeature, resolveTarget, canonicalMode, KSERVE_FEATURES } from "kserve-constructs";
import { targetRule } from "../../src/core/pipeline";
import { defaultTarget } from "../../src/core/target/resolve";
import { checkTargetVersions, targetIssues } from "../../src/core/target/rules";
import { LintOptionsError, lintTarget } from "../../src/lint";

describe("target resolution", () => {
  it("defaults to the current KServe release without OpenShift AI", () => {
    const { target, issues } = resolveTarget(undefined);
    expect(issues).toEqual([]);
    expect(target.kserve).toEqual({ major: 0, minor: 20 });
    expect(target.openshiftAI).toBeUndefined();
    expect([...target.knativeFeatures]).toEqual([]);
  });

  it("derives the KServe level from the OpenShift AI release when no KServe version is given", () => {
    expect(describeTarget(resolveTarget({ openshiftAI: true }).target)).toBe("OpenShift AI 3.0 (KServe 0.15)");
    expect(describeTarget(resolveTarget({ openshiftAI: { version: "2.25" } }).target)).toBe("OpenShift AI 2.25 (KServe 0.15)");
    expect(describeTarget(resolveTarget({ openshiftAI: { version: "3.3" } }).target)).toBe("OpenShift AI 3.3 (KServe 0.15)");
    expect(describeTarget(resolveTarget({ openshiftAI: { version: "3.4" } }).target)).toBe("OpenShift AI 3.4 (KServe 0.17)");
    expect(describeTarget(resolveTarget({ openshiftAI: { version: "3.5" } }).target)).toBe("OpenShift AI 3.5 (KServe 0.20)");
    expect(resolveTarget({ openshiftAI: { version: "3.5" }, kserveVersion: "0.20" }).issues).toEqual([]);
    expect(resolveTarget({ openshiftAI: true }).target.openshiftAI?.applicationsNamespace).toBe("redhat-ods-applications");
  });

  it("reports versions that are not versions, and versions that are too old", () => {
    expect(resolveTarget({ kserveVersion: "latest" }).issues[0]).toMatchObject({ path: "target.kserveVersion", rule: "target/version", fix: 'use "major.minor", for example "0.20"' });
    expect(resolveTarget({ kserveVersion: "0.7" }).issues[0]).toMatchObject({
      rule: "target/unsupported-version",
      message: "KServe 0.7 predates ServingRuntimes and predictor.model (added in 0.8)",
    });
    expect(resolveTarget({ kserveVersion: "v0.15.2" }).target.kserve).toEqual({ major: 0, minor: 15 });
  });
});

describe("deployment mode names", () => {
  it("emits Standard and Knative from 0.16 and the legacy names before", () => {
    const v16 = resolveTarget({ kserveVersion: "0.16" }).target;
    const v15 = resolveTarget({ kserveVersion: "0.15" }).target;
    expect([modeName("Standard", v16), modeName("Knative", v16)]).toEqual(["Standard", "Knative"]);
    expect([modeName("Standard", v15), modeName("Knative", v15), modeName("ModelMesh", v15)]).toEqual(["RawDeployment", "Serverless", "ModelMesh"]);
    expect([canonicalMode("RawDeployment"), canonicalMode("Serverless"), canonicalMode("Knative")]).toEqual(["Standard", "Knative", "Knative"]);
  });
});

describe("features", () => {
  it("names the version that added a missing feature", () => {
    const { target } = resolveTarget({ kserveVersion: "0.13" });
    expect(requireFeature(target, "storage-hf", "spec.predictor.model.storageUri", "hf://a/b")).toEqual([
      {
        path: "spec.predictor.model.storageUri",
        value: "hf://a/b",
        rule: "target/feature-storage-hf",
        message: "hf:// model storage (Hugging Face Hub) needs KServe 0.14 or later; the target is KServe 0.13",
        fix: "upgrade KServe to 0.14 (and set target.kserveVersion), or do without this feature",
      },
    ]);
    expect(requireFeature(resolveTarget({ kserveVersion: "0.14" }).target, "storage-hf", "p", "v")).toEqual([]);
  });

  it("every feature has a parsable version", () => {
    for (const { since } of Object.values(KSERVE_FEATURES)) expect(since).toMatch(/^0\.\d+$/);
  });
});

describe("OpenShift AI releases", () => {
  it("refuses releases before 2.25, naming the supported ones and the legacy profile kinds", () => {
    const { issues } = resolveTarget({ openshiftAI: { version: "2.16" } });
    expect(issues).toEqual([
      {
        path: "target.openshiftAI.version",
        value: "2.16",
        rule: "target/unsupported-openshift-ai",
        message:
          "OpenShift AI 2.16 is not supported: the library supports OpenShift AI 2.25, 3.0 to 3.3, 3.4, 3.5. Releases before 2.25 are out of support, and those before the infrastructure.opendatahub.io HardwareProfile bound hardware through the dashboard's legacy kinds (dashboard.opendatahub.io AcceleratorProfile and HardwareProfile), which the library does not emit and today's operator refuses",
        fix: "upgrade to OpenShift AI 2.25 or later and set target.openshiftAI.version",
      },
    ]);
    expect(resolveTarget({ openshiftAI: { version: "2.24" } }).issues.map((i) => i.rule)).toEqual(["target/unsupported-openshift-ai"]);
  });

  it("refuses releases newer than the ones whose fork is known", () => {
    expect(resolveTarget({ openshiftAI: { version: "3.6" } }).issues).toEqual([
      expect.objectContaining({ rule: "target/unsupported-openshift-ai", value: "3.6", message: "OpenShift AI 3.6 is newer than the releases the library knows (the newest is 3.5); its KServe fork's CRDs have not been checked", fix: "target OpenShift AI 3.5, or upgrade kserve-constructs" }),
    ]);
  });

  it("refuses a KServe version that is not the one the release runs", () => {
    expect(resolveTarget({ openshiftAI: { version: "2.25" }, kserveVersion: "0.18" }).issues).toEqual([
      {
        path: "target.kserveVersion",
        value: "0.18",
        rule: "target/openshift-ai-kserve-version",
        message: "OpenShift AI 2.25 runs KServe 0.15 (its fork stable-2.x), not 0.18",
        fix: 'drop target.kserveVersion (the OpenShift AI release decides it), or set it to "0.15"',
      },
    ]);
    expect(resolveTarget({ openshiftAI: { version: "2.25" }, kserveVersion: "0.15" }).issues).toEqual([]);
  });

  it("knows each release line's fork, HardwareProfile version and modes", () => {
    const release = (version: string) => resolveTarget({ openshiftAI: { version } }).target.openshiftAI?.release;
    expect(release("2.25")).toMatchObject({ kserve: "0.15", fork: "stable-2.x", hardwareProfileVersion: "v1alpha1", modelMesh: true, knative: true });
    expect(release("3.0")).toMatchObject({ kserve: "0.15", fork: "odh-v3.0", hardwareProfileVersion: "v1", modelMesh: false, knative: false });
    expect(release("3.4")).toMatchObject({ kserve: "0.17", fork: "odh-v3.4", hardwareProfileVersion: "v1", modelMesh: false, knative: false });
    expect(release("3.5")).toMatchObject({ kserve: "0.20", fork: "odh-v3.5", hardwareProfileVersion: "v1", modelMesh: false, knative: false });
  });

  it("3.5 has the features of KServe 0.18 to 0.20, and its fork's resourceClaims backport", () => {
    const odh35 = resolveTarget({ openshiftAI: { version: "3.5" } }).target;
    for (const feature of ["multinode-executor-backend", "storage-oci-native", "canary-predictors", "runtime-resource-claims"] as const) expect(requireFeature(odh35, feature, "p", "v")).toEqual([]);
    expect(requireFeature(odh35, "storage-modelscope", "p", "v")[0]?.rule).toBe("target/feature-storage-modelscope");
  });

  it("names the first OpenShift AI release with a missing feature", () => {
    const odh34 = resolveTarget({ openshiftAI: { version: "3.4" } }).target;
    expect(requireFeature(odh34, "canary-predictors", "canary", [])).toEqual([
      {
        path: "canary",
        value: [],
        rule: "target/feature-canary-predictors",
        message: "spec.canary and predictor.name (Standard-mode canary predictors) needs KServe 0.20 or later; the target is OpenShift AI 3.4 (KServe 0.17), and OpenShift AI has it from 3.5",
        fix: "upgrade to OpenShift AI 3.5 (KServe 0.20) and set target.openshiftAI.version, or do without this feature",
      },
    ]);
  });
});

describe("the target rules, run from one place", () => {
  const layered = { context: { openshiftAI: { version: "2.25" } }, own: { kserveVersion: "0.18", kubernetesVersion: "x" } };

  it("the pipeline's target entry reports what targetIssues finds on the layered props", () => {
    const ctx = { where: "t", defaultName: "t", target: layered.context };
    const found = targetIssues(layered.context, layered.own);
    expect(found.map((i) => [i.rule, i.path])).toEqual([
      ["target/openshift-ai-kserve-version", "target.kserveVersion"],
      ["target/version", "target.kubernetesVersion"],
    ]);
    expect(targetRule.check(undefined, { target: layered.own }, ctx)).toEqual(found);
  });

  it("lint's target reports targetIssues' errors, in their order, and resolves the target without reporting", () => {
    const props = { openshiftAI: { version: "2.16" }, kserveVersion: "latest", kubernetesVersion: "x" };
    const expected = targetIssues(props).map((i) => `${i.message} (${String(i.value)}); ${i.fix}`);
    expect(expected).toHaveLength(3);
    expect(() => lintTarget(props)).toThrow(new LintOptionsError(`target: ${expected.join("; ")}`));
    expect(lintTarget({ openshiftAI: { version: "3.5" } })).toEqual(defaultTarget({ openshiftAI: { version: "3.5" } }));
  });

  it("resolveTarget is the pure target with targetIssues' problems", () => {
    const props = { openshiftAI: { version: "3.6" }, kserveVersion: "0.20" };
    expect(resolveTarget(props)).toEqual({ target: defaultTarget(props), issues: targetIssues(props) });
  });

  it("resolving reports nothing: only the target rules module runs the target rules", () => {
    const src = path.join(__dirname, "..", "..", "src");
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
    const calling = (name: string): string[] =>
      files(src)
        .filter((f) => new RegExp(`\\b${name}\\(`).test(fs.readFileSync(f, "utf8").replace(new RegExp(`function ${name}\\(`, "g"), "")))
        .map((f) => path.relative(src, f).split(path.sep).join("/"));
    expect(calling("checkTargetVersions")).toEqual(["core/target/rules.ts"]);
    // the builds and lint resolve with defaultTarget and check with targetIssues; resolveTarget is for library users
    expect(calling("resolveTarget")).toEqual([]);
    expect(fs.readFileSync(path.join(src, "core", "target", "resolve.ts"), "utf8")).not.toMatch(/from "\.\/rules"/);
  });
});

describe("targets resolved once per distinct target props", () => {
  it("gives equal target props the same read-only target, and other props another", () => {
    const a = defaultTarget({ kserveVersion: "0.17" });
    expect(defaultTarget({ kserveVersion: "0.17" })).toBe(a);
    expect(defaultTarget({ kserveVersion: "0.17", kubernetesVersion: "1.31" })).not.toBe(a);
    expect(defaultTarget({ kserveVersion: "0.15" }).kserve).toEqual({ major: 0, minor: 15 });
    expect(Object.isFrozen(a.kserve)).toBe(true);
  });

  it("gives every caller of the version checks its own list", () => {
    const first = checkTargetVersions({ kserveVersion: "0.2x" });
    expect(first.map((d) => d.rule)).toEqual(["target/version"]);
    first.length = 0;
    expect(checkTargetVersions({ kserveVersion: "0.2x" }).map((d) => d.rule)).toEqual(["target/version"]);
  });
});
