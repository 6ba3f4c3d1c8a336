/**
 * Multi-model (ModelMesh) runtimes: the presets, custom multi-model engines, and every ModelMesh rule on
 * runtimes (from ModelMesh's runtime validator), with exact fields and messages.
 */
import { InferenceEngine, ModelMeshRuntimes, ServingRuntime, buildInferenceEngine, buildServingRuntime } from "kserve-constructs/cdk8s";
import type { InferenceEngineProps, Manifest, TargetProps } from "kserve-constructs";
import { find, ruleIds, synthChart, validationError } from "../support/synth";
import { describeIfCrds, formatProblems, validateAll } from "../support/conformance";

const MM: TargetProps = { modelMesh: true };

function spec(m: Manifest): Record<string, unknown> {
  return m["spec"] as Record<string, unknown>;
}

/** A minimal custom multi-model engine. */
function customProps(overrides: Partial<InferenceEngineProps> = {}): InferenceEngineProps {
  return {
    versions: { "1.0": { image: { cpu: "registry.example/mm-server:1.0" } } },
    port: 8001,
    protocol: "grpc-v2",
    modelFormats: [{ name: "my-format", version: "1" }],
    resources: { limits: { memory: "2Gi" } },
    multiModel: {},
    ...overrides,
  };
}

describe("ModelMesh runtime presets", () => {
  it("mlserver-1.x renders ModelMesh's runtime exactly: container named after the server type, built-in adapter, endpoints, no probes or ports", () => {
    const manifests = synthChart((chart) => new InferenceEngine(chart, "mlserver-1.x", ModelMeshRuntimes.mlserver()), { target: MM });
    expect(find(manifests, "ServingRuntime")).toEqual({
      apiVersion: "serving.kserve.io/v1alpha1",
      kind: "ServingRuntime",
      metadata: { name: "mlserver-1.x", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } },
      spec: {
        builtInAdapter: { memBufferBytes: 134217728, modelLoadingTimeoutMillis: 90000, runtimeManagementPort: 8001, serverType: "mlserver" },
        containers: [
          {
            name: "mlserver",
            image: "seldonio/mlserver:1.3.2",
            env: [
              { name: "MLSERVER_GRPC_MAX_MESSAGE_LENGTH", value: "-1" },
              { name: "MLSERVER_GRPC_PORT", value: "8001" },
              { name: "MLSERVER_HOST", value: "127.0.0.1" },
              { name: "MLSERVER_HTTP_PORT", value: "8002" },
              { name: "MLSERVER_LOAD_MODELS_AT_STARTUP", value: "false" },
              { name: "MLSERVER_MODELS_DIR", value: "/models/_mlserver_models/" },
              { name: "MLSERVER_MODEL_NAME", value: "dummy-model" },
            ],
            resources: { limits: { cpu: "5", memory: "1Gi" }, requests: { cpu: "500m", memory: "1Gi" } },
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
          },
        ],
        grpcDataEndpoint: "port:8001",
        grpcEndpoint: "port:8085",
        multiModel: true,
        protocolVersions: ["grpc-v2"],
        supportedModelFormats: [
          { name: "sklearn", version: "0", autoSelect: true },
          { name: "xgboost", version: "1", autoSelect: true },
          { name: "lightgbm", version: "3", autoSelect: true },
        ],
      },
    });
  });

  it("triton-2.x, ovms-1.x and torchserve-0.x carry their formats, ports, adapters and documented images", () => {
    const manifests = synthChart(
      (chart) => {
        new InferenceEngine(chart, "triton-2.x", ModelMeshRuntimes.triton());
        new InferenceEngine(chart, "ovms-1.x", ModelMeshRuntimes.ovms());
        new InferenceEngine(chart, "torchserve-0.x", ModelMeshRuntimes.torchserve());
      },
      { target: MM },
    );
    const triton = spec(find(manifests, "ServingRuntime", "triton-2.x"));
    expect(triton["builtInAdapter"]).toEqual({ memBufferBytes: 134217728, modelLoadingTimeoutMillis: 90000, runtimeManagementPort: 8001, serverType: "triton" });
    expect(triton["grpcDataEndpoint"]).toBe("port:8001");
    expect((triton["containers"] as Record<string, unknown>[])[0]).toMatchObject({ name: "triton", image: "nvcr.io/nvidia/tritonserver:23.04-py3", command: ["/bin/sh"] });
    expect(find(manifests, "ServingRuntime", "triton-2.x").metadata.annotations).toEqual({ maxLoadingConcurrency: "2" });
    expect((triton["supportedModelFormats"] as { name: string; version: string; autoSelect: boolean }[]).map((f) => `${f.name}:${f.version}:${f.autoSelect}`)).toEqual([
      "keras:2:true", "onnx:1:true", "pytorch:1:true", "tensorflow:1:true", "tensorflow:2:true", "tensorrt:7:true", "sklearn:0:false", "xgboost:1:false", "lightgbm:3:false",
    ]);
    const ovms = spec(find(manifests, "ServingRuntime", "ovms-1.x"));
    expect(ovms["builtInAdapter"]).toMatchObject({ serverType: "ovms", runtimeManagementPort: 8888 });
    expect(ovms["protocolVersions"]).toEqual(["grpc-v1"]);
    expect(ovms["supportedModelFormats"]).toEqual([{ name: "openvino_ir", version: "opset1", autoSelect: true }, { name: "onnx", version: "1", autoSelect: false }]);
    expect((ovms["containers"] as Record<string, unknown>[])[0]).toMatchObject({ name: "ovms", image: "openvino/model_server:2022.2" });
    const torchserve = spec(find(manifests, "ServingRuntime", "torchserve-0.x"));
    expect(torchserve["builtInAdapter"]).toMatchObject({ serverType: "torchserve", runtimeManagementPort: 7071 });
    expect(torchserve["grpcDataEndpoint"]).toBe("port:7070");
    expect(torchserve["protocolVersions"]).toBeUndefined();
    expect((torchserve["containers"] as Record<string, unknown>[])[0]).toMatchObject({ name: "torchserve", image: "pytorch/torchserve:0.7.1-cpu", env: [{ name: "TS_CONFIG_FILE", value: "/models/_torchserve_models/mmconfig.properties" }] });
  });

  it("images are props; pods are scaled on the runtime, by count or HPA annotations", () => {
    const manifests = synthChart(
      (chart) => {
        new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver({ image: "quay.io/acme/mlserver:1.6.1", replicas: 3 }));
        new InferenceEngine(chart, "triton", ModelMeshRuntimes.triton({ scaling: { min: 2, max: 6, metric: "memory", target: 70 } }));
      },
      { target: MM },
    );
    const mlserver = find(manifests, "ServingRuntime", "mlserver");
    expect((spec(mlserver)["containers"] as Record<string, unknown>[])[0]?.["image"]).toBe("quay.io/acme/mlserver:1.6.1");
    expect(spec(mlserver)["replicas"]).toBe(3);
    expect(find(manifests, "ServingRuntime", "triton").metadata.annotations).toEqual({
      maxLoadingConcurrency: "2",
      "serving.kserve.io/autoscalerClass": "hpa",
      "serving.kserve.io/max-scale": "6",
      "serving.kserve.io/metrics": "memory",
      "serving.kserve.io/min-scale": "2",
      "serving.kserve.io/targetUtilizationPercentage": "70",
    });
  });

  it("OpenShift AI 2.x: multi-model serving support, the route and auth annotations, the dashboard label", () => {
    const [runtime] = synthChart((chart) => new InferenceEngine(chart, "mlserver-1.x", ModelMeshRuntimes.mlserver({ route: true, auth: true })), { target: { openshiftAI: { version: "2.25" } } });
    expect(runtime?.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "kserve-constructs", "opendatahub.io/dashboard": "true" });
    expect(runtime?.metadata.annotations).toEqual({
      "enable-auth": "true",
      "enable-route": "true",
      "opendatahub.io/apiProtocol": "gRPC",
      "opendatahub.io/model-type": '["predictive"]',
      "opendatahub.io/modelServingSupport": '["multi"]',
      "opendatahub.io/runtime-version": "1.3.2",
      "openshift.io/display-name": "mlserver-1.x",
    });
  });

  it("installed(...) declares a runtime the cluster has, for ServingRuntime.fromName", () => {
    expect(ModelMeshRuntimes.installed("ovms-1.x")).toEqual({
      kind: "ClusterServingRuntime",
      multiModel: true,
      modelFormats: [{ name: "openvino_ir", version: "opset1", autoSelect: true }, { name: "onnx", version: "1", autoSelect: false }],
      protocolVersions: ["grpc-v1"],
    });
    expect(ServingRuntime.fromName("ovms-1.x", ModelMeshRuntimes.installed("ovms-1.x", "ServingRuntime")).runtime.kind).toBe("ServingRuntime");
  });

  it("preset props are checked", () => {
    const error = validationError((chart) => new InferenceEngine(chart, "m", ModelMeshRuntimes.mlserver({ replicas: -1 })), { target: MM });
    expect(error.issues.map((i) => [i.path, i.rule, i.message])).toEqual([["replicas", "props/shape", "must be at least 0"]]);
  });
});

