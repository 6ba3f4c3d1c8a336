/**
 * The Pulumi components under Pulumi's mocks: the resource graph, exact inputs, validation (the same
 * errors as cdk8s), Output leaves and secrets, outputs, the program-wide target and registry.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import * as cdk8s from "kserve-constructs/cdk8s";
import { ValidationError } from "kserve-constructs";
import type { InferenceEngineProps, InferenceServiceProps, Manifest } from "kserve-constructs";
import { Accelerator, HardwareProfile, InferenceEngine, InferenceService, KServeProgram, KServeTarget, ModelLocation, ModelStorage, ServingRuntime } from "kserve-constructs/pulumi";
import { byKey, isSecretValue, manifests, registered, registeredOutputs, resetPulumi, settle, synthPulumi, urnOf, valueOf, pulumiError } from "../support/pulumi";
import { engineProps } from "../support/fixtures";
import { find, synthChart, validationError } from "../support/synth";
import { emitResource, typedResourceOf } from "../../src/pulumi/emit";

const root = path.resolve(__dirname, "../..");

/** cdk8s's error with the construct paths (`test/<id>`) shown as Pulumi resource names (`<id>`). */
function asPulumiNames(error: ValidationError): ValidationError {
  return new ValidationError(error.issues.map((i) => ({ ...i, where: i.where.replace(/^test\//, "") })));
}

const s3Props = { bucket: "models", endpoint: "https://minio.storage:9000", region: "eu-west-1" } as const;

beforeEach(() => resetPulumi());
afterAll(() => settle());

describe("resource graph", () => {
  it("one component per construct, children typed by kind, parented to their component, with the core's names", async () => {
    const engine = new InferenceEngine("engine", { ...engineProps(), namespace: "models" });
    const bucket = ModelStorage.s3("minio", { ...s3Props, namespace: "models", credentials: { secretName: "minio-creds" } });
    const claim = ModelStorage.pvc("store", { namespace: "models", create: { size: "10Gi" } });
    const granite = new InferenceService("granite", { namespace: "models", engine, model: bucket.path("granite/") });
    const raw = new ServingRuntime("raw", { scope: "cluster", spec: { supportedModelFormats: [{ name: "onnx", version: "1", autoSelect: true }], containers: [{ name: "kserve-container", image: "r/onnx:1" }] } });
    await settle();

    expect(registered().map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      "kserve-constructs:index:InferenceEngine engine",
      "kubernetes:serving.kserve.io/v1alpha1:ServingRuntime engine-ServingRuntime-engine",
      "kserve-constructs:index:ModelStorage minio",
      "kubernetes:core/v1:ServiceAccount minio-ServiceAccount-minio-sa",
      "kubernetes:core/v1:SecretPatch minio-Secret-minio-creds",
      "kserve-constructs:index:ModelStorage store",
      "kubernetes:core/v1:PersistentVolumeClaim store-PersistentVolumeClaim-store",
      "kserve-constructs:index:InferenceService granite",
      "kubernetes:serving.kserve.io/v1beta1:InferenceService granite-InferenceService-granite",
      "kserve-constructs:index:ServingRuntime raw",
      "kubernetes:serving.kserve.io/v1alpha1:ClusterServingRuntime raw-ClusterServingRuntime-raw",
    ].sort());
    const components = [engine, bucket, claim, granite, raw];
    for (const component of components) {
      const parentChain = (await urnOf(component)).split("::")[2] as string;
      for (const child of component.resources) expect((await urnOf(child)).split("::")[2]?.startsWith(`${parentChain}$kubernetes:`)).toBe(true);
    }
    expect((await urnOf(bucket.resources[1] as pulumi.Resource)).endsWith("::kserve-constructs:index:ModelStorage$kubernetes:core/v1:SecretPatch::minio-Secret-minio-creds")).toBe(true);
    expect(components.map((c) => c.resources.length)).toEqual([1, 2, 1, 1, 1]);
  });

  it("children get exactly the objects cdk8s synthesizes: custom resources, typed ServiceAccount and PVC, a data-less Secret patch", async () => {
    const define = {
      engine: (props: InferenceEngineProps) => props,
      service: (props: Omit<InferenceServiceProps, "engine" | "model">) => props,
    };
    const expected = synthChart((chart) => {
      const engine = new cdk8s.InferenceEngine(chart, "engine", define.engine(engineProps()));
      const bucket = cdk8s.ModelStorage.s3(chart, "minio", { ...s3Props, credentials: { secretName: "minio-creds" } });
      cdk8s.ModelStorage.pvc(chart, "store", { create: { size: "10Gi", storageClassName: "fast" } });
      new cdk8s.InferenceService(chart, "granite", { engine, model: bucket.path("granite/"), ...define.service({ scaling: { min: 1, max: 2 } }) });
    });
    const actual = await synthPulumi(() => {
      const engine = new InferenceEngine("engine", { ...define.engine(engineProps()), namespace: "models" });
      const bucket = ModelStorage.s3("minio", { ...s3Props, namespace: "models", credentials: { secretName: "minio-creds" } });
      ModelStorage.pvc("store", { namespace: "models", create: { size: "10Gi", storageClassName: "fast" } });
      new InferenceService("granite", { namespace: "models", engine, model: bucket.path("granite/"), ...define.service({ scaling: { min: 1, max: 2 } }) });
    });
    expect(byKey(actual)).toEqual(byKey(expected));
    const patch = registered().find((r) => r.type === "kubernetes:core/v1:SecretPatch");
    expect(patch?.inputs).toEqual({
      apiVersion: "v1",
      kind: "Secret",
      metadata: {
        name: "minio-creds",
        namespace: "models",
        annotations: {
          "serving.kserve.io/s3-endpoint": "minio.storage:9000",
          "serving.kserve.io/s3-region": "eu-west-1",
          "serving.kserve.io/s3-usehttps": "1",
          // GitOps: the overlay never prunes, deletes or takes over the real Secret (the same in cdk8s)
          "argocd.argoproj.io/compare-options": "IgnoreExtraneous",
          "argocd.argoproj.io/sync-options": "Prune=false,Delete=false",
          "kustomize.toolkit.fluxcd.io/prune": "disabled",
          "kustomize.toolkit.fluxcd.io/ssa": "Merge",
        },
      },
    });
    expect(registered().find((r) => r.type === "kubernetes:core/v1:ServiceAccount")?.inputs).toEqual({
      apiVersion: "v1",
      kind: "ServiceAccount",
      automountServiceAccountToken: false,
      metadata: { name: "minio-sa", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } },
      secrets: [{ name: "minio-creds" }],
    });
    // the engine receives the cdk8s object plus the provider's await annotations (pulumi up waits until Ready)
    const isvc = find(expected, "InferenceService") as Manifest;
    expect(registered().find((r) => r.type === "kubernetes:serving.kserve.io/v1beta1:InferenceService")?.inputs).toEqual({
      ...isvc,
      metadata: { ...isvc.metadata, annotations: { ...isvc.metadata.annotations, "pulumi.com/waitFor": "condition=Ready", "pulumi.com/timeoutSeconds": "600" } },
    });
  });

  it("hardware profiles, vLLM presets and existing runtimes", async () => {
    KServeTarget.setDefault({ openshiftAI: { version: "3.4" } });
    const expected = synthChart(
      (chart) => {
        const a100 = new cdk8s.HardwareProfile(chart, "a100", { accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8 }), cpu: { min: 2, default: 8, max: 32 }, memory: { min: "16Gi", default: "64Gi", max: "256Gi" } });
        const vllm = cdk8s.InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia", image: "quay.io/modh/vllm:rhoai-3.4-cuda" });
        new cdk8s.InferenceService(chart, "granite", { engine: vllm, model: ModelLocation.fromUri("pvc://models/granite"), hardware: a100.request({ accelerators: 2 }) });
        new cdk8s.InferenceService(chart, "iris", { engine: cdk8s.ServingRuntime.fromName("kserve-sklearnserver", { modelFormats: [{ name: "sklearn", version: "1", autoSelect: true }] }), model: ModelLocation.fromUri("gs://b/iris") });
      },
      { target: { openshiftAI: { version: "3.4" } } },
    );
    const actual = await synthPulumi(() => {
      const a100 = new HardwareProfile("a100", { accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8 }), cpu: { min: 2, default: 8, max: 32 }, memory: { min: "16Gi", default: "64Gi", max: "256Gi" } });
      const vllm = InferenceEngine.vllm("vllm", { accelerator: "nvidia", image: "quay.io/modh/vllm:rhoai-3.4-cuda", namespace: "models" });
      new InferenceService("granite", { namespace: "models", engine: vllm, model: ModelLocation.fromUri("pvc://models/granite"), hardware: a100.request({ accelerators: 2 }) });
      new InferenceService("iris", { namespace: "models", engine: ServingRuntime.fromName("kserve-sklearnserver", { modelFormats: [{ name: "sklearn", version: "1", autoSelect: true }] }), model: ModelLocation.fromUri("gs://b/iris") });
    });
    expect(new Set(actual.map((m) => m.kind))).toEqual(new Set(["HardwareProfile", "ServingRuntime", "InferenceService"]));
    expect(byKey(actual)).toEqual(byKey(expected));
  });

  it("any built-in kind a core build renders gets its typed resource; other groups are custom resources", async () => {
    expect([typedResourceOf("v1", "ServiceAccount"), typedResourceOf("batch/v1", "Job"), typedResourceOf("rbac.authorization.k8s.io/v1", "RoleBinding")]).toEqual([k8s.core.v1.ServiceAccount, k8s.batch.v1.Job, k8s.rbac.v1.RoleBinding]);
    expect([typedResourceOf("serving.kserve.io/v1beta1", "InferenceService"), typedResourceOf("apps.nvidia.com/v1alpha1", "NIMService"), typedResourceOf("v1", "NoSuchKind")]).toEqual([undefined, undefined, undefined]);
    const job = emitResource("job", "batch/v1", "Job", { metadata: { name: "j" }, spec: { template: {} } }, {});
    const role = emitResource("role", "rbac.authorization.k8s.io/v1", "Role", { metadata: { name: "r" }, rules: [] }, {});
    expect([job instanceof k8s.batch.v1.Job, role instanceof k8s.rbac.v1.Role]).toEqual([true, true]);
    await settle();
    expect(registered().map((r) => [r.type, r.inputs["kind"]])).toEqual([
      ["kubernetes:batch/v1:Job", "Job"],
      ["kubernetes:rbac.authorization.k8s.io/v1:Role", "Role"],
    ]);
    expect(() => emitResource("x", "v1", "NoSuchKind", {}, {})).toThrow("kserve-constructs: @pulumi/kubernetes has no resource for v1 NoSuchKind");
  });
});

