import * as fs from "fs";
import * as path from "path";
import { Chart, Cron, Duration, Size, Testing } from "cdk8s";
import * as kplus from "cdk8s-plus-28";
import {
  assertConformant,
  celRules,
  ConformanceProblem,
  crdsAvailable,
  describeIfCrds,
  formatProblem,
  SHARED_CRDS_DIR,
  validateAll,
  validateObject,
} from "../support/conformance";

type Obj = Record<string, unknown>;

/** Paths of the problems, for compact assertions. */
const paths = (problems: ConformanceProblem[]): string[] => problems.map((p) => p.path);

function problemAt(problems: ConformanceProblem[], at: string): ConformanceProblem {
  const found = problems.find((p) => p.path === at);
  if (!found) throw new Error(`no problem at ${at}; got:\n${problems.map(formatProblem).join("\n") || "(none)"}`);
  return found;
}

describe("SHARED_CRDS_DIR", () => {
  it("is ../shared/crds next to the project root", () => {
    const projectRoot = path.resolve(__dirname, "../..");
    expect(fs.existsSync(path.join(projectRoot, "package.json"))).toBe(true);
    if (!process.env.KSERVE_CONFORMANCE_CRDS_DIR) {
      expect(SHARED_CRDS_DIR).toBe(path.resolve(projectRoot, "../shared/crds"));
    }
    expect(crdsAvailable()).toBe(fs.existsSync(path.join(SHARED_CRDS_DIR, "kserve")));
  });
});

// ---------------------------------------------------------------------------
// Built-in kinds: kubernetes-models, always run