describe("custom multi-model engines", () => {
  it("an engine with multiModel and a custom adapter container: server container 'server', the adapter beside it, no probes", () => {
    const [runtime] = synthChart(
      (chart) =>
        new InferenceEngine(
          chart,
          "custom",
          customProps({
            multiModel: {
              adapter: { container: { name: "adapter", image: "registry.example/adapter:1", env: { RUNTIME_PORT: "8001" }, resources: { limits: { memory: "256Mi" } } } },
              grpcEndpoint: "port:8086",
              httpDataEndpoint: "port:8002",
              storageHelper: false,
            },
          }),
        ),
      { target: MM },
    );
    expect(spec(runtime as Manifest)).toEqual({
      containers: [
        {
          name: "server",
          image: "registry.example/mm-server:1.0",
          resources: { limits: { memory: "2Gi" } },
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
        },
        {
          name: "adapter",
          image: "registry.example/adapter:1",
          env: [{ name: "RUNTIME_PORT", value: "8001" }],
          resources: { limits: { memory: "256Mi" } },
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
        },
      ],
      grpcDataEndpoint: "port:8001",
      grpcEndpoint: "port:8086",
      httpDataEndpoint: "port:8002",
      multiModel: true,
      protocolVersions: ["grpc-v2"],
      storageHelper: { disabled: true },
      supportedModelFormats: [{ name: "my-format", version: "1", autoSelect: true }],
    });
  });

  it("a built-in adapter names the container and defaults its management port to the engine's port", () => {
    const [runtime] = synthChart((chart) => new InferenceEngine(chart, "c", customProps({ multiModel: { adapter: { serverType: "triton", env: { LOG: "debug" } } } })), { target: MM });
    expect(spec(runtime as Manifest)["builtInAdapter"]).toEqual({ serverType: "triton", runtimeManagementPort: 8001, memBufferBytes: 134217728, modelLoadingTimeoutMillis: 90000, env: [{ name: "LOG", value: "debug" }] });
    expect((spec(runtime as Manifest)["containers"] as Record<string, unknown>[])[0]?.["name"]).toBe("triton");
  });

  it("a model format version may be an opset label; a single-model engine still needs a protocol", () => {
    expect(synthChart((chart) => new InferenceEngine(chart, "c", customProps({ modelFormats: [{ name: "openvino_ir", version: "opset13" }] })), { target: MM })).toHaveLength(1);
    const error = validationError((chart) => new InferenceEngine(chart, "c", customProps({ multiModel: undefined, protocol: [] })));
    expect(error.issues[0]).toMatchObject({ rule: "engine/protocols", message: "a single-model engine needs a protocol: KServe picks runtimes and health paths by it", fix: 'list the protocol(s) the server speaks, for example "v2"' });
  });
});