describe("validation", () => {
  it("plain args: the constructor throws cdk8s's ValidationError, every problem in its message", () => {
    const bad: Partial<InferenceServiceProps> = { name: "a".repeat(50), scaling: { min: 3, max: 1 } };
    const expected = asPulumiNames(validationError((chart) => new cdk8s.InferenceService(chart, "granite", { engine: new cdk8s.InferenceEngine(chart, "engine", engineProps()), model: ModelLocation.fromUri("s3://b/m/"), ...bad }), { chart: { namespace: "production-models" } }));
    const engine = new InferenceEngine("engine", { ...engineProps(), namespace: "production-models" });
    const error = pulumiError(() => new InferenceService("granite", { namespace: "production-models", engine, model: ModelLocation.fromUri("s3://b/m/"), ...bad }));
    expect(error.issues.length).toBeGreaterThanOrEqual(2);
    expect(error.issues).toEqual(expected.issues);
    expect(error.message).toBe(expected.message);
    expect(error.message).toMatch(/^kserve-constructs found \d+ problems:\n1\. granite > /);
  });

  it("engine rules too, with the same rule ids, paths, messages and fixes", () => {
    const bad: Partial<InferenceEngineProps> = { args: ["--model={{model}}"], port: 70000 };
    const expected = asPulumiNames(validationError((chart) => new cdk8s.InferenceEngine(chart, "engine", engineProps(bad))));
    const error = pulumiError(() => new InferenceEngine("engine", { ...engineProps(bad), namespace: "models" }));
    expect(error.message).toBe(expected.message);
  });

  it("Output leaves: checks that do not need them run at construction, with the Outputs shown as {path}", () => {
    const error = pulumiError(() => ModelStorage.s3("s", { bucket: "b1b", namespace: pulumi.output("models"), credentials: { secretName: pulumi.secret("creds"), irsaRoleArn: "arn:aws:iam::123456789012:role/x" } }));
    expect(error.issues).toEqual([
      expect.objectContaining({ where: "s", path: "credentials", rule: "storage/s3-credentials", value: { secretName: "{credentials.secretName}", irsaRoleArn: "arn:aws:iam::123456789012:role/x" } }),
    ]);
  });

  it("Output leaves: the checks that need them run once they are known, and fail the program with the ValidationError's message (secrets masked)", () => {
    // Pulumi fails a program through an unhandled rejection (as `pulumi up` does), so this runs in a process of its own.
    const script = `
      const pulumi = require("@pulumi/pulumi");
      pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs });
      const { InferenceEngine, InferenceService, ModelLocation } = require("kserve-constructs/pulumi");
      const engine = new InferenceEngine("engine", { namespace: "models", versions: { "1": { image: { cpu: "r/e:1" } } }, args: ["--port={{port}}"], protocol: "openai", modelFormats: [{ name: "f" }] });
      new InferenceService("granite", { namespace: pulumi.output("x".repeat(60)), engine, model: ModelLocation.fromUri("s3://b/m/"), env: { API_KEY: pulumi.secret("s3cr3t-{{.Secret}}") } });`;
    let stderr = "";
    try {
      execFileSync(process.execPath, [require.resolve("tsx/cli"), "-e", script], { cwd: root, stdio: "pipe", encoding: "utf8" });
    } catch (error) {
      stderr = String((error as { stderr?: unknown }).stderr);
    }
    expect(stderr).toContain("kserve-constructs found 3 problems:\n1. granite > metadata.name = \"granite\"");
    expect(stderr).toContain(`KServe derives the host name label "granite-predictor-${"x".repeat(60)}" (78 characters)`);
    expect(stderr).toContain('ServingRuntime "engine" is in namespace models, and KServe looks for namespaced runtimes in the InferenceService\'s namespace');
    // the value of a Pulumi secret never appears in a message
    expect(stderr).toContain('3. granite > spec.predictor.model.env[0].value = "[secret]"\n    "{{.Secret}}" is not a placeholder KServe substitutes');
    expect(stderr).not.toContain("s3cr3t");
  }, 30_000);

  it("program-wide checks: object names unique per kind and namespace, runtimes competing for a format", () => {
    ModelStorage.pvc("a", { namespace: "models", create: { size: "1Gi" }, claimName: "shared" });
    expect(pulumiError(() => ModelStorage.pvc("b", { namespace: "models", create: { size: "1Gi" }, claimName: "shared" })).issues).toEqual([
      expect.objectContaining({ where: "b", rule: "app/unique-name", message: 'PersistentVolumeClaim "shared" in namespace models is also defined by a; one would overwrite the other' }),
    ]);
    const formats = { protocol: "v2" as const, modelFormats: [{ name: "onnx", version: "1", autoSelect: true, priority: 1 }] };
    new InferenceEngine("one", { ...engineProps(formats), namespace: "models" });
    expect(pulumiError(() => new InferenceEngine("two", { ...engineProps(formats), namespace: "models" })).issues.map((i) => i.rule)).toEqual(["runtime/format-conflict"]);
    KServeProgram.reset();
    expect(() => new InferenceEngine("two", { ...engineProps(formats), namespace: "models" })).not.toThrow();
  });

  it("program-wide checks see Output values once they are known", async () => {
    ModelStorage.pvc("a", { namespace: "models", create: { size: "1Gi" }, claimName: "shared" });
    const later = ModelStorage.pvc("b", { namespace: pulumi.output("other"), create: { size: "1Gi" }, claimName: "shared" });
    await expect(valueOf(later.objects)).resolves.toEqual(["PersistentVolumeClaim/shared"]);
    expect(KServeProgram.registry.claim("c", [{ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "shared", namespace: "other" } }])).toEqual([
      expect.objectContaining({ rule: "app/unique-name", message: 'PersistentVolumeClaim "shared" in namespace other is also defined by b; one would overwrite the other' }),
    ]);
  });
});

