/**
 * The Chariot importer: every engine-version field, several versions as one engine, and every problem
 * reported at once with Chariot's field names.
 */
import { importChariot } from "kserve-constructs";
import type { ChariotEngineVersion, InferenceEngineProps } from "kserve-constructs";
import { InferenceEngine, InferenceService, ModelLocation } from "kserve-constructs/cdk8s";
import { find, synthChart, validationError } from "../support/synth";
import * as example from "../../examples/specs/chariot-engine";
import { itChecksDefaults } from "../support/defaults";

function imported(...args: Parameters<typeof importChariot>): InferenceEngineProps {
  const result = importChariot(...args);
  expect(result.issues).toEqual([]);
  return result.props as InferenceEngineProps;
}

function problems(...args: Parameters<typeof importChariot>): [string, string][] {
  return importChariot(...args).issues.map((i) => [i.rule, i.path]);
}

/** The SDK call of Chariot's guide, as an object. */
const guide: ChariotEngineVersion = {
  name: "My Engine Name",
  project_id: "abc",
  version: "1.0.0",
  container_image_cpu: "docker.io/my-engine-image-cpu",
  container_image_gpu: "docker.io/my-engine-image-gpu",
  is_default: true,
  supports_multi_gpu: false,
  env: [{ name: "SOME_ENV_VAR", value: "some value" }],
  readiness_probe: { path: "/ready", port: 8080, initial_delay_seconds: 5, timeout_seconds: 10, period_seconds: 1, success_threshold: 1, failure_threshold: 3 },
  predictor_env_schema: [
    { name: "LOG_LEVEL", type: "string", default_value: "INFO", display_text: "Log level" },
    { name: "QUANTIZE_WEIGHTS", type: "bool", default_value: "false", display_text: "Quantize weights" },
  ],
  enforce_predictor_env_schema: false,
  inference_protocol: "chariot-v2-kserve",
};