describe("where ModelMesh is available", () => {
  it("upstream KServe needs target.modelMesh", () => {
    const error = validationError((chart) => new InferenceEngine(chart, "c", customProps()));
    expect(error.issues).toEqual([
      {
        where: "test/c",
        path: "spec.multiModel",
        value: true,
        rule: "modelmesh/unavailable",
        message: "a multi-model (ModelMesh) runtime needs ModelMesh Serving, a separate install on upstream KServe (archived upstream), and the target does not declare it",
        fix: 'set target.modelMesh: true (KServeTarget.set(app, { modelMesh: true })) if the cluster runs ModelMesh Serving, or serve the model in single-model mode (deploymentMode "Standard")',
      },
    ]);
  });

  it("OpenShift AI 3.0 removed it; 2.x has it unless the target turns it off", () => {
    const removed = validationError((chart) => new InferenceEngine(chart, "c", customProps()), { target: { openshiftAI: { version: "3.0" } } });
    expect(removed.issues[0]).toMatchObject({
      rule: "modelmesh/unavailable",
      message: "OpenShift AI 3.0 (KServe 0.15) cannot serve a multi-model (ModelMesh) runtime: OpenShift AI 3.x has no ModelMesh (multi-model serving was removed in 3.0) and reconciles only Standard mode",
      fix: 'serve the model in single-model mode (ModelServing mode "single", or a single-model engine with deploymentMode "Standard"), or target OpenShift AI 2.25',
    });
    expect(ruleIds((chart) => new InferenceEngine(chart, "c", customProps()), { target: { openshiftAI: { version: "3.0" }, modelMesh: true } })).toEqual(["modelmesh/unavailable"]);
    expect(synthChart((chart) => new InferenceEngine(chart, "c", customProps()), { target: { openshiftAI: { version: "2.25" } } })).toHaveLength(1);
    const off = validationError((chart) => new InferenceEngine(chart, "c", customProps()), { target: { openshiftAI: { version: "2.25" }, modelMesh: false } });
    expect(off.issues[0]).toMatchObject({
      message: "the target says ModelMesh is off (target.modelMesh: false), so a multi-model (ModelMesh) runtime would never be reconciled",
      fix: "remove target.modelMesh: false if the cluster runs the multi-model serving platform, or serve the model in single-model mode",
    });
  });
});