describe("Output leaves", () => {
  const plainProgram = (): void => {
    const engine = new InferenceEngine("engine", { ...engineProps({ versions: { "1.0.0": { image: { cpu: "r/engine:1" } }, "2.0.0": { image: { cpu: "r/engine:2" } } }, defaultVersion: "2.0.0" }), namespace: "models" });
    const bucket = ModelStorage.s3("minio", { ...s3Props, namespace: "models", serviceAccountName: "reader", credentials: { secretName: "creds" } });
    new InferenceService("granite", { namespace: "models", engine, engineVersion: "1.0.0", model: bucket.path("granite/"), env: { SETTING: "t0ken" }, imagePullSecrets: ["pull"] });
  };

  it("resolve to the same manifests as plain values, and Pulumi secrets stay secret", async () => {
    const expected = await synthPulumi(plainProgram);
    await resetPulumi();
    const ns = pulumi.output("models");
    const sa = pulumi.output("reader");
    let engine!: InferenceEngine, bucket!: ModelStorage, granite!: InferenceService;
    const actual = await synthPulumi(() => {
      engine = new InferenceEngine("engine", {
        ...engineProps({ defaultVersion: "2.0.0" }),
        versions: { "1.0.0": { image: { cpu: pulumi.output("r/engine:1") } }, "2.0.0": { image: { cpu: Promise.resolve("r/engine:2") } } },
        namespace: ns,
      });
      bucket = ModelStorage.s3("minio", { ...s3Props, namespace: pulumi.output("models"), serviceAccountName: sa, credentials: { secretName: pulumi.secret("creds") } });
      granite = new InferenceService("granite", { namespace: ns.apply((n) => n), engine, engineVersion: "1.0.0", model: bucket.path("granite/"), env: { SETTING: pulumi.secret("t0ken") }, imagePullSecrets: [pulumi.output("pull")] });
    });
    expect(byKey(actual)).toEqual(byKey(expected));

    const inputs = (type: string): Record<string, unknown> => registered().find((r) => r.type === type)?.inputs ?? {};
    const isvc = inputs("kubernetes:serving.kserve.io/v1beta1:InferenceService");
    expect([isSecretValue(isvc["metadata"]), isSecretValue(isvc["spec"])]).toEqual([false, true]);
    const account = inputs("kubernetes:core/v1:ServiceAccount");
    expect([isSecretValue(account["metadata"]), isSecretValue(account["secrets"])]).toEqual([false, true]);
    expect(isSecretValue(inputs("kubernetes:core/v1:SecretPatch")["metadata"])).toBe(true);
    const runtime = inputs("kubernetes:serving.kserve.io/v1alpha1:ServingRuntime");
    expect([isSecretValue(runtime["metadata"]), isSecretValue(runtime["spec"])]).toEqual([false, false]);
    expect(await pulumi.isSecret((bucket.resources[0] as k8s.core.v1.ServiceAccount).secrets)).toBe(true);
    expect(registered().map((r) => r.name)).toContain("minio-Secret-{credentials.secretName}");
    expect(await valueOf(granite.objects)).toEqual(["InferenceService/granite"]);
    expect(await valueOf(engine.namespace)).toBe("models");
  });

  it("namespaces given as different Outputs of the same value are compared once known", async () => {
    const actual = await synthPulumi(() => {
      const engine = new InferenceEngine("engine", { ...engineProps(), namespace: pulumi.output("models") });
      new InferenceService("granite", { namespace: pulumi.output("models"), engine, model: ModelLocation.fromUri("s3://b/m/") });
    });
    expect(actual.map((m) => `${m.kind}/${m.metadata.namespace}/${m.metadata.name}`)).toEqual(["ServingRuntime/models/engine", "InferenceService/models/granite"]);
  });
});