describe("Chariot engine versions import", () => {
  it("every field of create_engine_version", () => {
    expect(imported(guide)).toEqual({
      versions: { "1.0.0": { image: { cpu: "docker.io/my-engine-image-cpu", nvidia: "docker.io/my-engine-image-gpu" }, env: { SOME_ENV_VAR: "some value" } } },
      defaultVersion: "1.0.0",
      port: 8080,
      protocol: "v2",
      readiness: { path: "/ready", initialDelaySeconds: 5, timeoutSeconds: 10, periodSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      parameters: { LOG_LEVEL: { type: "string", default: "INFO", description: "Log level" }, QUANTIZE_WEIGHTS: { type: "bool", default: false, description: "Quantize weights" } },
      modelFormats: [{ name: "my-engine-name" }],
      env: { CHARIOT_MODEL_ID: "{{model_name}}" },
    });
  });

  it("JSON text imports like the object", () => {
    expect(imported(JSON.stringify(guide))).toEqual(imported(guide));
  });

  it("entrypoint becomes the command and command the args (Kubernetes names them the other way round)", () => {
    const props = imported({ ...guide, entrypoint: ["python", "-m"], command: "server --port 8080 --name 'a b'" });
    expect(props.command).toEqual(["python", "-m"]);
    expect(props.args).toEqual(["server", "--port", "8080", "--name", "a b"]);
  });

  it("supports_multi_gpu, enforce_predictor_env_schema, int and float settings, env as a map", () => {
    const props = imported({
      name: "e", version: 2, container_image_gpu: "r/e-gpu:2", supports_multi_gpu: true, enforce_predictor_env_schema: true, env: { A: "1" },
      predictor_env_schema: [{ name: "BATCH", type: "int", default_value: "8" }, { name: "TEMP", type: "float", default_value: 0.5 }, { name: "NOTE", type: "string" }],
    });
    expect(props).toMatchObject({ versions: { "2": { image: { nvidia: "r/e-gpu:2" }, env: { A: "1" } } }, defaultVersion: "2", multiGpu: true, enforceParameters: true, protocol: "v1" });
    expect(props.parameters).toEqual({ BATCH: { type: "int", default: 8 }, TEMP: { type: "float", default: 0.5 }, NOTE: { type: "string" } });
  });

  it("inference protocols: openai, v1 and unset (v1); the protocol prop wins over an unknown one", () => {
    expect(imported({ ...guide, inference_protocol: "openai" }).protocol).toBe("openai");
    expect(imported({ ...guide, inference_protocol: null }).protocol).toBe("v1");
    expect(imported({ ...guide, inference_protocol: "my-protocol" }, { protocol: "v2" }).protocol).toBe("v2");
  });

  it("container_root_relative_base_url gives the readiness path when the probe has none", () => {
    expect(imported({ ...guide, readiness_probe: { port: 9000 }, container_root_relative_base_url: "/v2/models/m-abc/" }).readiness).toEqual({ path: "/v2/models/m-abc/ready" });
    expect(imported({ ...guide, readiness_probe: null, container_root_relative_base_url: "engine" }).readiness).toEqual({ path: "/engine/ready" });
  });

  it("several versions make one engine; is_default picks the runtime's version", () => {
    const props = imported([
      { ...guide, version: "1.0.0", is_default: false },
      { ...guide, version: "1.1.0", is_default: true, container_image_cpu: "r/e:1.1.0", container_image_gpu: null, env: [] },
    ]);
    expect(props.versions).toEqual({ "1.0.0": { image: { cpu: "docker.io/my-engine-image-cpu", nvidia: "docker.io/my-engine-image-gpu" }, env: { SOME_ENV_VAR: "some value" } }, "1.1.0": { image: { cpu: "r/e:1.1.0" } } });
    expect(props.defaultVersion).toBe("1.1.0");
  });

  it("the example engine synthesizes, and a model on another version gets that version's image and typed settings", () => {
    const manifests = synthChart((chart) => {
      const engine = InferenceEngine.fromChariot(chart, "defect-detector", example.defectDetector, example.defectDetectorProps);
      new InferenceService(chart, "m", { engine, model: ModelLocation.fromUri("s3://b/m/"), engineVersion: "1.0.0", parameters: { BATCH_SIZE: 4 } });
    });
    const runtime = find(manifests, "ServingRuntime").spec as { containers: Record<string, unknown>[]; protocolVersions: string[] };
    expect(runtime.containers[0]?.["image"]).toBe("registry.example.com/vision/defect-detector:1.1.0");
    expect(runtime.containers[0]?.["args"]).toEqual(["python", "main.py"]);
    expect(runtime.protocolVersions).toEqual(["v2"]);
    const model = (find(manifests, "InferenceService").spec as { predictor: { model: Record<string, unknown> } }).predictor.model;
    expect(model["image"]).toBe("registry.example.com/vision/defect-detector:1.0.0");
    expect(model["env"]).toEqual([{ name: "BATCH_SIZE", value: "4" }, { name: "OMP_NUM_THREADS", value: "4" }]);
  });

  it("enforced settings reject a model setting the engine does not declare", () => {
    const error = validationError((chart) => {
      const engine = InferenceEngine.fromChariot(chart, "e", example.defectDetector, example.defectDetectorProps);
      new InferenceService(chart, "m", { engine, model: ModelLocation.fromUri("s3://b/m/"), parameters: { BATCH: 4 } });
    });
    expect(error.issues.map((i) => i.path)).toEqual(["parameters.BATCH"]);
  });
});

describe("Chariot problems: all at once, with Chariot's field names", () => {
  it("no image, multi-GPU without a GPU image, a bad default, a duplicate setting, an unknown protocol", () => {
    expect(
      problems({
        name: "e", version: "1", supports_multi_gpu: true, inference_protocol: "grpc-custom",
        predictor_env_schema: [{ name: "N", type: "int", default_value: "eight" }, { name: "N", type: "bool", default_value: "yes" }, { name: "bad-name", type: "string" }],
      }),
    ).toEqual([
      ["chariot/images", "container_image_cpu"],
      ["chariot/images", "supports_multi_gpu"],
      ["chariot/predictor-env", "predictor_env_schema[0].default_value"],
      ["chariot/predictor-env", "predictor_env_schema[1].name"],
      ["chariot/predictor-env", "predictor_env_schema[1].default_value"],
      ["chariot/predictor-env", "predictor_env_schema[2].name"],
      ["chariot/protocol", "inference_protocol"],
    ]);
  });

  it("versions of two engines, a version twice, two defaults, and differing engine-wide fields", () => {
    const base = { ...guide, is_default: false };
    expect(
      problems([
        { ...base, version: "1", is_default: true },
        { ...base, version: "1", name: "Other" },
        { ...base, version: "2", is_default: true, command: ["other"], readiness_probe: { path: "/healthz" } },
      ]),
    ).toEqual([
      ["chariot/versions", "[1].name"],
      ["chariot/versions", "[1].version"],
      ["chariot/versions", "[2].is_default"],
    ]);
    expect(problems([{ ...base, version: "1", is_default: true }, { ...base, version: "2", command: ["other"], readiness_probe: { path: "/healthz" } }])).toEqual([
      ["chariot/version-fields", "[1].readiness_probe"],
      ["chariot/version-fields", "[1].command"],
    ]);
    expect(problems([{ ...base, version: "1" }, { ...base, version: "2" }])).toEqual([["chariot/versions", "[0].is_default"]]);
    expect(problems([{ ...base, version: "1" }, { ...base, version: "2", command: ["x"] }], { onlyVersions: ["2", "3"] })).toEqual([["chariot/versions", "onlyVersions"]]);
    expect(imported([{ ...base, version: "1" }, { ...base, version: "2", command: ["x"] }], { onlyVersions: ["2"] }).args).toEqual(["x"]);
    expect(imported([{ ...base, version: "1" }, { ...base, version: "2" }], { defaultVersion: "2" }).defaultVersion).toBe("2");
  });

  it("unknown fields, wrong types and JSON syntax errors", () => {
    expect(problems({ ...guide, readiness_probe: { path: "/ready", port: "8080" }, gpu: true } as unknown as ChariotEngineVersion)).toEqual([
      ["chariot/shape", "readiness_probe.port"],
      ["chariot/shape", "gpu"],
    ]);
    expect(problems([])).toEqual([["chariot/shape", ""]]);
    const syntax = importChariot('{"name": "e", "version": ');
    expect(syntax.issues.map((i) => i.rule)).toEqual(["chariot/shape"]);
    expect(syntax.issues[0]?.message).toMatch(/^the Chariot engine definition is not valid YAML or JSON \(line 1, column \d+\)/);
  });

  it("an unclosed quote in a one-line command", () => {
    expect(problems({ ...guide, command: "serve 'x" })).toEqual([["chariot/command-line", "command"]]);
  });

  it("the construct reports them in one ValidationError", () => {
    const error = validationError((chart) => InferenceEngine.fromChariot(chart, "bad", [{ name: "e", version: "1" }, { name: "e", version: "2" }]));
    expect(error.issues.map((i) => [i.where, i.rule, i.path])).toEqual([
      ["test/bad", "chariot/images", "[0].container_image_cpu"],
      ["test/bad", "chariot/images", "[1].container_image_cpu"],
      ["test/bad", "chariot/versions", "[0].is_default"],
    ]);
  });
});

describe("Chariot importer defaults", () => {
  itChecksDefaults(["EngineImportProps.protocol"], "the protocol follows inference_protocol (v1 when it is not given); the protocol prop wins", () => {
    const { inference_protocol: _p, ...plain } = guide;
    expect([imported(guide).protocol, imported(plain).protocol, imported({ ...guide, inference_protocol: "openai" }).protocol, imported(guide, { protocol: "openai" }).protocol]).toEqual(["v2", "v1", "openai", "openai"]);
  });
});