describe("multi-model engine props", () => {
  it("single-model settings are errors", () => {
    const error = validationError(
      (chart) =>
        new InferenceEngine(
          chart,
          "c",
          customProps({ protocol: ["grpc-v2", "v2"], grpcPort: 9000, parameters: { BATCH: { type: "int" } }, multiGpu: true, multiNode: {}, tensorParallel: { arg: "--tp" } }),
        ),
      { target: MM },
    );
    expect(error.issues.filter((i) => i.rule === "modelmesh/engine-prop").map((i) => [i.path, i.message, i.fix])).toEqual([
      ["grpcPort", "grpcPort does not apply to a multi-model runtime: ModelMesh reaches the server through grpcDataEndpoint, not a declared port", "remove grpcPort and set multiModel.grpcDataEndpoint"],
      ["parameters", "parameters does not apply to a multi-model runtime: models on a multi-model runtime share its container, so an InferenceService cannot set per-model parameters", "set fixed values in env, or (MLServer) put per-model settings in model-settings.json beside each model"],
      ["multiNode", "multiNode does not apply to a multi-model runtime: ModelMesh runs every model in one pod; it has no multi-node serving", "remove multiNode, or serve the model in single-model mode"],
      ["tensorParallel", "tensorParallel does not apply to a multi-model runtime: ModelMesh never passes a device count to the server", "remove tensorParallel"],
      ["multiGpu", "multiGpu does not apply to a multi-model runtime: ModelMesh places models by memory, not by device count", "remove multiGpu, or serve the model in single-model mode"],
    ]);
  });

  it("placeholders that name one model are errors", () => {
    const error = validationError((chart) => new InferenceEngine(chart, "c", customProps({ args: ["--model-dir={{model_path}}", "--port={{port}}"], env: { NAME: "{{model_name}}" } })), { target: MM });
    expect(error.issues.map((i) => [i.path, i.rule])).toEqual([
      ["args[0]", "modelmesh/placeholder"],
      ["env.NAME", "modelmesh/placeholder"],
    ]);
    expect(error.issues[0]).toMatchObject({
      message: "{{model_path}} names one model, and a multi-model runtime serves many: ModelMesh passes each model's id and path through its load API",
      fix: "remove {{model_path}}; the server finds models under /models (its adapter tells it where)",
    });
  });

  it("replicas xor scaling; scaling.max at least min; route and auth only on OpenShift AI", () => {
    const error = validationError((chart) => new InferenceEngine(chart, "c", customProps({ multiModel: { replicas: 2, scaling: { min: 3, max: 2 }, route: true, auth: true } })), { target: MM });
    expect(error.issues.map((i) => [i.path, i.rule, i.message])).toEqual([
      ["multiModel.scaling", "modelmesh/runtime-scaling", "replicas fixes the runtime's pod count and scaling makes an HPA change it; give one"],
      ["multiModel.scaling.max", "modelmesh/runtime-scaling", "scaling.max 2 is below scaling.min 3 (ModelMesh would raise max to min)"],
      ["multiModel.route", "modelmesh/openshift-ai-only", "multiModel.route is read by OpenShift AI 2.x (runtime annotation enable-route); upstream ModelMesh has no such switch"],
      ["multiModel.auth", "modelmesh/openshift-ai-only", "multiModel.auth is read by OpenShift AI 2.x (runtime annotation enable-auth); upstream ModelMesh has no such switch"],
    ]);
  });

  it("the engine's port must not be one ModelMesh reserves (the default 8080 is litelinks)", () => {
    const error = validationError((chart) => new InferenceEngine(chart, "c", customProps({ port: undefined })), { target: MM });
    expect(error.issues).toEqual([
      { where: "test/c", path: "spec.grpcDataEndpoint", value: "port:8080", rule: "modelmesh/endpoint", message: "grpcDataEndpoint uses port 8080, which ModelMesh reserves for ModelMesh's litelinks traffic", fix: "use another port, for example 8001" },
    ]);
  });
});

