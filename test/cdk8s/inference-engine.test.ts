import { Accelerator, Env, Hardware, InferenceEngine, Parameter } from "kserve-constructs/cdk8s";
import { engine, engineProps } from "../support/fixtures";
import { find, ruleIds, synthChart, validationError } from "../support/synth";

describe("InferenceEngine renders a ServingRuntime", () => {
  it("with substituted placeholders, protocol-derived probes and secure defaults", () => {
    const [runtime] = synthChart((chart) => engine(chart));
    expect(runtime).toEqual({
      apiVersion: "serving.kserve.io/v1alpha1",
      kind: "ServingRuntime",
      metadata: { name: "engine", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } },
      spec: {
        multiModel: false,
        supportedModelFormats: [{ name: "my-format", autoSelect: true }],
        containers: [
          {
            name: "kserve-container",
            image: "registry.example/engine:1.0.0",
            args: ["--model=/mnt/models", "--port=8080", "--name={{.Name}}"],
            ports: [{ containerPort: 8080, protocol: "TCP" }],
            readinessProbe: { httpGet: { path: "/v1/models", port: 8080 }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ["ALL"] },
              runAsNonRoot: true,
              seccompProfile: { type: "RuntimeDefault" },
            },
          },
        ],
      },
    });
  });

  it("as a ClusterServingRuntime without namespace for scope cluster", () => {
    const [runtime] = synthChart((chart) => engine(chart, { scope: "cluster" }));
    expect(runtime?.kind).toBe("ClusterServingRuntime");
    expect(runtime?.metadata.namespace).toBeUndefined();
  });

  it("with the default version's image, env, parameters defaults, resources, volumes, metrics and pull secrets", () => {
    const [runtime] = synthChart((chart) =>
      engine(chart, {
        versions: {
          "1.0.0": { image: { cpu: "r/e:1.0.0", nvidia: "r/e-cuda:1.0.0" } },
          "2.0.0": { image: { cpu: "r/e:2.0.0" }, env: { ENGINE_MODE: "fast" } },
        },
        defaultVersion: "2.0.0",
        command: ["serve", "--listen=0.0.0.0:{{port}}"],
        port: 9000,
        env: { HF_HOME: "/tmp/hf", TOKEN: Env.fromSecret("tok", "value"), URL: "http://localhost:$(PORT_NUMBER)", PORT_NUMBER: "{{port}}" },
        parameters: { BATCH: Parameter.int({ default: 8 }), DEBUG: Parameter.bool({ default: false }), NO_DEFAULT: Parameter.string() },
        resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { memory: "4Gi" } },
        volumes: [
          { name: "shm", mountPath: "/dev/shm", emptyDir: { medium: "Memory", sizeLimit: "1Gi" } },
          { name: "cache", mountPath: "/cache", emptyDir: {} },
        ],
        metrics: { port: 9090, path: "/stats" },
        imagePullSecrets: ["registry-creds"],
        podLabels: { team: "ml" },
      }),
    );
    const spec = runtime?.["spec"] as Record<string, unknown>;
    const [container] = spec["containers"] as Record<string, unknown>[];
    expect(container?.["image"]).toBe("r/e:2.0.0");
    expect(container?.["command"]).toEqual(["serve", "--listen=0.0.0.0:9000"]);
    expect(container?.["env"]).toEqual([
      { name: "BATCH", value: "8" },
      { name: "DEBUG", value: "false" },
      { name: "ENGINE_MODE", value: "fast" },
      { name: "HF_HOME", value: "/tmp/hf" },
      { name: "PORT_NUMBER", value: "9000" },
      { name: "TOKEN", valueFrom: { secretKeyRef: { name: "tok", key: "value" } } },
      { name: "URL", value: "http://localhost:$(PORT_NUMBER)" },
    ]);
    expect(container?.["resources"]).toEqual({ requests: { cpu: "1", memory: "2Gi" }, limits: { memory: "4Gi" } });
    expect(container?.["volumeMounts"]).toEqual([
      { name: "cache", mountPath: "/cache" },
      { name: "shm", mountPath: "/dev/shm" },
    ]);
    expect(spec["volumes"]).toEqual([
      { name: "cache", emptyDir: {} },
      { name: "shm", emptyDir: { medium: "Memory", sizeLimit: "1Gi" } },
    ]);
    expect(spec["annotations"]).toEqual({ "prometheus.kserve.io/port": "9090", "prometheus.kserve.io/path": "/stats" });
    expect(spec["labels"]).toEqual({ team: "ml" });
    expect(spec["imagePullSecrets"]).toEqual([{ name: "registry-creds" }]);
  });

  it("declares KServe protocols in KServe's order, gRPC-only engines get TCP probes and an h2c port", () => {
    const [both] = synthChart((chart) => engine(chart, { protocol: ["grpc-v2", "v2", "v1"], grpcPort: 9000 }));
    const spec = both?.["spec"] as Record<string, unknown>;
    expect(spec["protocolVersions"]).toEqual(["v1", "v2", "grpc-v2"]);
    const [c] = spec["containers"] as Record<string, unknown>[];
    expect(c?.["ports"]).toEqual([
      { containerPort: 8080, protocol: "TCP" },
      { containerPort: 9000, name: "grpc-port", protocol: "TCP" },
    ]);
    expect((c?.["readinessProbe"] as Record<string, unknown>)["httpGet"]).toEqual({ path: "/v2/health/ready", port: 8080 });

    const [grpc] = synthChart((chart) => engine(chart, { protocol: "grpc-v2", readiness: { initialDelaySeconds: 2 } }));
    const [g] = (grpc?.["spec"] as Record<string, unknown>)["containers"] as Record<string, unknown>[];
    expect(g?.["ports"]).toEqual([{ containerPort: 8080, name: "h2c", protocol: "TCP" }]);
    expect(g?.["readinessProbe"]).toEqual({ tcpSocket: { port: 8080 }, initialDelaySeconds: 2, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 });
  });

  it("v1 engines probe the model's readiness path; liveness and startup are opt-in", () => {
    const [rt] = synthChart((chart) => engine(chart, { protocol: "v1", liveness: {}, startup: { failureThreshold: 120 }, readiness: false }));
    const [c] = (rt?.["spec"] as Record<string, unknown>)["containers"] as Record<string, unknown>[];
    expect(c?.["readinessProbe"]).toBeUndefined();
    expect(c?.["livenessProbe"]).toEqual({ httpGet: { path: "/", port: 8080 }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 });
    expect(c?.["startupProbe"]).toEqual({ httpGet: { path: "/v1/models/{{.Name}}", port: 8080 }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 120 });
  });

  it("security settings: root-needing images can drop runAsNonRoot", () => {
    const [rt] = synthChart((chart) => engine(chart, { security: { runAsNonRoot: false, readOnlyRootFilesystem: true } }));
    const [c] = (rt?.["spec"] as Record<string, unknown>)["containers"] as Record<string, unknown>[];
    expect(c?.["securityContext"]).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
      readOnlyRootFilesystem: true,
      seccompProfile: { type: "RuntimeDefault" },
    });
  });
});