describe("outputs", () => {
  it("registerOutputs: names, namespace, objects, runtime kind and the InferenceService's status.url", async () => {
    const outputs = await registeredOutputs(() => {
      const engine = new InferenceEngine("engine", { ...engineProps(), namespace: "models" });
      const bucket = ModelStorage.huggingFace("hub", { namespace: pulumi.output("models"), tokenSecret: "hf" });
      const granite = new InferenceService("granite", { namespace: "models", engine, model: bucket.path("org/model") });
      return [engine, bucket, granite];
    });
    expect(outputs).toEqual([
      { runtimeName: "engine", runtimeKind: "ServingRuntime", namespace: "models", objects: ["ServingRuntime/engine"] },
      { storageName: "hub", serviceAccountName: "hub-sa", claimName: undefined, namespace: "models", objects: ["ServiceAccount/hub-sa"] },
      { serviceName: "granite", namespace: "models", objects: ["InferenceService/granite"], url: undefined },
    ]);
  });

  it("url is KServe's status.url once the provider reports it", async () => {
    await resetPulumi();
    void pulumi.runtime.setMocks({
      newResource: (args) => ({ id: args.name, state: args.type.endsWith(":InferenceService") ? { ...args.inputs, status: { url: "https://granite.models.example.com" } } : args.inputs }),
      call: (args) => args.inputs,
    });
    const engine = new InferenceEngine("engine", { ...engineProps(), namespace: "models" });
    const granite = new InferenceService("granite", { namespace: "models", engine, model: ModelLocation.fromUri("s3://b/m/") });
    expect(await valueOf(granite.url)).toBe("https://granite.models.example.com");
  });
});

