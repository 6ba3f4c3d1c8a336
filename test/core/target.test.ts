import { describeTarget, modeName, requireFeature, resolveTarget, canonicalMode, KSERVE_FEATURES } from "kserve-constructs";

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
    expect(describeTarget(resolveTarget({ openshiftAI: { version: "2.16" } }).target)).toBe("OpenShift AI 2.16 (KServe 0.14)");
    expect(describeTarget(resolveTarget({ openshiftAI: { version: "2.25" } }).target)).toBe("OpenShift AI 2.25 (KServe 0.15)");
    expect(describeTarget(resolveTarget({ openshiftAI: { version: "3.4" } }).target)).toBe("OpenShift AI 3.4 (KServe 0.17)");
    expect(describeTarget(resolveTarget({ openshiftAI: { version: "3.0" }, kserveVersion: "0.17" }).target)).toBe("OpenShift AI 3.0 (KServe 0.17)");
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