describe("InferenceEngine on OpenShift AI", () => {
  it("carries the dashboard label and display, protocol, serving support, type, version and accelerator annotations", () => {
    const [rt] = synthChart(
      (chart) =>
        engine(chart, {
          versions: { "0.9.1": { image: { nvidia: "quay.io/x/vllm-cuda:0.9.1", amd: "quay.io/x/vllm-rocm:0.9.1" } } },
          runtimeImage: "nvidia",
          metrics: {},
          openshiftAI: { displayName: "My vLLM" },
        }),
      { target: { openshiftAI: true } },
    );
    expect(rt?.metadata).toEqual({
      name: "engine",
      namespace: "models",
      labels: { "app.kubernetes.io/managed-by": "kserve-constructs", "opendatahub.io/dashboard": "true" },
      annotations: {
        "openshift.io/display-name": "My vLLM",
        "opendatahub.io/apiProtocol": "REST",
        "opendatahub.io/modelServingSupport": '["single"]',
        "opendatahub.io/model-type": '["generative"]',
        "opendatahub.io/runtime-version": "0.9.1",
        "opendatahub.io/recommended-accelerators": '["amd.com/gpu","nvidia.com/gpu"]',
      },
    });
    expect((rt?.["spec"] as Record<string, unknown>)["annotations"]).toEqual({
      "prometheus.io/path": "/metrics",
      "prometheus.io/port": "8080",
      "prometheus.kserve.io/path": "/metrics",
      "prometheus.kserve.io/port": "8080",
    });
  });

  it("gRPC-only predictive engines say gRPC and predictive; hidden engines drop the dashboard label", () => {
    const [rt] = synthChart((chart) => engine(chart, { protocol: "grpc-v2", openshiftAI: { showInDashboard: false } }), { target: { openshiftAI: true } });
    expect(rt?.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "kserve-constructs" });
    expect(rt?.metadata.annotations?.["opendatahub.io/apiProtocol"]).toBe("gRPC");
    expect(rt?.metadata.annotations?.["opendatahub.io/model-type"]).toBe('["predictive"]');
    expect(rt?.metadata.annotations?.["opendatahub.io/recommended-accelerators"]).toBeUndefined();
  });

  it("emits no OpenShift AI metadata for upstream KServe", () => {
    const [rt] = synthChart((chart) => engine(chart, { openshiftAI: { displayName: "x" } }));
    expect(rt?.metadata.annotations).toBeUndefined();
  });
});