describe("ModelMesh's runtime validator, on raw ServingRuntime specs", () => {
  const ctx = { where: "raw", defaultName: "raw", namespace: "models", target: MM };
  const base = { multiModel: true, grpcEndpoint: "port:8085", grpcDataEndpoint: "port:8001", supportedModelFormats: [{ name: "f", autoSelect: true }] };
  const server = { name: "server", image: "r/s:1", resources: { limits: { memory: "1Gi" } } };
  const issues = (specProps: Record<string, unknown>) => buildServingRuntime({ spec: { ...base, ...specProps } }, ctx).issues;

  it("a valid multi-model spec needs no kserve-container", () => {
    expect(issues({ containers: [server] })).toEqual([]);
  });

  it("reserved container, port and volume names", () => {
    const found = issues({
      containers: [
        { ...server, name: "mm", ports: [{ containerPort: 9000, name: "grpc" }], volumeMounts: [{ name: "etcd-config", mountPath: "/etc" }] },
        { ...server, name: "mm-sidecar" },
      ],
      volumes: [{ name: "models-dir", emptyDir: {} }],
    });
    expect(found.map((i) => [i.path, i.rule])).toEqual([
      ["spec.containers[0].name", "modelmesh/reserved-name"],
      ["spec.containers[0].ports[0].name", "modelmesh/reserved-name"],
      ["spec.containers[0].volumeMounts[0].name", "modelmesh/reserved-name"],
      ["spec.containers[1].name", "modelmesh/reserved-name"],
      ["spec.volumes[0].name", "modelmesh/reserved-name"],
    ]);
    expect(found.map((i) => i.message)).toEqual([
      'container name "mm" is reserved by ModelMesh (it injects mm, rest-proxy, puller and keeps names starting with "mm-")',
      'port name "grpc" is reserved by ModelMesh (grpc, http, prometheus and names starting with "mm-")',
      'volume "etcd-config" is internal to ModelMesh and cannot be mounted by a runtime container',
      'container name "mm-sidecar" is reserved by ModelMesh (it injects mm, rest-proxy, puller and keeps names starting with "mm-")',
      'volume name "models-dir" is reserved by ModelMesh (storage-config, etcd-config, tc-config, domain-socket, models-dir and names starting with "mm-")',
    ]);
  });

  it("reserved ports, readiness probes and lifecycle hooks", () => {
    const found = issues({ containers: [{ ...server, ports: [{ containerPort: 8080 }, { containerPort: 11890 }], readinessProbe: { tcpSocket: { port: 8001 } }, lifecycle: { preStop: { exec: { command: ["x"] } } } }] });
    expect(found.map((i) => [i.path, i.rule, i.message])).toEqual([
      ["spec.containers[0].readinessProbe", "modelmesh/container-probe", "ModelMesh manages readinessProbe of runtime containers and rejects the runtime when one is set"],
      ["spec.containers[0].lifecycle", "modelmesh/container-probe", "ModelMesh manages lifecycle of runtime containers and rejects the runtime when one is set"],
      ["spec.containers[0].ports[0].containerPort", "modelmesh/reserved-port", "port 8080 is reserved in ModelMesh pods (ModelMesh's litelinks traffic)"],
      ["spec.containers[0].ports[1].containerPort", "modelmesh/reserved-port", "port 11890 is reserved in ModelMesh pods (ModelMesh's reserved range 11881-11899)"],
    ]);
    expect(found[0]?.fix).toBe("remove the readiness probe (ModelMesh asks the runtime's management endpoint whether it is ready)");
  });

  it("the built-in adapter names a known server type and a container of that name", () => {
    expect(issues({ containers: [server], builtInAdapter: { serverType: "vllm" } })[0]).toMatchObject({
      path: "spec.builtInAdapter.serverType",
      rule: "modelmesh/adapter",
      message: 'ModelMesh has built-in adapters only for triton, mlserver, ovms, torchserve ("unrecognized built-in runtime server type")',
    });
    expect(issues({ containers: [server], builtInAdapter: { serverType: "mlserver" } })[0]).toMatchObject({
      path: "spec.containers",
      value: ["server"],
      rule: "modelmesh/adapter",
      message: 'builtInAdapter.serverType is mlserver, and ModelMesh requires a runtime container with exactly that name ("must include runtime container with name mlserver")',
      fix: 'name the server container "mlserver"',
    });
  });

  it("endpoints: the form, port:N with a built-in adapter, a management endpoint without one, no reserved ports", () => {
    expect(issues({ containers: [{ ...server, name: "mlserver" }], builtInAdapter: { serverType: "mlserver" }, grpcEndpoint: "unix:/tmp/mm.sock" }).map((i) => [i.path, i.message])).toEqual([
      ["spec.grpcEndpoint", 'with a built-in adapter, grpcEndpoint must have the form "port:N" (the adapter listens on it)'],
    ]);
    expect(issues({ containers: [server], grpcEndpoint: undefined }).map((i) => [i.path, i.message, i.fix])).toEqual([
      ["spec.grpcEndpoint", "a multi-model runtime without a built-in adapter must say where its model-runtime SPI listens", 'set grpcEndpoint, for example "port:8085"'],
    ]);
    expect(issues({ containers: [server], grpcDataEndpoint: "8001" }).map((i) => [i.path, i.message])).toEqual([["spec.grpcDataEndpoint", 'grpcDataEndpoint must be "port:N" or "unix:/path"']]);
    expect(issues({ containers: [{ ...server, name: "ovms" }], builtInAdapter: { serverType: "ovms" }, grpcDataEndpoint: "port:8085" }).map((i) => i.message)).toEqual([
      "grpcDataEndpoint uses port 8085, which ModelMesh reserves for the built-in adapter",
    ]);
  });

  it("ModelMesh renders no templates; a workerSpec is impossible; a container without a memory limit is a warning", () => {
    expect(issues({ containers: [{ ...server, args: ["--name={{.Name}}"] }] })).toEqual([
      { path: "spec.containers[0].args[0]", value: "--name={{.Name}}", rule: "modelmesh/template", message: "ModelMesh does not render templates in runtime containers, so the braces would reach the server literally", fix: "use a literal value (KServe's {{.Name}} templates apply only to single-model runtimes)", where: "raw" },
    ]);
    expect(issues({ containers: [server], workerSpec: { containers: [{ name: "w" }] } }).map((i) => i.rule)).toEqual(["modelmesh/worker-spec"]);
    const noLimit = issues({ containers: [{ name: "server", image: "r/s:1" }] });
    expect(noLimit).toEqual([
      {
        where: "raw",
        path: "spec.containers[0].resources.limits.memory",
        value: undefined,
        rule: "modelmesh/memory-limit",
        message: "ModelMesh sizes the pod's models-dir volume as 1.5 times the runtime containers' memory limits, so without a limit models have no room on disk",
        fix: 'set resources.limits.memory, for example "1Gi" (the upstream runtimes use 1Gi)',
        severity: "warning",
      },
    ]);
    expect(buildServingRuntime({ spec: { ...base, containers: [{ name: "server", image: "r/s:1" }] } }, ctx).manifests).toHaveLength(1);
  });

  it("availability is checked on raw specs too", () => {
    expect(buildServingRuntime({ spec: { ...base, containers: [server] } }, { ...ctx, target: { openshiftAI: { version: "3.0" } } }).issues.map((i) => [i.path, i.rule])).toEqual([["spec.multiModel", "modelmesh/unavailable"]]);
  });

  it("the same rules run on engines (a readiness probe given to a multi-model engine)", () => {
    const result = buildInferenceEngine(customProps({ readiness: { path: "/ready" } }), ctx);
    expect(result.issues.map((i) => [i.path, i.rule])).toEqual([["spec.containers[0].readinessProbe", "modelmesh/container-probe"]]);
  });
});

describeIfCrds("conformance", () => {
  it("every preset and a custom multi-model engine validate against the ServingRuntime CRD", () => {
    const manifests = synthChart(
      (chart) => {
        new InferenceEngine(chart, "triton", ModelMeshRuntimes.triton({ scaling: { max: 3 } }));
        new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver({ route: true, auth: true, scope: "cluster" }));
        new InferenceEngine(chart, "ovms", ModelMeshRuntimes.ovms({ replicas: 1 }));
        new InferenceEngine(chart, "torchserve", ModelMeshRuntimes.torchserve());
        new InferenceEngine(chart, "custom", customProps({ multiModel: { adapter: { container: { name: "adapter", image: "a:1" } }, storageHelper: false, httpDataEndpoint: "port:8002" } }));
      },
      { target: { openshiftAI: { version: "2.25" } } },
    );
    expect(manifests).toHaveLength(5);
    expect(formatProblems(validateAll(manifests))).toBe("");
  });
});