describe("preview and warnings", () => {
  it("under preview, Outputs not known yet leave the children's fields unknown, and nothing fails", async () => {
    await resetPulumi({ preview: true });
    const namespace = pulumi.output(pulumi.unknown) as unknown as pulumi.Output<string>;
    const engine = new InferenceEngine("engine", { ...engineProps(), scope: "cluster" });
    const granite = new InferenceService("granite", { namespace, engine, model: ModelLocation.fromUri("s3://b/m/") });
    await settle();
    expect(registered().map((r) => r.name).sort()).toEqual(["engine", "engine-ClusterServingRuntime-engine", "granite", "granite-InferenceService-granite"]);
    const isvc = registered().find((r) => r.name === "granite-InferenceService-granite")?.inputs ?? {};
    expect(isvc["kind"]).toBe("InferenceService");
    expect(pulumi.isUnknown(isvc["metadata"])).toBe(true);
    expect(isvc["spec"]).toEqual(expect.objectContaining({ predictor: expect.anything() }));
    expect(await (granite.objects as unknown as { isKnown: Promise<boolean> }).isKnown).toBe(false);
  });

  it("warnings go to Pulumi's log, each once, for plain and Output args", async () => {
    const warn = jest.spyOn(pulumi.log, "warn").mockImplementation(() => Promise.resolve());
    try {
      const engine = new InferenceEngine("engine", { ...engineProps(), namespace: "models" });
      const oci = ModelStorage.oci("oci", { registry: "quay.io/acme", namespace: "models" });
      new InferenceService("granite", { namespace: "models", engine, model: oci.path("granite") });
      new InferenceService("llama", { namespace: pulumi.output("models"), engine, model: oci.path("llama") });
      await settle();
      const texts = warn.mock.calls.map((call) => call[0]);
      expect(texts.filter((t) => t.includes("[storage/oci-tag]")).map((t) => t.split("\n")[0])).toEqual(['granite > spec.predictor.model.storageUri = "oci://quay.io/acme/granite"', 'llama > spec.predictor.model.storageUri = "oci://quay.io/acme/llama"']);
    } finally {
      warn.mockRestore();
    }
  });
});