describe("InferenceEngine errors", () => {
  it("reports every problem of an engine in one error", () => {
    const error = validationError((chart) =>
      engine(chart, {
        versions: { "1": { image: { cpu: "a" } }, "2": { image: { cpu: "b" } } },
        args: ["--tp={{gpu_count}}"],
        env: { PYTHONPATH: "/opt/lib", "BAD-NAME": "x" },
        parameters: { "bad.param": Parameter.string(), HF_HOME: Parameter.string({ default: "/x" }) },
        modelFormats: [{ name: "f" }, { name: "f" }],
      }).node,
    );
    expect(error.issues.map((i) => `${i.path} ${i.rule}`)).toEqual([
      "defaultVersion engine/default-version",
      "parameters.bad.param engine/parameter-name",
      "env.BAD-NAME env/name",
      "modelFormats[1] engine/duplicate-format",
    ]);
    expect(error.issues[0]).toMatchObject({ where: "test/engine", message: "the engine has 2 versions (1, 2) and no defaultVersion", fix: "set defaultVersion to one of 1, 2" });
  });

  it("after props are valid, reports manifest rules: unknown placeholders and blocked env", () => {
    const error = validationError((chart) => engine(chart, { args: ["--tp={{gpu_count}}"], env: { PYTHONPATH: "/opt/lib" } }));
    expect(error.issues.map((i) => `${i.path} ${i.rule}`)).toEqual(["spec.containers[0].env[0] kserve/blocked-env", "spec.containers[0].args[0] runtime/template"]);
    expect(error.issues[0]?.message).toBe("PYTHONPATH is blocked by KServe's admission webhook in every container");
  });

  it("rejects shape errors with the prop path, value and fix", () => {
    const error = validationError((chart) => new InferenceEngine(chart, "e", { ...engineProps(), protocol: "http" as never, port: 70000, modelFormats: [] }));
    expect(error.issues.map((i) => [i.path, i.value])).toEqual([
      ["port", 70000],
      ["protocol", "http"],
      ["modelFormats", []],
    ]);
    expect(error.issues[1]).toMatchObject({ message: "unknown protocol", fix: "use one of v1, v2, grpc-v1, grpc-v2, openai" });
    expect(error.issues[2]).toMatchObject({ message: "an engine must serve at least one model format" });
  });

  it("rejects unknown props, naming them", () => {
    const error = validationError((chart) => new InferenceEngine(chart, "e", { ...engineProps(), imagePullPolicy: "Always" } as never));
    expect(error.issues[0]).toMatchObject({ path: "imagePullPolicy", rule: "props/shape", message: 'unknown prop "imagePullPolicy"' });
  });

  it.each([
    [{ defaultVersion: "9.9" }, "engine/default-version"],
    [{ versions: { "1": { image: { nvidia: "a", amd: "b" } } } }, "engine/runtime-image"],
    [{ runtimeImage: "gaudi" }, "engine/runtime-image"],
    [{ protocol: ["v2", "v2"] as never }, "engine/protocols"],
    [{ grpcPort: 9000 }, "engine/grpc-port"],
    [{ protocol: "grpc-v2" as const, grpcPort: 8080 }, "engine/grpc-port"],
    [{ scope: "cluster" as const, namespace: "x" }, "engine/cluster-namespace"],
    [{ parameters: { X: Parameter.int({ default: 1.5 }) } }, "engine/parameter-default"],
    [{ parameters: { X: Parameter.int({ min: 5, max: 1 }) } }, "engine/parameter-bounds"],
    [{ parameters: { "bad.param": Parameter.string() } }, "engine/parameter-name"],
    [{ modelFormats: [{ name: "f" }, { name: "f" }] }, "engine/duplicate-format"],
    [{ tensorParallel: { arg: "--tensor-parallel-size" } }, "engine/tensor-parallel"],
    [{ hardware: Hardware.accelerator(Accelerator.nvidia()) }, "engine/hardware-image"],
    [{ parameters: { X: Parameter.string() }, env: { X: "1" } }, "engine/parameter-env-clash"],
    [{ volumes: [{ name: "a", mountPath: "/a" }] }, "volumes/one-source"],
    [{ volumes: [{ name: "a", mountPath: "/a", emptyDir: {} }, { name: "a", mountPath: "/a", emptyDir: {} }] }, "volumes/unique-name"],
    [{ volumes: [{ name: "a", mountPath: "rel", emptyDir: {} }] }, "volumes/mount-path"],
    [{ volumes: [{ name: "a", mountPath: "/a", emptyDir: {} }, { name: "b", mountPath: "/a", emptyDir: {} }] }, "volumes/unique-mount"],
    [{ args: ["--max-model-len=4096", "--max-model-len", "8192"] }, "args/duplicate-flag"],
    [{ resources: { requests: { cpu: "2" }, limits: { cpu: "1" } } }, "resources/request-above-limit"],
    [{ modelFormats: [{ name: "f", autoSelect: true, priority: 1 }, { name: "f", version: "2", autoSelect: true, priority: 2 }] }, "runtime/format-priority"],
    [{ env: { TENSOR_PARALLEL_SIZE: "2" } }, "runtime/parallel-size-env"],
    [{ name: "x".repeat(64) }, "runtime/name-length"],
  ])("rule %#: %s", (overrides, rule) => {
    expect(ruleIds((chart) => engine(chart, overrides))).toContain(rule);
  });

  it("like KServe, compares priorities within a runtime only against the first entry's explicit priority", () => {
    expect(() => synthChart((chart) => engine(chart, { modelFormats: [{ name: "f" }, { name: "f", version: "2", priority: 2 }, { name: "f", version: "3", priority: 3 }] }))).not.toThrow();
  });

  it("reports a second runtime that auto-selects the same format with the same priority for a common protocol", () => {
    const formats = [{ name: "my-format", priority: 1 }];
    const error = validationError((chart) => {
      engine(chart, { protocol: "v2", modelFormats: formats }, "first");
      engine(chart, { protocol: ["v1", "v2"], modelFormats: [{ name: "MY-FORMAT", priority: 1 }] }, "second");
    });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      where: "test/second",
      rule: "runtime/format-conflict",
      message: 'ServingRuntime "first" (test/first) already auto-selects format "my-format" with priority 1 for a common protocol; KServe\'s webhook rejects the second runtime',
    });
  });

  it("allows the same format in other namespaces or scopes, with disjoint or undeclared protocols, or without priorities", () => {
    const p = [{ name: "my-format", priority: 1 }];
    expect(() =>
      synthChart((chart) => {
        engine(chart, { protocol: "v1", modelFormats: p }, "a");
        engine(chart, { protocol: "v2", modelFormats: p }, "b");
        engine(chart, { protocol: "v1", modelFormats: p, scope: "cluster" }, "c");
        engine(chart, { protocol: "v1", modelFormats: p, namespace: "other" }, "d");
        engine(chart, { protocol: "v1", modelFormats: [{ name: "my-format", priority: 5 }] }, "e");
        engine(chart, { protocol: "openai", modelFormats: p }, "f");
        engine(chart, { protocol: "openai", modelFormats: p }, "g");
        engine(chart, { protocol: "v1" }, "h");
        engine(chart, { protocol: "v1" }, "i");
      }),
    ).not.toThrow();
  });

  it("reports two objects with the same name", () => {
    const error = validationError((chart) => {
      engine(chart, {}, "a");
      engine(chart, { name: "a", protocol: "v1", modelFormats: [{ name: "other" }] }, "b");
    });
    expect(error.issues[0]).toMatchObject({ rule: "app/unique-name", message: 'ServingRuntime "a" in namespace models is also defined by test/a; one would overwrite the other' });
  });

  it("gates runtime features by target version", () => {
    const error = validationError((chart) => engine(chart, { imagePullSecrets: ["x"], metrics: {} }), { target: { kserveVersion: "0.9" } });
    expect(error.issues.map((i) => i.rule)).toEqual(["target/feature-runtime-image-pull-secrets", "target/feature-prometheus-annotations"]);
  });

  it("find helper sanity", () => {
    const m = synthChart((chart) => engine(chart));
    expect(find(m, "ServingRuntime", "engine").kind).toBe("ServingRuntime");
  });
});
