/**
 * The shipped lint schemas are generated from ../shared/crds by scripts/gen-lint-schemas.ts and are
 * up to date with it; each CRD set validates what its release accepts.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { parseAllDocuments } from "yaml";
import { convertCrd, SchemaSet } from "../../src/lint";

const crds = path.resolve(__dirname, "../../../shared/crds");
const pool = JSON.parse(fs.readFileSync(path.join(__dirname, "../../src/lint/schemas/definitions.json"), "utf8")) as Record<string, unknown>;
const index = JSON.parse(fs.readFileSync(path.join(__dirname, "../../src/lint/schemas/index.json"), "utf8")) as { sets: Record<string, Record<string, { file: string }>> };

(fs.existsSync(crds) ? describe : describe.skip)("shipped schemas against ../shared/crds", () => {
  it.each([
    ["kserve-0.20", "kserve-releases/v0.20.0/serving.kserve.io_inferenceservices.yaml", "serving.kserve.io/v1beta1/InferenceService"],
    ["openshift-ai-2.25", "kserve-releases/odh-stable-2.x/serving.kserve.io_servingruntimes.yaml", "serving.kserve.io/v1alpha1/ServingRuntime"],
    ["kserve-0.21", "nvidia/apps.nvidia.com_nimservices.yaml", "apps.nvidia.com/v1alpha1/NIMService"],
  ])("%s: %s is the generated %s", (set, file, key) => {
    const doc = parseAllDocuments(fs.readFileSync(path.join(crds, file), "utf8"))[0]?.toJS({ maxAliasCount: -1 }) as unknown;
    const [group, version, kind] = key.split("/");
    const converted = convertCrd(doc).find((c) => c.group === group && c.version === version && c.kind === kind);
    expect(converted).toBeDefined();
    const { definitions, ...root } = (converted?.schema ?? {}) as { definitions?: Record<string, unknown> };
    const hash = createHash("sha256").update(JSON.stringify(root)).digest("hex").slice(0, 16);
    expect(index.sets[set]?.[key]?.file).toBe(`${hash}.json`);
    for (const [name, body] of Object.entries(definitions ?? {})) expect(pool[name]).toEqual(body);
  });
});

if (!fs.existsSync(crds)) {
  it.skip("shipped schemas against ../shared/crds (skipped: ../shared/crds is absent)", () => undefined);
}

describe("shipped schema sets", () => {
  it("each release set has every kind it serves, identical schemas stored once", () => {
    const files = new Set(Object.values(index.sets).flatMap((s) => Object.values(s).map((e) => e.file)));
    const stored = fs.readdirSync(path.join(__dirname, "../../src/lint/schemas")).filter((f) => f !== "index.json" && f !== "definitions.json");
    expect([...files].sort()).toEqual(stored.sort());
    expect(Object.keys(index.sets["kserve-0.15"] ?? {})).not.toContain("serving.kserve.io/v1alpha1/LLMInferenceService");
    expect(Object.keys(index.sets["kserve-0.20"] ?? {})).toContain("serving.kserve.io/v1alpha1/LLMInferenceService");
    expect(Object.keys(index.sets["openshift-ai-2.25"] ?? {}).filter((k) => k.includes("HardwareProfile"))).toEqual(["infrastructure.opendatahub.io/v1alpha1/HardwareProfile"]);
  });

  it("the 2.x fork's ServingRuntime has no spec.schedulerName, upstream 0.20's has", () => {
    const runtime = { apiVersion: "serving.kserve.io/v1alpha1", kind: "ServingRuntime", metadata: { name: "r" }, spec: { schedulerName: "spyre-scheduler", containers: [{ name: "kserve-container", image: "x" }] } };
    expect(new SchemaSet("kserve-0.20").validate(runtime, "serving.kserve.io/v1alpha1", "ServingRuntime")).toEqual([]);
    expect(new SchemaSet("openshift-ai-2.25").validate(runtime, "serving.kserve.io/v1alpha1", "ServingRuntime")).toEqual([{ segments: ["spec", "schedulerName"], value: "spyre-scheduler", message: 'unknown field "schedulerName"' }]);
  });
});