describe("built-in Kubernetes kinds", () => {
  const serviceAccount = (extra: Obj = {}): Obj => ({
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { name: "granite-sa", namespace: "models" },
    automountServiceAccountToken: false,
    ...extra,
  });
  const secret: Obj = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "storage-config", namespace: "models", labels: { "app.kubernetes.io/name": "granite" } },
    type: "Opaque",
    stringData: { AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "y" },
  };
  const pvc = (storage: unknown = "10Gi"): Obj => ({
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name: "model-cache", namespace: "models" },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage } }, storageClassName: "gp3" },
  });
  const deployment = (container: Obj = {}): Obj => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "models" },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          containers: [
            { name: "main", image: "nginx", ports: [{ containerPort: 8080 }], resources: { limits: { cpu: 1, memory: "1Gi" } } },
            { name: "sidecar", image: "busybox", ...container },
          ],
        },
      },
    },
  });

  it("accepts valid ServiceAccount, Secret and PersistentVolumeClaim", () => {
    expect(validateAll([serviceAccount(), secret, pvc()])).toEqual([]);
  });

  it("accepts what cdk8s-plus-28 synthesizes for the common kinds (no false unknown fields)", () => {
    const app = Testing.app();
    const chart = new Chart(app, "c", { namespace: "models" });
    const sa = new kplus.ServiceAccount(chart, "sa");
    const cm = new kplus.ConfigMap(chart, "cm", { data: { a: "b" } });
    const sec = new kplus.Secret(chart, "sec", { stringData: { k: "v" } });
    const claim = new kplus.PersistentVolumeClaim(chart, "pvc", {
      storage: Size.gibibytes(10),
      accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
    });
    const dep = new kplus.Deployment(chart, "dep", {
      serviceAccount: sa,
      containers: [
        {
          image: "nginx",
          portNumber: 8080,
          envVariables: {
            A: kplus.EnvValue.fromValue("1"),
            B: kplus.EnvValue.fromConfigMap(cm, "a"),
            C: kplus.EnvValue.fromSecretValue({ secret: sec, key: "k" }),
          },
          resources: {
            cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.units(1) },
            memory: { request: Size.mebibytes(128), limit: Size.gibibytes(1) },
          },
          liveness: kplus.Probe.fromHttpGet("/healthz"),
          volumeMounts: [{ path: "/data", volume: kplus.Volume.fromPersistentVolumeClaim(chart, "vol", claim) }],
        },
      ],
    });
    dep.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });
    new kplus.Job(chart, "job", { containers: [{ image: "busybox", command: ["true"] }], ttlAfterFinished: Duration.minutes(5) });
    new kplus.CronJob(chart, "cron", { schedule: Cron.daily(), containers: [{ image: "busybox" }] });
    const role = new kplus.Role(chart, "role");
    role.allowRead(sec);
    new kplus.RoleBinding(chart, "rb", { role }).addSubjects(sa);
    new kplus.Namespace(chart, "ns");
    new kplus.NetworkPolicy(chart, "np", {});
    new kplus.StatefulSet(chart, "ss", { containers: [{ image: "x", portNumber: 80 }] });

    const objects: unknown[] = Testing.synth(chart);
    const kinds = new Set(objects.map((o) => (o as Obj).kind));
    for (const kind of ["ServiceAccount", "ConfigMap", "Secret", "PersistentVolumeClaim", "Deployment", "Service", "Job", "Role", "RoleBinding", "Namespace"]) {
      expect(kinds).toContain(kind);
    }
    expect(validateAll(objects)).toEqual([]);
  });

  it("rejects unknown fields, at the top and deep inside a pod template", () => {
    expect(validateObject(serviceAccount({ bogus: 1 }))).toEqual([
      { object: "ServiceAccount/models/granite-sa", path: "bogus", message: 'unknown field "bogus"' },
    ]);
    const problems = validateObject(deployment({ foo: { bar: 1 }, ports: [{ containerPort: 9090, protocolx: "TCP" }] }));
    expect(paths(problems).sort()).toEqual([
      "spec.template.spec.containers[1].foo",
      "spec.template.spec.containers[1].ports[0].protocolx",
    ]);
  });

  it("rejects values of the wrong type", () => {
    expect(validateObject(serviceAccount({ automountServiceAccountToken: "yes" }))).toEqual([
      {
        object: "ServiceAccount/models/granite-sa",
        path: "automountServiceAccountToken",
        message: 'expected boolean, got string "yes"',
      },
    ]);
    expect(paths(validateObject(pvc(true)))).toEqual(["spec.resources.requests.storage"]);
    expect(paths(validateObject({ ...secret, data: { key: 42 } }))).toEqual(["data.key"]);
  });

  it("accepts int-or-string quantities as numbers and strings", () => {
    expect(validateObject(pvc("10Gi"))).toEqual([]);
    expect(validateObject(pvc(1073741824))).toEqual([]);
  });

  it("reports a type error and an unknown field in the same object", () => {
    const problems = validateObject(deployment({ image: 7, extra: true }));
    expect(paths(problems).sort()).toEqual(["spec.template.spec.containers[1].extra", "spec.template.spec.containers[1].image"]);
  });

  it("rejects a missing required field", () => {
    const noSelector = deployment();
    delete (noSelector.spec as Obj).selector;
    expect(problemAt(validateObject(noSelector), "spec.selector").message).toBe('missing required field "selector"');
  });

  it("rejects unknown kinds and API versions", () => {
    const bogusKind = validateObject({ apiVersion: "v1", kind: "ServiceAcount", metadata: { name: "x" } });
    expect(bogusKind).toHaveLength(1);
    expect(bogusKind[0]?.path).toBe("kind");
    expect(bogusKind[0]?.message).toMatch(/unknown kind.*v1 ServiceAcount/);
    expect(paths(validateObject({ apiVersion: "apps/v2", kind: "Deployment", metadata: { name: "x" } }))).toEqual(["kind"]);
    expect(paths(validateObject({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "x" } }))).toEqual(["kind"]);
    expect(paths(validateObject({ kind: "ServiceAccount", metadata: { name: "x" } }))).toEqual(["apiVersion"]);
    expect(validateObject("not an object")[0]?.message).toMatch(/expected a Kubernetes object/);
  });

  describe("metadata", () => {
    it("rejects unknown metadata keys", () => {
      expect(validateObject(serviceAccount({ metadata: { name: "sa", lables: { a: "b" } } }))).toEqual([
        { object: "ServiceAccount/sa", path: "metadata.lables", message: 'unknown field "lables"' },
      ]);
    });

    it("rejects non-string label and annotation values", () => {
      const problems = validateObject(
        serviceAccount({ metadata: { name: "sa", labels: { replicas: 3 }, annotations: { "example.com/enabled": true } } }),
      );
      expect(paths(problems).sort()).toEqual(['metadata.annotations["example.com/enabled"]', "metadata.labels.replicas"]);
      expect(problemAt(problems, "metadata.labels.replicas").message).toBe("expected string, got integer 3");
    });

    it("checks name and label syntax like the API server", () => {
      expect(paths(validateObject(serviceAccount({ metadata: { namespace: "models" } })))).toEqual(["metadata.name"]);
      expect(paths(validateObject(serviceAccount({ metadata: { name: "Granite_SA" } })))).toEqual(["metadata.name"]);
      expect(paths(validateObject(serviceAccount({ metadata: { name: "sa", labels: { app: "has spaces" } } })))).toEqual([
        "metadata.labels.app",
      ]);
      expect(paths(validateObject(serviceAccount({ metadata: { name: "sa", labels: { "bad key!": "x" } } })))).toEqual([
        'metadata.labels["bad key!"]',
      ]);
      expect(validateObject(serviceAccount({ metadata: { generateName: "sa-" } }))).toEqual([]);
    });
  });

  it("rejects values that are not JSON and ignores undefined properties", () => {
    expect(validateObject(serviceAccount({ automountServiceAccountToken: undefined }))).toEqual([]);
    expect(paths(validateObject(serviceAccount({ secrets: [{ name: "a" }, undefined] })))).toContain("secrets[1]");
    expect(problemAt(validateObject(serviceAccount({ automountServiceAccountToken: () => true })), "automountServiceAccountToken").message).toMatch(
      /not a JSON value/,
    );
    expect(validateObject(Object.freeze(serviceAccount()))).toEqual([]);
  });

  it("validateAll reports duplicates and formatProblem names object, path and problem", () => {
    const problems = validateAll([serviceAccount(), serviceAccount({ bogus: 1 }), secret]);
    expect(problems.map(formatProblem)).toEqual([
      'ServiceAccount/models/granite-sa: bogus: unknown field "bogus"',
      "ServiceAccount/models/granite-sa: duplicate object: items [0] and [1] have the same kind, namespace and name",
    ]);
    expect(() => assertConformant([serviceAccount({ bogus: 1 })])).toThrow(/ServiceAccount\/models\/granite-sa: bogus: unknown field "bogus"/);
  });
});

