/**
 * The shipped lint schemas are generated from ../shared/crds by scripts/gen-lint-schemas.ts and are
 * up to date with it; each CRD set validates what its release accepts.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { parseAllDocuments } from "yaml";
import { convertCrd, convertCrdVersions, SchemaSet } from "../../src/lint";
import { loadCrd } from "../support/crd-schemas";
import { coreKindCrds } from "../../scripts/lint-core-schemas";
import { CORE_SCHEMA_KINDS, CRD_SETS } from "../../src/lint";

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

(fs.existsSync(crds) ? describe : describe.skip)("one converter for lint and the conformance tests", () => {
  it("the conformance tests compile the library's conversion of the CRD", () => {
    const file = path.join(crds, "kserve/serving.kserve.io_inferenceservices.yaml");
    const doc = parseAllDocuments(fs.readFileSync(file, "utf8"))[0]?.toJS({ maxAliasCount: -1 }) as unknown;
    const fromLibrary = convertCrd(doc).find((c) => c.version === "v1beta1")?.schema;
    expect(fromLibrary).toBeDefined();
    expect(loadCrd("serving.kserve.io", "InferenceService")?.versions.get("v1beta1")?.schema).toEqual(fromLibrary);
  });
});

if (!fs.existsSync(crds)) {
  it.skip("shipped schemas against ../shared/crds (skipped: ../shared/crds is absent)", () => undefined);
}

describe("core kinds", () => {
  it("every set has the core kinds' schemas, generated from kubernetes-models and up to date", () => {
    const generated = new Map<string, string>();
    for (const doc of coreKindCrds(path.join(__dirname, "../../node_modules/kubernetes-models"))) {
      for (const c of convertCrd(doc)) {
        const { definitions, ...root } = c.schema as { definitions?: Record<string, unknown> };
        generated.set(`${c.version}/${c.kind}`, `${createHash("sha256").update(JSON.stringify(root)).digest("hex").slice(0, 16)}.json`);
        for (const [name, body] of Object.entries(definitions ?? {})) expect(pool[name]).toEqual(body);
      }
    }
    expect([...generated.keys()].sort()).toEqual(CORE_SCHEMA_KINDS.map((k) => `v1/${k.kind}`));
    for (const set of CRD_SETS) for (const [key, file] of generated) expect(index.sets[set.name]?.[key]?.file).toBe(file);
  });

  it("validates core objects strictly: unknown fields, enums, types, base64 data; null for an unset field is accepted", () => {
    const set = new SchemaSet("kserve-0.20");
    const check = (o: Record<string, unknown>) => set.validate(o, String(o["apiVersion"]), String(o["kind"]))?.map((p) => [p.segments.join("."), p.message]);
    expect(check({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, type: "Opaque", stringdata: { a: "b" }, data: { k: "not base64!", ok: "YWJj" } })).toEqual([
      ["stringdata", 'unknown field "stringdata"'],
      ["data.k", "is not a valid byte"],
    ]);
    expect(check({ apiVersion: "v1", kind: "Service", metadata: { name: "svc" }, spec: { type: "ClusterIp", ports: [{ port: "80", protocl: "TCP" }] } })).toEqual([
      ["spec.ports.0.protocl", 'unknown field "protocl"'],
      ["spec.ports.0.port", "expected number, got string"],
      ["spec.type", 'must be one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort", null'],
    ]);
    expect(check({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "p" }, spec: { accessModes: ["ReadWriteMany"], resources: { requests: { storage: "100Gi" } }, storageClassName: null, volumeMode: "Filesystem" } })).toEqual([]);
    expect(check({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "sa" }, secrets: [{ name: "x" }], imagePullSecrets: [{ name: "y", namespace: "z" }] })).toEqual([["imagePullSecrets.0.namespace", 'unknown field "namespace"']]);
    expect(check({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: 1 } })).toEqual([["data.a", "expected string, got integer"]]);
    expect(check({ apiVersion: "v1", kind: "Namespace", metadata: { name: "n" }, spec: { finalizers: ["kubernetes"] } })).toEqual([]);
    expect(set.scopeOf("v1", "Namespace")).toBe("Cluster");
  });
});

describe("convertCrdVersions", () => {
  it("lists every version (served or not) with its CEL rules, which the schema cannot evaluate; convertCrd keeps the served ones", () => {
    const crd = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      spec: {
        group: "example.com",
        names: { kind: "Thing" },
        scope: "Cluster",
        versions: [
          { name: "v1alpha1", served: false, schema: { openAPIV3Schema: { type: "object" } } },
          {
            name: "v1",
            served: true,
            deprecated: true,
            schema: {
              openAPIV3Schema: {
                type: "object",
                properties: {
                  spec: {
                    type: "object",
                    description: "dropped",
                    "x-kubernetes-validations": [{ rule: "has(self.a) != has(self.b)", message: "exactly one of a and b" }],
                    properties: { a: { type: "string" }, b: { type: "string" }, "x-y": { type: "array", items: { type: "object", "x-kubernetes-validations": [{ rule: "self.n > 0", messageExpression: "'n must be positive'" }], properties: { n: { type: "integer" } } } } },
                  },
                },
              },
            },
          },
        ],
      },
    };
    const versions = convertCrdVersions(crd);
    expect(versions.map((v) => [v.version, v.served, v.deprecated, v.scope])).toEqual([["v1alpha1", false, false, "Cluster"], ["v1", true, true, "Cluster"]]);
    expect(versions[1]?.celRules).toEqual([
      { path: "spec", rule: "has(self.a) != has(self.b)", message: "exactly one of a and b" },
      { path: "spec.x-y[*]", rule: "self.n > 0", message: "'n must be positive'" },
    ]);
    expect(versions[1]?.schema).toEqual({
      additionalProperties: false,
      properties: {
        metadata: { type: "object" },
        spec: { additionalProperties: false, properties: { a: { type: "string" }, b: { type: "string" }, "x-y": { items: { additionalProperties: false, properties: { n: { type: "integer" } }, type: "object" }, type: "array" } }, type: "object" },
      },
      type: "object",
    });
    expect(convertCrd(crd).map((c) => c.version)).toEqual(["v1"]);
  });
});

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
