/**
 * `lint`: inputs (multi-document YAML, JSON, List kinds, empty documents, folders, stdin), strict schema
 * validation per target, the lint-only rules with their ids, paths and fixes, suppressions, the output
 * formats and the exit codes of the command.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BUILTIN_RUNTIMES, builtinRuntimes, formatJson, formatSarif, formatText, lint, LintOptionsError, lintTarget, parseObjects, pathSegments, readSources } from "../../src/lint";
import { lintCommand } from "../../src/cli/lint";
import { main } from "../../src/cli/main";
import { parseTargetName } from "../../src/core/target/name";

const isvc = (name: string, extra = ""): string => `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: ${name}
  namespace: models${extra}
spec:
  predictor:
    model:
      modelFormat:
        name: sklearn
      storageUri: gs://kfserving-examples/models/sklearn/1.0/model
`;

function run(argv: string[], stdin = ""): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = lintCommand(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), stdin: () => stdin });
  return { code, out, err };
}

describe("reading inputs", () => {
  it("reads multi-document YAML with empty documents and List kinds, with document indexes and lines", () => {
    const text = `# rendered by helm\n---\n${isvc("a")}---\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ServiceAccount\n    metadata: {name: sa, namespace: models}\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: cm, namespace: models}\n`;
    const { objects, problems } = parseObjects("x.yaml", text);
    expect(problems).toEqual([]);
    expect(objects.map((o) => [o.manifest.kind, o.documentIndex, o.itemIndex, o.line])).toEqual([
      ["InferenceService", 0, undefined, 3],
      ["ServiceAccount", 2, 0, 19],
      ["ConfigMap", 2, 1, 22],
    ]);
    expect(objects[0]?.lineOf("spec.predictor.model.storageUri")).toBe(13);
    expect(objects[0]?.lineOf("spec.predictor.model.nothere")).toBe(10);
  });

  it("reads JSON, and reports documents that are not objects as lint/parse", () => {
    const json = JSON.stringify({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "sa", namespace: "models" } });
    expect(parseObjects("sa.json", json).objects.map((o) => o.manifest.metadata.name)).toEqual(["sa"]);
    const report = lint([{ file: "bad.yaml", text: "kind: ConfigMap\n---\n- a\n---\nkey: [x\n" }]);
    expect(report.problems.map((p) => [p.rule, p.documentIndex, p.line])).toEqual([
      ["lint/parse", 0, 1],
      ["lint/parse", 1, 3],
      ["lint/parse", 2, 5],
    ]);
    expect(report.problems[0]?.message).toBe("the document is an object without apiVersion, kind and metadata.name; every Kubernetes object needs apiVersion, kind and metadata.name");
    expect(report.exitCode).toBe(1);
  });

  it("reads folders recursively (*.yaml, *.yml, *.json in name order) and - for stdin", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lint-"));
    fs.mkdirSync(path.join(dir, "sub"));
    fs.writeFileSync(path.join(dir, "b.yml"), isvc("b"));
    fs.writeFileSync(path.join(dir, "sub", "a.json"), "{}");
    fs.writeFileSync(path.join(dir, "notes.txt"), "not yaml");
    const sources = readSources([dir, "-"], () => isvc("from-stdin"));
    expect(sources.map((s) => (s.file === "-" ? "-" : path.relative(dir, s.file)))).toEqual(["b.yml", path.join("sub", "a.json"), "-"]);
    expect(() => readSources([path.join(dir, "missing")])).toThrow("no such file or folder");
  });

  it("splits field paths into segments", () => {
    expect(pathSegments('spec.predictor.containers[0].env[2].name')).toEqual(["spec", "predictor", "containers", 0, "env", 2, "name"]);
    expect(pathSegments('metadata.annotations["serving.kserve.io/deploymentMode"]')).toEqual(["metadata", "annotations", "serving.kserve.io/deploymentMode"]);
  });
});

describe("targets and schemas", () => {
  it("--kubernetes-version: env var names follow that version's API server (1VAR is an error before 1.32 and when no version is given, a portability warning from 1.32)", () => {
    const text = isvc("a").replace("        name: sklearn\n", "        name: sklearn\n      env:\n        - name: 1VAR\n          value: \"1\"\n");
    const rules = (argv: string[]): string[][] => (JSON.parse(run([...argv, "--format", "json", "-"], text).out) as { problems: { rule: string; severity: string; path: string }[] }).problems.filter((p) => p.rule.startsWith("k8s/")).map((p) => [p.rule, p.severity, p.path]);
    expect(rules([])).toEqual([["k8s/env-name", "error", "spec.predictor.model.env[0].name"]]);
    expect(rules(["--kubernetes-version", "1.31"])).toEqual([["k8s/env-name", "error", "spec.predictor.model.env[0].name"]]);
    expect(rules(["--kubernetes-version", "1.33"])).toEqual([["k8s/env-name-portable", "warning", "spec.predictor.model.env[0].name"]]);
    expect(rules(["--target", "kserve-0.20", "--kubernetes-version", "1.33"])).toEqual([["k8s/env-name-portable", "warning", "spec.predictor.model.env[0].name"]]);
    const bad = run(["--kubernetes-version", "latest", "-"], text);
    expect([bad.code, bad.err]).toEqual([2, 'kserve-constructs lint: --kubernetes-version "latest": not a version; use major.minor, e.g. 1.33\n']);
  });

  it("parses target names with the core's vocabulary", () => {
    expect(parseTargetName("0.17").props).toEqual({ kserveVersion: "0.17" });
    expect(parseTargetName("kserve-v0.20").props).toEqual({ kserveVersion: "0.20" });
    expect(parseTargetName("openshift-ai-2.25").props).toEqual({ openshiftAI: { version: "2.25" } });
    expect(parseTargetName("openshift-ai").props).toEqual({ openshiftAI: true });
    expect(parseTargetName("kserve-latest").issues.map((i) => i.rule)).toEqual(["target/name"]);
    expect(() => lint([], { target: "nope" })).toThrow(LintOptionsError);
  });

  it("picks the CRD set of the target", () => {
    const sets = ["0.14", "0.15", "0.16", "0.18", "0.20", "0.21", "0.30", "openshift-ai-2.25", "openshift-ai-3.2", "openshift-ai-3.4", "openshift-ai-3.5"].map((t) => lint([], { target: t }).crdSet);
    expect(sets).toEqual(["kserve-0.15", "kserve-0.15", "kserve-0.17", "kserve-0.20", "kserve-0.20", "kserve-0.21", "kserve-0.21", "openshift-ai-2.25", "openshift-ai-3.0", "openshift-ai-3.4", "openshift-ai-3.5"]);
    // OpenShift AI releases the library does not support (before 2.25, after 3.5) are refused
    expect(() => lint([], { target: "openshift-ai-2.19" })).toThrow(/OpenShift AI 2\.19 is not supported/);
    expect(() => lint([], { target: "openshift-ai-3.9" })).toThrow(/OpenShift AI 3\.9 is newer than the releases the library knows/);
  });

  it("reports unknown fields, wrong types and missing required fields with their paths (lint/schema)", () => {
    const text = `apiVersion: apps.nvidia.com/v1alpha1
kind: NIMService
metadata: {name: llama, namespace: nim}
spec:
  image: {repository: nvcr.io/nim/meta/llama-3.1-8b-instruct}
  replicas: "two"
  exposee: {}
`;
    const report = lint([{ file: "nim.yaml", text }]);
    expect(report.problems.map((p) => [p.rule, p.path, p.message.replace(/ \(.*\)$/, ""), p.line])).toEqual([
      ["lint/schema", "spec.image.tag", 'missing required field "tag"', 5],
      ["lint/schema", "spec.replicas", "expected integer, got string", 6],
      ["lint/schema", "spec.exposee", 'unknown field "exposee"', 7],
    ]);
  });

  it("validates the core kinds strictly against the Kubernetes API (lint/schema), the same in every set", () => {
    const text = "apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: models}\ntype: Opaque\nstringdata:\n  AWS_ACCESS_KEY_ID: x\n";
    for (const target of ["0.15", "openshift-ai-2.25"]) {
      const report = lint([{ file: "s.yaml", text }], { target });
      expect(report.problems.map((p) => [p.rule, p.path, p.message, p.fix, p.line])).toEqual([["lint/schema", "stringdata", 'unknown field "stringdata" (Secret v1 of the Kubernetes core API)', "remove the field, or correct its name and place (see the Kubernetes API reference)", 5]]);
    }
    const service = "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: models}\nspec: {ports: [{port: http}]}\n";
    expect(lint([{ file: "svc.yaml", text: service }]).problems.map((p) => [p.path, p.message, p.fix])).toEqual([["spec.ports[0].port", "expected number, got string (Service v1 of the Kubernetes core API)", "use the field names and types of the Kubernetes API"]]);
    expect(lint([{ file: "svc.yaml", text: service.replace("apiVersion: v1", "apiVersion: v2") }]).problems.map((p) => [p.rule, p.fix])).toEqual([["lint/api-version", "use apiVersion v1"]]);
  });

  it("checks the apiVersion a target serves (lint/api-version) and lets --crds add a version", () => {
    const text = "apiVersion: serving.kserve.io/v1alpha1\nkind: InferenceService\nmetadata: {name: old, namespace: models}\nspec: {}\n";
    const report = lint([{ file: "old.yaml", text }]);
    expect(report.problems.map((p) => [p.rule, p.path, p.value, p.fix])).toEqual([["lint/api-version", "apiVersion", "serving.kserve.io/v1alpha1", "use apiVersion serving.kserve.io/v1beta1"]]);
    const crd = { group: "serving.kserve.io", version: "v1alpha1", kind: "InferenceService", scope: "Namespaced", schema: { type: "object", properties: { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" }, spec: { type: "object", properties: {}, additionalProperties: false } }, additionalProperties: false } };
    expect(lint([{ file: "old.yaml", text }], { crds: [crd] }).problems).toEqual([]);
  });

  it("--crds reads a CRD folder, overriding the shipped schema", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crds-"));
    fs.writeFileSync(path.join(dir, "isvc.yaml"), `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: inferenceservices.serving.kserve.io}
spec:
  group: serving.kserve.io
  names: {kind: InferenceService, plural: inferenceservices}
  scope: Namespaced
  versions:
    - name: v1beta1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          description: dropped
          properties:
            apiVersion: {type: string}
            kind: {type: string}
            metadata: {type: object}
            spec:
              type: object
              properties:
                onlyField: {type: string}
`);
    const file = path.join(dir, "isvc-in.yaml");
    fs.writeFileSync(file, isvc("x"));
    const r = run(["--crds", dir, "--format", "json", file]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { problems: { path: string; rule: string }[] }).problems.map((p) => [p.rule, p.path])).toEqual([["lint/schema", "spec.predictor"]]);
  });
});

describe("lint-only rules", () => {
  it("lint/runtime-missing names the namespace and honours --assume-runtime", () => {
    const text = isvc("a").replace("        name: sklearn\n", "        name: sklearn\n      runtime: sklearn-custom\n");
    const report = lint([{ file: "a.yaml", text }]);
    expect(report.problems.map((p) => [p.rule, p.path, p.value, p.line, p.fix])).toEqual([["lint/runtime-missing", "spec.predictor.model.runtime", "sklearn-custom", 11, "add the ServingRuntime to the input, or declare it with --assume-runtime NAME if it is installed on the cluster"]]);
    expect(report.problems[0]?.message).toBe('no ServingRuntime "sklearn-custom" in namespace models and no ClusterServingRuntime "sklearn-custom" in the input');
    expect(lint([{ file: "a.yaml", text }], { assumeRuntimes: ["sklearn-custom"] }).problems).toEqual([]);
  });

  it("lint/runtime-missing counts the ClusterServingRuntimes of the target's KServe release, none on OpenShift AI", () => {
    const named = (runtime: string): string => isvc("a").replace("        name: sklearn\n", `        name: sklearn\n      runtime: ${runtime}\n`);
    const problems = (runtime: string, target: string): string[] => lint([{ file: "a.yaml", text: named(runtime) }], { target }).problems.map((p) => p.message);
    expect(problems("kserve-sklearnserver", "0.15")).toEqual([]);
    expect(problems("kserve-predictiveserver", "0.17")).toEqual([]);
    expect(problems("kserve-predictiveserver", "0.15")).toEqual(['no ServingRuntime "kserve-predictiveserver" in namespace models and no ClusterServingRuntime "kserve-predictiveserver" in the input (KServe 0.17 and later install a ClusterServingRuntime of that name; the target is KServe 0.15)']);
    expect(problems("kserve-vllmserver", "0.19")).toEqual(['no ServingRuntime "kserve-vllmserver" in namespace models and no ClusterServingRuntime "kserve-vllmserver" in the input (KServe 0.20 and later install a ClusterServingRuntime of that name; the target is KServe 0.19)']);
    expect(problems("kserve-sklearnserver", "openshift-ai-3.0")).toEqual(['no ServingRuntime "kserve-sklearnserver" in namespace models and no ClusterServingRuntime "kserve-sklearnserver" in the input (upstream KServe installs a ClusterServingRuntime of that name; OpenShift AI installs none)']);
  });

  it("lint/service-account-missing and lint/pvc-missing are warnings, lifted by --assume", () => {
    const text = isvc("a").replace("  predictor:\n", "  predictor:\n    serviceAccountName: reader\n").replace("gs://kfserving-examples/models/sklearn/1.0/model", "pvc://store/iris");
    const report = lint([{ file: "a.yaml", text }]);
    expect(report.problems.map((p) => [p.rule, p.severity, p.path])).toEqual([
      ["lint/service-account-missing", "warning", "spec.predictor.serviceAccountName"],
      ["lint/pvc-missing", "warning", "spec.predictor.model.storageUri"],
    ]);
    expect(report.exitCode).toBe(0);
    expect(lint([{ file: "a.yaml", text }], { warningsAsErrors: true }).exitCode).toBe(1);
    expect(lint([{ file: "a.yaml", text }], { assume: ["ServiceAccount/models/reader", "PersistentVolumeClaim/store"] }).problems).toEqual([]);
  });

  it("lint/secret-missing: every Secret an object needs, as a warning, lifted by the input, SealedSecrets, ExternalSecrets and --assume-secret", () => {
    const fs2 = fs.readFileSync(path.join(__dirname, "fixtures", "secret-refs.yaml"), "utf8");
    const report = lint([{ file: "s.yaml", text: fs2 }]);
    const secretProblems = report.problems.filter((p) => p.rule === "lint/secret-missing");
    expect(secretProblems.map((p) => [p.where, p.path, p.value, p.severity, p.line])).toEqual([
      ["ServiceAccount/models/s3-reader", "secrets[0].name", "s3-credentials", "warning", 6],
      ["ServiceAccount/models/s3-reader", "imagePullSecrets[0].name", "registry-pull", "warning", 8],
      ["InferenceService/models/iris", "metadata.annotations[\"serving.kserve.io/storageSecretName\"]", "minio-credentials", "warning", 15],
      ["InferenceService/models/iris", "spec.predictor.imagePullSecrets[0].name", "registry-pull", "warning", 19],
      ["InferenceService/models/iris", "spec.predictor.model.env[0].valueFrom.secretKeyRef.name", "app-secret", "warning", 27],
      ["InferenceService/models/iris", "spec.predictor.model.envFrom[0].secretRef.name", "bulk-env", "warning", 33],
      ["InferenceService/models/iris", "spec.predictor.volumes[0].secret.secretName", "tls-certs", "warning", 39],
      ["InferenceService/models/keyed", "spec.predictor.model.storage", { key: "localMinIO", path: "sklearn/iris" }, "warning", 49],
      ["ServingRuntime/models/rt", "spec.imagePullSecrets[0].name", "registry-pull", "warning", 55],
      ["NIMService/nim/llama", "spec.image.pullSecrets[0]", "ngc-secret", "warning", 67],
      ["NIMService/nim/llama", "spec.authSecret", "ngc-api", "warning", 68],
      ["NIMCache/nim/llama", "spec.source.ngc.authSecret", "ngc-api", "warning", 77],
      ["NIMCache/nim/llama", "spec.source.ngc.pullSecret", "ngc-secret", "warning", 79],
      ["Account/redhat-ods-applications/nim", "spec.apiKeySecret.name", "nvidia-nim-access", "warning", 87],
    ]);
    expect(secretProblems.map((p) => p.message).slice(0, 3)).toEqual([
      'no Secret "s3-credentials" in namespace models in the input: storage credentials the ServiceAccount lists',
      'no Secret "registry-pull" in namespace models in the input: an image pull secret of the ServiceAccount',
      'no Secret "minio-credentials" in namespace models in the input: the storage credentials the serving.kserve.io/storageSecretName annotation names',
    ]);
    expect(secretProblems[7]?.message).toBe('no Secret "storage-config" in namespace models in the input: the storage-config Secret that storage.key and storage.path are read from');
    expect(secretProblems[0]?.fix).toBe("add the Secret (or the SealedSecret or ExternalSecret that creates it) to the input, or declare it with --assume-secret NAME (or NAMESPACE/NAME)");
    // optional references, the Secret, SealedSecret and ExternalSecret of the input and the cluster runtime are not reported
    expect(secretProblems.map((p) => p.value)).not.toContain("optional-secret");
    expect(secretProblems.map((p) => p.value)).not.toContain("in-input");
    expect(secretProblems.map((p) => p.value)).not.toContain("sealed");
    expect(secretProblems.map((p) => p.value)).not.toContain("external-target");
    expect(secretProblems.map((p) => p.where)).not.toContain("ClusterServingRuntime/cluster-rt");
    expect(report.exitCode).toBe(0);
    const assumed = lint([{ file: "s.yaml", text: fs2 }], { assumeSecrets: ["s3-credentials", "registry-pull", "models/minio-credentials", "app-secret", "bulk-env", "tls-certs", "models/storage-config", "nim/ngc-secret", "ngc-api"], assume: ["Secret/redhat-ods-applications/nvidia-nim-access"] });
    expect(assumed.problems.filter((p) => p.rule === "lint/secret-missing")).toEqual([]);
    // a Secret assumed in another namespace does not count
    expect(lint([{ file: "s.yaml", text: fs2 }], { assumeSecrets: ["other/ngc-api"] }).problems.filter((p) => p.value === "ngc-api")).toHaveLength(2);
    // OpenShift AI writes storage-config itself (from data connections)
    expect(lint([{ file: "s.yaml", text: fs2 }], { target: "openshift-ai-3.0" }).problems.filter((p) => p.rule === "lint/secret-missing").map((p) => p.value)).not.toContainEqual({ key: "localMinIO", path: "sklearn/iris" });
  });

  it("--assume-secret on the command line, and its help", () => {
    const text = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, namespace: models}\nsecrets: [{name: creds}]\n";
    expect(run(["--format", "json", "-"], text).out).toContain('"rule": "lint/secret-missing"');
    expect(run(["--assume-secret", "models/creds", "--format", "json", "-"], text).out).not.toContain("lint/secret-missing");
    expect(run(["--assume-secret", "a,creds", "--format", "json", "-"], text).out).not.toContain("lint/secret-missing");
    expect(run(["--assume-secret", "Bad_Name", "-"], text)).toEqual({ code: 2, out: "", err: "--assume-secret Bad_Name: use NAME or NAMESPACE/NAME, e.g. models/minio-credentials\n" });
    expect(run(["--help"]).out).toContain("  --assume-secret NAME    a Secret that exists on the cluster though the input lacks it (NAME or NS/NAME;\n");
  });

  it("lint/duplicate-object reports the later copy only", () => {
    const report = lint([{ file: "a.yaml", text: isvc("a") }, { file: "b.yaml", text: isvc("a") }]);
    expect(report.problems.map((p) => [p.rule, p.file, p.where])).toEqual([["lint/duplicate-object", "b.yaml", "InferenceService/models/a"]]);
  });
});

describe("suppressions", () => {
  const text = isvc("a").replace("        name: sklearn\n", "        name: sklearn\n      runtime: missing\n");

  it("the kserve-constructs.io/ignore annotation suppresses rules on its object, and the summary counts it", () => {
    const annotated = text.replace("  namespace: models", '  namespace: models\n  annotations:\n    kserve-constructs.io/ignore: "lint/runtime-missing, lint/other"');
    const report = lint([{ file: "a.yaml", text: annotated }]);
    expect(report.problems).toEqual([]);
    expect(report.suppressed).toEqual([{ rule: "lint/runtime-missing", object: "InferenceService/models/a", file: "a.yaml", via: "annotation", count: 1 }]);
    expect(formatText(report)).toContain("1 problem suppressed:\n  lint/runtime-missing on InferenceService/models/a (a.yaml): 1 by annotation kserve-constructs.io/ignore");
  });

  it("--ignore suppresses a rule everywhere, reported in the summary", () => {
    const r = run(["--ignore", "lint/runtime-missing", "-"], text);
    expect(r.code).toBe(0);
    expect(r.out).toContain("0 errors, 0 warnings in 1 object checked (1 read from 1 input); target KServe 0.20, CRDs kserve-0.20\n1 problem suppressed:\n  lint/runtime-missing on InferenceService/models/a (-): 1 by --ignore");
  });
});

describe("output and exit codes", () => {
  const text = isvc("a").replace("      storageUri", "      runtime: missing\n      storageUri");

  it("text: the library's problem format after the file, line and document", () => {
    const r = run(["-"], text);
    expect(r.code).toBe(1);
    expect(r.out.split("\n").slice(0, 4)).toEqual([
      "-:11 (document 0)",
      'InferenceService/models/a > spec.predictor.model.runtime = "missing"',
      '    no ServingRuntime "missing" in namespace models and no ClusterServingRuntime "missing" in the input [lint/runtime-missing]',
      "    fix: add the ServingRuntime to the input, or declare it with --assume-runtime NAME if it is installed on the cluster",
    ]);
  });

  it("json: object, file, document, line, path, value, rule, severity, message, fix", () => {
    const report = lint([{ file: "a.yaml", text }]);
    const json = JSON.parse(formatJson(report)) as { errors: number; problems: Record<string, unknown>[] };
    expect(json.errors).toBe(1);
    expect(json.problems[0]).toEqual({ object: "InferenceService/models/a", file: "a.yaml", documentIndex: 0, line: 11, objectLine: 1, path: "spec.predictor.model.runtime", value: "missing", rule: "lint/runtime-missing", severity: "error", message: 'no ServingRuntime "missing" in namespace models and no ClusterServingRuntime "missing" in the input', fix: "add the ServingRuntime to the input, or declare it with --assume-runtime NAME if it is installed on the cluster" });
  });

  it("sarif: SARIF 2.1.0 with the rule described and the problem at its file and line", () => {
    const sarif = JSON.parse(formatSarif(lint([{ file: "./deploy/a.yaml", text }]))) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string; defaultConfiguration: { level: string }; help: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    const runOf = sarif.runs[0]!;
    expect(runOf.tool.driver.name).toBe("kserve-constructs lint");
    expect(runOf.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level, r.help.text])).toEqual([["lint/runtime-missing", "error", "Fix: add the ServingRuntime to the input, or declare it with --assume-runtime NAME if it is installed on the cluster"]]);
    expect(runOf.results.map((r) => [r.ruleId, r.ruleIndex, r.level, r.locations[0]?.physicalLocation.artifactLocation.uri, r.locations[0]?.physicalLocation.region.startLine])).toEqual([["lint/runtime-missing", 0, "error", "deploy/a.yaml", 11]]);
    expect(runOf.results[0]?.message.text).toContain("InferenceService/models/a > spec.predictor.model.runtime: no ServingRuntime");
  });

  it("exit codes: 0 clean, 1 errors, 2 usage; --help; the main command line dispatches lint", async () => {
    expect(run(["-"], isvc("ok")).code).toBe(0);
    expect(run(["-"], text).code).toBe(1);
    expect(run([]).code).toBe(2);
    expect(run(["--format", "xml", "-"], text).code).toBe(2);
    expect(run(["--bogus", "-"], text).code).toBe(2);
    expect(run(["--target", "nope", "-"], text).err).toContain('--target "nope": not a target name');
    expect(run(["--help"]).out).toContain("usage: kserve-constructs lint [options] PATH...");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lint-main-")), "ok.yaml");
    fs.writeFileSync(file, isvc("ok"));
    const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(await main(["lint", file])).toBe(0);
    } finally {
      write.mockRestore();
    }
  });
});

describe("README: Linting a GitOps repository in CI", () => {
  const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Linting a GitOps repository in CI"));

  it("prints what the README shows for its example file", () => {
    const manifest = /For this file, `deploy\/granite.yaml`:\n\n```yaml\n([\s\S]*?)\n```/.exec(section)?.[1];
    const shown = /`npx kserve-constructs lint deploy\/granite.yaml` prints:\n\n```\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(manifest).toBeDefined();
    const report = lint([{ file: "deploy/granite.yaml", text: `${manifest ?? ""}\n` }]);
    expect(formatText(report)).toBe(`${shown ?? ""}\n`);
  });

  it("the workflow uploads the SARIF report", () => {
    expect(section).toContain("--format sarif deploy/ > lint.sarif");
    expect(section).toContain("github/codeql-action/upload-sarif@v3");
  });
});

describe("which runtime each InferenceService gets", () => {
  it("reports named, selected (with KServe's built-ins upstream) and missing runtimes", () => {
    const runtimeDoc = `apiVersion: serving.kserve.io/v1alpha1
kind: ServingRuntime
metadata: {name: local-sklearn, namespace: models}
spec:
  supportedModelFormats: [{name: sklearn, version: "1", autoSelect: true}]
  protocolVersions: [v1, v2]
  containers: [{name: kserve-container, image: registry.example/sk:1}]
`;
    const xgb = isvc("x").replace("name: sklearn", "name: xgboost");
    const named = isvc("n").replace("        name: sklearn\n", "        name: sklearn\n      runtime: local-sklearn\n");
    const report = lint([{ file: "a.yaml", text: [runtimeDoc, isvc("s"), xgb, named].join("---\n") }]);
    expect(report.problems).toEqual([]);
    expect(report.runtimes.map((r) => [r.object, r.runtime, r.how, r.builtIn])).toEqual([
      ["InferenceService/models/s", "ServingRuntime/models/local-sklearn", "selected", false],
      ["InferenceService/models/x", "ClusterServingRuntime/kserve-xgbserver", "selected", true],
      ["InferenceService/models/n", "ServingRuntime/models/local-sklearn", "named", false],
    ]);
    const odh = lint([{ file: "a.yaml", text: xgb }], { target: "openshift-ai-2.25" });
    expect(odh.runtimes.map((r) => [r.object, r.runtime])).toEqual([["InferenceService/models/x", undefined]]);
    expect(odh.problems.map((p) => [p.rule, p.path])).toEqual([["lint/no-runtime", "spec.predictor.model.modelFormat"]]);
    expect((JSON.parse(formatJson(report)) as { runtimes: unknown[] }).runtimes).toHaveLength(3);
  });
});

describe("the built-in ClusterServingRuntimes of each KServe release", () => {
  const asking = (format: string, version?: string): string => isvc("m").replace("        name: sklearn\n", `        name: ${format}\n${version !== undefined ? `        version: "${version}"\n` : ""}`);
  const chosen = (text: string, target: string): [string | undefined, string[]] => {
    const report = lint([{ file: "m.yaml", text }], { target });
    return [report.runtimes[0]?.runtime, report.problems.map((p) => p.rule)];
  };

  it("xgboost 1 and lightgbm 3 have their own servers up to 0.16; from 0.17 those serve 2 and 4", () => {
    expect(chosen(asking("xgboost", "1"), "0.15")).toEqual(["ClusterServingRuntime/kserve-xgbserver", []]);
    expect(chosen(asking("xgboost", "1"), "0.16")).toEqual(["ClusterServingRuntime/kserve-xgbserver", []]);
    expect(chosen(asking("xgboost", "1"), "0.17")).toEqual([undefined, ["lint/no-runtime"]]);
    expect(chosen(asking("xgboost", "2"), "0.17")).toEqual(["ClusterServingRuntime/kserve-xgbserver", []]);
    expect(chosen(asking("xgboost", "2"), "0.15")).toEqual([undefined, ["lint/no-runtime"]]);
    expect(chosen(asking("lightgbm", "3"), "0.15")).toEqual(["ClusterServingRuntime/kserve-lgbserver", []]);
    expect(chosen(asking("lightgbm", "4"), "0.20")).toEqual(["ClusterServingRuntime/kserve-lgbserver", []]);
  });

  it("vLLM and autogluon are built in from 0.20 (and on main), not before; OpenShift AI has no built-ins", () => {
    expect(chosen(asking("vLLM"), "0.20")).toEqual(["ClusterServingRuntime/kserve-vllmserver", []]);
    expect(chosen(asking("vLLM"), "kserve-0.21")).toEqual(["ClusterServingRuntime/kserve-vllmserver", []]);
    expect(chosen(asking("vLLM"), "0.17")).toEqual([undefined, ["lint/no-runtime"]]);
    expect(chosen(asking("autogluon", "1"), "0.20")).toEqual(["ClusterServingRuntime/kserve-autogluonserver", []]);
    expect(chosen(asking("autogluon", "1"), "0.19")).toEqual([undefined, ["lint/no-runtime"]]);
    expect(chosen(asking("sklearn", "1"), "openshift-ai-3.4")).toEqual([undefined, ["lint/no-runtime"]]);
  });

  it("the tables: names per release, and the facts of one runtime", () => {
    const names = (target: string): string[] => builtinRuntimes(lintTarget(target)).map((r) => r.name);
    expect(names("0.15")).toEqual(["kserve-huggingfaceserver", "kserve-huggingfaceserver-multinode", "kserve-lgbserver", "kserve-mlserver", "kserve-paddleserver", "kserve-pmmlserver", "kserve-sklearnserver", "kserve-tensorflow-serving", "kserve-torchserve", "kserve-tritonserver", "kserve-xgbserver"]);
    expect(names("0.17")).toEqual(["kserve-huggingfaceserver", "kserve-huggingfaceserver-multinode", "kserve-lgbserver", "kserve-mlserver", "kserve-paddleserver", "kserve-pmmlserver", "kserve-predictiveserver", "kserve-sklearnserver", "kserve-tensorflow-serving", "kserve-torchserve", "kserve-tritonserver", "kserve-xgbserver"]);
    expect(names("0.20")).toEqual(["kserve-autogluonserver", "kserve-huggingfaceserver", "kserve-huggingfaceserver-multinode", "kserve-lgbserver", "kserve-mlserver", "kserve-paddleserver", "kserve-pmmlserver", "kserve-predictiveserver", "kserve-sklearnserver", "kserve-tensorflow-serving", "kserve-torchserve", "kserve-tritonserver", "kserve-vllmserver", "kserve-xgbserver"]);
    expect(names("kserve-0.21")).toEqual(names("0.20"));
    expect(names("0.14")).not.toContain("kserve-huggingfaceserver-multinode");
    expect(names("openshift-ai-2.25")).toEqual([]);
    const multinode = builtinRuntimes(lintTarget("0.15")).find((r) => r.name === "kserve-huggingfaceserver-multinode");
    expect(multinode?.spec).toEqual({ supportedModelFormats: [{ name: "huggingface", version: "1", autoSelect: true, priority: 2 }], protocolVersions: ["v2", "v1"], workerSpec: {} });
    const vllm = builtinRuntimes(lintTarget("0.20")).find((r) => r.name === "kserve-vllmserver");
    expect(vllm?.spec).toEqual({ supportedModelFormats: [{ name: "vLLM", version: "1", autoSelect: true, priority: 1 }] });
    expect(BUILTIN_RUNTIMES.map((s) => [s.since, s.until])).toEqual([["0.8", "0.8"], ["0.9", "0.9"], ["0.10", "0.10"], ["0.11", "0.11"], ["0.12", "0.13"], ["0.14", "0.14"], ["0.15", "0.16"], ["0.17", "0.19"], ["0.20", undefined]]);
  });
});

describe("text output: the runtime of each InferenceService", () => {
  it("says which runtime each InferenceService gets and why", () => {
    const runtimeDoc = `apiVersion: serving.kserve.io/v1alpha1
kind: ServingRuntime
metadata: {name: local-sklearn, namespace: models}
spec:
  supportedModelFormats: [{name: sklearn, version: "1", autoSelect: true, priority: 5}]
  protocolVersions: [v1, v2]
  containers: [{name: kserve-container, image: registry.example/sk:1}]
`;
    const xgb = isvc("x").replace("name: sklearn", "name: xgboost");
    const named = isvc("n").replace("        name: sklearn\n", "        name: sklearn\n      runtime: local-sklearn\n");
    const missing = isvc("gone").replace("        name: sklearn\n", "        name: sklearn\n      runtime: elsewhere\n");
    const assumedName = isvc("as").replace("        name: sklearn\n", "        name: sklearn\n      runtime: cluster-only\n");
    const onnx = isvc("o").replace("name: sklearn", "name: unknown-format");
    const text = [runtimeDoc, isvc("s"), xgb, named, missing, assumedName, onnx].join("---\n");
    const report = lint([{ file: "a.yaml", text }], { target: "0.17", ignore: ["lint/runtime-missing"], assumeRuntimes: ["cluster-only"] });
    const out = formatText(report);
    const block = out.slice(out.indexOf("runtimes:\n"), out.indexOf("\n0 errors"));
    expect(block.split("\n")).toEqual([
      "runtimes:",
      '  InferenceService/models/s (a.yaml:9) -> ServingRuntime/models/local-sklearn: selected for format sklearn, protocol v1: lists the format with autoSelect, priority 5; first of 2 runtimes that match (namespace before cluster, then lowest protocol, name, highest priority)',
      '  InferenceService/models/x (a.yaml:21) -> ClusterServingRuntime/kserve-xgbserver: selected for format xgboost, protocol v1: lists the format with autoSelect, priority 1, installed by KServe 0.17; the only runtime that matches',
      "  InferenceService/models/n (a.yaml:33) -> ServingRuntime/models/local-sklearn: named in spec.predictor.model.runtime",
      "  InferenceService/models/gone (a.yaml:46) -> (none): named in spec.predictor.model.runtime; not in the input (lint/runtime-missing)",
      "  InferenceService/models/as (a.yaml:59) -> cluster-only: named in spec.predictor.model.runtime; declared with --assume-runtime",
      "  InferenceService/models/o (a.yaml:72) -> (none): no runtime of the input or of KServe 0.17's install matches format unknown-format, protocol v1; one declared with --assume-runtime (cluster-only) may",
    ]);
    expect(report.runtimes.map((r) => r.how)).toEqual(["selected", "selected", "named", "named", "assumed", "assumed"]);
    const none = formatText(lint([{ file: "o.yaml", text: onnx }], { target: "0.17" }));
    expect(none).toContain("runtimes:\n  InferenceService/models/o (o.yaml:1) -> (none): no runtime matches format unknown-format, protocol v1 (lint/no-runtime)\n");
    expect(formatText(lint([{ file: "r.yaml", text: runtimeDoc }]))).not.toContain("runtimes:");
  });
});

describe("schema errors of CRDs given with --crds", () => {
  it("reports oneOf forms that none or several branches match, and not", () => {
    const { SchemaSet } = jest.requireActual("../../src/lint") as typeof import("../../src/lint");
    const schema = {
      type: "object",
      properties: {
        apiVersion: { type: "string" },
        kind: { type: "string" },
        metadata: { type: "object" },
        spec: {
          type: "object",
          properties: { a: { type: "string" }, b: { type: "string" }, c: { type: "string" } },
          additionalProperties: false,
          oneOf: [{ required: ["a"] }, { required: ["b"] }],
          not: { required: ["c"] },
        },
      },
      additionalProperties: false,
    };
    const set = new SchemaSet("kserve-0.20", [{ group: "example.com", version: "v1", kind: "Thing", scope: "Namespaced", schema }]);
    const thing = (spec: Record<string, unknown>) => ({ apiVersion: "example.com/v1", kind: "Thing", metadata: { name: "t" }, spec });
    expect(set.validate(thing({ a: "x" }), "example.com/v1", "Thing")).toEqual([]);
    expect(set.validate(thing({ a: "x", b: "y" }), "example.com/v1", "Thing")?.map((p) => p.message)).toEqual(["matches 2 of the forms the schema allows only one of (oneOf)"]);
    expect(set.validate(thing({ c: "z" }), "example.com/v1", "Thing")?.map((p) => p.message)).toEqual(["has a form the schema forbids", "missing required field \"a\"", "missing required field \"b\""]);
  });
});