// ---------------------------------------------------------------------------
// Custom resources: upstream CRDs in ../shared/crds

describeIfCrds("custom resources (../shared/crds)", () => {
  const isvc = (model: Obj = {}, predictor: Obj = {}, extra: Obj = {}): Obj => ({
    apiVersion: "serving.kserve.io/v1beta1",
    kind: "InferenceService",
    metadata: { name: "granite", namespace: "models", annotations: { "serving.kserve.io/deploymentMode": "Standard" } },
    spec: {
      predictor: { model: { modelFormat: { name: "sklearn" }, storageUri: "s3://bucket/iris", ...model }, ...predictor },
    },
    ...extra,
  });

  describe("InferenceService", () => {
    it("accepts a minimal valid InferenceService", () => {
      expect(validateObject(isvc())).toEqual([]);
    });

    it("rejects an unknown field and names its path", () => {
      const problems = validateObject(isvc({ foo: "bar" }));
      expect(problems).toEqual([
        { object: "InferenceService/models/granite", path: "spec.predictor.model.foo", message: 'unknown field "foo"' },
      ]);
      expect(formatProblem(problems[0] as ConformanceProblem)).toBe(
        'InferenceService/models/granite: spec.predictor.model.foo: unknown field "foo"',
      );
      expect(paths(validateObject(isvc({}, {}, { bogus: 1 })))).toEqual(["bogus"]);
    });

    it("rejects a wrong type", () => {
      const problems = validateObject(isvc({}, { minReplicas: "two" }));
      expect(problems).toEqual([
        { object: "InferenceService/models/granite", path: "spec.predictor.minReplicas", message: 'expected integer, got string "two"' },
      ]);
      expect(paths(validateObject(isvc({}, { minReplicas: 1.5 })))).toEqual(["spec.predictor.minReplicas"]);
      expect(paths(validateObject(isvc({ storageUri: null })))).toEqual(["spec.predictor.model.storageUri"]);
    });

    it("rejects missing required fields", () => {
      expect(validateObject({ ...isvc(), spec: {} })).toEqual([
        { object: "InferenceService/models/granite", path: "spec.predictor", message: 'missing required field "predictor"' },
      ]);
      expect(paths(validateObject(isvc({ modelFormat: { version: "1" } })))).toEqual(["spec.predictor.model.modelFormat.name"]);
      // spec.canary[].predictor.model requires modelFormat and name (as does a canary's trafficPercent)
      const canary = validateObject({
        ...isvc(),
        spec: { predictor: (isvc().spec as Obj).predictor, canary: [{ predictor: { model: { storageUri: "s3://b/m" } } }] },
      });
      expect(paths(canary).sort()).toEqual([
        "spec.canary[0].predictor.model.modelFormat",
        "spec.canary[0].predictor.model.name",
        "spec.canary[0].trafficPercent",
      ]);
    });

    it("upstream quirk: spec.predictor.model does not require modelFormat in the CRD", () => {
      // The CRD marks nothing required in spec.predictor.model; KServe's webhook, not
      // the schema, rejects a model without a format. Pinned so a CRD update shows up here.
      expect(validateObject(isvc({ modelFormat: undefined }))).toEqual([]);
    });

    it("accepts integers and strings for int-or-string fields, and checks quantity syntax", () => {
      expect(validateObject(isvc({ resources: { limits: { cpu: "1", memory: "4Gi" }, requests: { cpu: 1, memory: 1073741824 } } }))).toEqual([]);
      expect(paths(validateObject(isvc({ resources: { limits: { cpu: "one" } } })))).toEqual(["spec.predictor.model.resources.limits.cpu"]);
      expect(problemAt(validateObject(isvc({ resources: { limits: { cpu: true } } })), "spec.predictor.model.resources.limits.cpu").message).toBe(
        "expected integer or string, got boolean true",
      );
      const probe = (port: unknown): Obj => ({ readinessProbe: { httpGet: { path: "/", port } } });
      expect(validateObject(isvc(probe(8080)))).toEqual([]);
      expect(validateObject(isvc(probe("http")))).toEqual([]);
      expect(paths(validateObject(isvc(probe({ number: 1 }))))).toEqual(["spec.predictor.model.readinessProbe.httpGet.port"]);
    });

    it("accepts anything under x-kubernetes-preserve-unknown-fields (status)", () => {
      const withStatus = isvc({}, {}, { status: { url: "http://x", anything: { nested: [1, "two"] }, observedGeneration: 1 } });
      expect(validateObject(withStatus)).toEqual([]);
      // known fields inside a preserve-unknown-fields object are still typed
      expect(paths(validateObject(isvc({}, {}, { status: { observedGeneration: "one" } })))).toEqual(["status.observedGeneration"]);
    });

    it("checks enums and x-kubernetes-list-type map keys", () => {
      expect(paths(validateObject(isvc({}, { scaleMetric: "gpu" })))).toEqual(["spec.predictor.scaleMetric"]);
      const env = [
        { name: "A", value: "1" },
        { name: "A", value: "2" },
      ];
      expect(validateObject(isvc({ env }))).toEqual([
        {
          object: "InferenceService/models/granite",
          path: "spec.predictor.model.env[1]",
          message: 'duplicate entry with name="A" (same key as [0]; x-kubernetes-list-type: map)',
        },
      ]);
      // ports are keyed by containerPort+protocol, protocol defaulting to TCP
      const ports = [{ containerPort: 8080 }, { containerPort: 8080, protocol: "TCP" }];
      expect(paths(validateObject(isvc({ ports })))).toEqual(["spec.predictor.model.ports[1]"]);
      expect(validateObject(isvc({ ports: [{ containerPort: 8080 }, { containerPort: 8080, protocol: "UDP" }] }))).toEqual([]);
    });

    it("rejects an unknown kind in a CRD group and an unserved version", () => {
      const unknownKind = validateObject({ ...isvc(), kind: "InferenceServise" });
      expect(unknownKind).toHaveLength(1);
      expect(unknownKind[0]?.path).toBe("kind");
      expect(unknownKind[0]?.message).toMatch(/unknown kind "InferenceServise" in API group serving.kserve.io .*InferenceService/);
      const wrongVersion = validateObject({ ...isvc(), apiVersion: "serving.kserve.io/v1" });
      expect(paths(wrongVersion)).toEqual(["apiVersion"]);
      expect(wrongVersion[0]?.message).toMatch(/served: serving.kserve.io\/v1beta1/);
    });

    it("validates metadata as an ObjectMeta", () => {
      const meta = (metadata: Obj): Obj => ({ ...isvc(), metadata: { name: "granite", namespace: "models", ...metadata } });
      expect(validateObject(meta({ labels: { "opendatahub.io/dashboard": "true" } }))).toEqual([]);
      expect(paths(validateObject(meta({ annotation: { a: "b" } })))).toEqual(["metadata.annotation"]);
      expect(paths(validateObject(meta({ labels: { enabled: true } })))).toEqual(["metadata.labels.enabled"]);
      expect(paths(validateObject(meta({ annotations: { "serving.kserve.io/min-replicas": 1 } })))).toEqual([
        'metadata.annotations["serving.kserve.io/min-replicas"]',
      ]);
      expect(paths(validateObject(meta({ name: undefined })))).toEqual(["metadata.name"]);
    });

    it("validates many objects with one loaded CRD", () => {
      validateObject(isvc());
      for (let i = 0; i < 100; i++) {
        expect(validateObject(isvc({ resources: { limits: { cpu: i } } }, { minReplicas: i }))).toEqual([]);
      }
    });
  });

  describe("ServingRuntime and ClusterServingRuntime", () => {
    const runtimeSpec = (container: Obj = {}): Obj => ({
      supportedModelFormats: [{ name: "sklearn", version: "1", autoSelect: true }],
      protocolVersions: ["v2"],
      containers: [
        {
          name: "kserve-container",
          image: "quay.io/example/runtime:1.0",
          args: ["--model_name={{.Name}}", "--http_port=8080"],
          ports: [{ containerPort: 8080, protocol: "TCP" }],
          resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: 2, memory: "4Gi" } },
          ...container,
        },
      ],
    });
    const runtime = (kind: string, container: Obj = {}): Obj => ({
      apiVersion: "serving.kserve.io/v1alpha1",
      kind,
      metadata: kind === "ServingRuntime" ? { name: "sklearn-runtime", namespace: "models" } : { name: "sklearn-runtime" },
      spec: runtimeSpec(container),
    });

    it("accepts valid runtimes", () => {
      expect(validateAll([runtime("ServingRuntime"), runtime("ClusterServingRuntime")])).toEqual([]);
    });

    it("rejects an unknown field inside a container", () => {
      expect(validateObject(runtime("ServingRuntime", { imagePullPolice: "Always" }))).toEqual([
        {
          object: "ServingRuntime/models/sklearn-runtime",
          path: "spec.containers[0].imagePullPolice",
          message: 'unknown field "imagePullPolice"',
        },
      ]);
      expect(paths(validateObject(runtime("ClusterServingRuntime", { ports: [{ containerPort: 8080, foo: 1 }] })))).toEqual([
        "spec.containers[0].ports[0].foo",
      ]);
    });

    it("requires containers and supportedModelFormats[].name", () => {
      const noContainers = { ...runtime("ServingRuntime"), spec: { supportedModelFormats: [{ name: "sklearn" }] } };
      expect(paths(validateObject(noContainers))).toEqual(["spec.containers"]);
      const spec = runtimeSpec();
      spec.supportedModelFormats = [{ version: "1" }];
      expect(paths(validateObject({ ...runtime("ServingRuntime"), spec }))).toEqual(["spec.supportedModelFormats[0].name"]);
    });
  });

  describe("NVIDIA NIM Operator (apps.nvidia.com)", () => {
    const nimService = (spec: Obj = {}): Obj => ({
      apiVersion: "apps.nvidia.com/v1alpha1",
      kind: "NIMService",
      metadata: { name: "llama", namespace: "nim" },
      spec: {
        image: { repository: "nvcr.io/nim/meta/llama-3.1-8b-instruct", tag: "1.3.3", pullSecrets: ["ngc-secret"] },
        authSecret: "ngc-api-secret",
        storage: { nimCache: { name: "llama-cache" } },
        replicas: 1,
        resources: { limits: { "nvidia.com/gpu": 1 } },
        expose: { service: { type: "ClusterIP", port: 8000 } },
        ...spec,
      },
    });
    const nimCache = (spec: Obj = {}): Obj => ({
      apiVersion: "apps.nvidia.com/v1alpha1",
      kind: "NIMCache",
      metadata: { name: "llama-cache", namespace: "nim" },
      spec: {
        source: { ngc: { modelPuller: "nvcr.io/nim/meta/llama-3.1-8b-instruct:1.3.3", pullSecret: "ngc-secret", authSecret: "ngc-api-secret" } },
        storage: { pvc: { create: true, size: "50Gi", volumeAccessMode: "ReadWriteOnce" } },
        ...spec,
      },
    });

    it("accepts minimal NIMService and NIMCache", () => {
      expect(validateAll([nimService(), nimCache()])).toEqual([]);
    });

    it("rejects unknown fields", () => {
      expect(paths(validateObject(nimService({ imagePullSecret: "x" })))).toEqual(["spec.imagePullSecret"]);
      expect(paths(validateObject(nimCache({ storage: { pvc: { create: true, sizeGi: 50 } } })))).toEqual(["spec.storage.pvc.sizeGi"]);
    });

    it("rejects a missing image tag and a wrong type", () => {
      expect(paths(validateObject(nimService({ image: { repository: "nvcr.io/x" } })))).toEqual(["spec.image.tag"]);
      expect(paths(validateObject(nimService({ replicas: "1" })))).toEqual(["spec.replicas"]);
    });

    it("exposes CEL rules it cannot evaluate", () => {
      const rules = celRules("apps.nvidia.com/v1alpha1", "NIMCache");
      expect(rules).toContainEqual(
        expect.objectContaining({ path: "spec.source", message: "Exactly one of ngc, dataStore, or hf must be defined" }),
      );
      // CEL is not evaluated: two sources pass the schema check
      const twoSources = nimCache({
        source: {
          ngc: { modelPuller: "m", authSecret: "a" },
          hf: { endpoint: "https://hf.example/", namespace: "ns", modelPuller: "m", authSecret: "a", pullSecret: "p", modelName: "x" },
        },
      });
      expect(validateObject(twoSources)).toEqual([]);
      expect(celRules("v1", "ServiceAccount")).toEqual([]);
    });
  });

  describe("OpenShift AI / Open Data Hub", () => {
    const hardwareProfile = (apiVersion = "infrastructure.opendatahub.io/v1", spec: Obj = {}): Obj => ({
      apiVersion,
      kind: "HardwareProfile",
      metadata: { name: "nvidia-gpu", namespace: "redhat-ods-applications", annotations: { "opendatahub.io/display-name": "NVIDIA GPU" } },
      spec: {
        identifiers: [
          { identifier: "cpu", displayName: "CPU", resourceType: "CPU", minCount: 1, maxCount: "4", defaultCount: 2 },
          { identifier: "memory", displayName: "Memory", resourceType: "Memory", minCount: "2Gi", defaultCount: "4Gi" },
          { identifier: "nvidia.com/gpu", displayName: "GPU", resourceType: "Accelerator", minCount: 1, defaultCount: 1 },
        ],
        scheduling: { type: "Node", node: { nodeSelector: { "nvidia.com/gpu.present": "true" }, tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }] } },
        ...spec,
      },
    });
    const account = (spec: Obj = {}): Obj => ({
      apiVersion: "nim.opendatahub.io/v1",
      kind: "Account",
      metadata: { name: "odh-nim-account", namespace: "redhat-ods-applications" },
      spec: { apiKeySecret: { name: "nvidia-nim-access", namespace: "redhat-ods-applications" }, validationRefreshRate: "24h", ...spec },
    });
    const template = (objects: unknown[], extra: Obj = {}): Obj => ({
      apiVersion: "template.openshift.io/v1",
      kind: "Template",
      metadata: { name: "vllm-runtime-template", namespace: "redhat-ods-applications", labels: { "opendatahub.io/dashboard": "true" } },
      objects,
      parameters: [{ name: "MODEL_NAME", required: false, value: "granite" }],
      ...extra,
    });
    const servingRuntime = (container: Obj = {}): Obj => ({
      apiVersion: "serving.kserve.io/v1alpha1",
      kind: "ServingRuntime",
      metadata: { name: "vllm-runtime", annotations: { "openshift.io/display-name": "vLLM" } },
      spec: { supportedModelFormats: [{ name: "vLLM" }], containers: [{ name: "kserve-container", image: "quay.io/vllm:1", ...container }] },
    });

    it("accepts minimal HardwareProfile (v1 and deprecated v1alpha1), Account and Template", () => {
      expect(
        validateAll([
          hardwareProfile(),
          { ...hardwareProfile("infrastructure.opendatahub.io/v1alpha1", { scheduling: undefined }), metadata: { name: "cpu-only" } },
          account(),
          template([servingRuntime()]),
        ]),
      ).toEqual([]);
    });

    it("rejects unknown fields", () => {
      expect(paths(validateObject(hardwareProfile(undefined, { nodeSelector: {} })))).toEqual(["spec.nodeSelector"]);
      expect(paths(validateObject(account({ apiKey: "secret" })))).toEqual(["spec.apiKey"]);
      expect(paths(validateObject(template([servingRuntime()], { labelz: {} })))).toEqual(["labelz"]);
    });

    it("checks HardwareProfile required identifier fields, enums and int-or-string counts", () => {
      const missing = hardwareProfile(undefined, { identifiers: [{ identifier: "cpu", displayName: "CPU" }] });
      expect(paths(validateObject(missing)).sort()).toEqual(["spec.identifiers[0].defaultCount", "spec.identifiers[0].minCount"]);
      const badEnum = hardwareProfile(undefined, { identifiers: [{ identifier: "x", displayName: "X", resourceType: "GPU", minCount: 1, defaultCount: 1 }] });
      expect(problemAt(validateObject(badEnum), "spec.identifiers[0].resourceType").message).toBe(
        'must be one of ["CPU", "Memory", "Accelerator"], got "GPU"',
      );
      expect(paths(validateObject(hardwareProfile(undefined, { scheduling: { node: {} } })))).toEqual(["spec.scheduling.type"]);
    });

    it("checks Account's Go duration format", () => {
      expect(validateObject(account({ nimConfigRefreshRate: "1h30m" }))).toEqual([]);
      expect(problemAt(validateObject(account({ nimConfigRefreshRate: "P1D" })), "spec.nimConfigRefreshRate").message).toBe(
        '"P1D" is not a valid "duration"',
      );
    });

    it("validates the objects inside a Template", () => {
      expect(paths(validateObject(template([])))).toEqual([]);
      expect(paths(validateObject({ ...template([]), objects: undefined }))).toEqual(["objects"]);
      const problems = validateObject(template([servingRuntime({ foo: 1 }), { apiVersion: "v1", kind: "Nope", metadata: { name: "x" } }]));
      expect(problems.map(formatProblem)).toEqual([
        'Template/redhat-ods-applications/vllm-runtime-template: objects[0].spec.containers[0].foo: unknown field "foo"',
        "Template/redhat-ods-applications/vllm-runtime-template: objects[1].kind: unknown kind: no CRD in ../shared/crds and no built-in Kubernetes schema for v1 Nope",
      ]);
    });
  });
});