describe("packaging", () => {
  it("the core and the cdk8s constructs never load @pulumi (a cdk8s user does not need it)", () => {
    const script = `require("kserve-constructs/cdk8s"); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes("@pulumi"))));`;
    const loaded = execFileSync(process.execPath, [require.resolve("tsx/cli"), "-e", script], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(loaded)).toEqual([]);
    const script2 = `require("kserve-constructs/pulumi"); console.log(Object.keys(require.cache).some((k) => k.includes("@pulumi")));`;
    expect(execFileSync(process.execPath, [require.resolve("tsx/cli"), "-e", script2], { cwd: root, encoding: "utf8" }).trim()).toBe("true");
  }, 30_000);
});

describe("target", () => {
  it("KServeTarget.setDefault applies to every component; a component's target overrides it; reset forgets it", async () => {
    KServeTarget.setDefault({ kserveVersion: "0.15" });
    const modes = await synthPulumi(() => {
      const engine = new InferenceEngine("engine", { ...engineProps(), namespace: "models" });
      new InferenceService("old", { namespace: "models", engine, model: ModelLocation.fromUri("s3://b/m/") });
      new InferenceService("new", { namespace: "models", engine, model: ModelLocation.fromUri("s3://b/m/"), target: { kserveVersion: "0.16" } });
    });
    const mode = (name: string): string | undefined => find(modes, "InferenceService", name).metadata.annotations?.["serving.kserve.io/deploymentMode"];
    expect([mode("old"), mode("new")]).toEqual(["RawDeployment", "Standard"]);
    KServeProgram.reset();
    expect(KServeTarget.getDefault()).toEqual({});
    expect(manifests().length).toBe(3);
  });
});
