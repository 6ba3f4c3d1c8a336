/**
 * The GPUStack importer: every field of a backend definition, every placeholder, every problem, and the
 * three backends of GPUStack's custom-backend guide (TensorRT-LLM, llama.cpp, Kokoro) end to end.
 */
import { buildInferenceEngine, gpuStackPreset, importGpuStack, ruleMeta } from "kserve-constructs";
import type { GpuStackBackendDefinition, InferenceEngineProps, Issue } from "kserve-constructs";
import { Accelerator, Hardware, InferenceEngine, InferenceService, ModelLocation } from "kserve-constructs/cdk8s";
import { find, synthChart, validationError } from "../support/synth";
import * as examples from "../../examples/specs/gpustack-backends";
import { itChecksDefaults } from "../support/defaults";

/** The imported props (fails the test when the import has errors). */
function imported(...args: Parameters<typeof importGpuStack>): InferenceEngineProps {
  const result = importGpuStack(...args);
  expect(result.issues.filter((i) => i.severity !== "warning")).toEqual([]);
  return result.props as InferenceEngineProps;
}

/** The problems of an import, as [rule, path] pairs. */
function problems(...args: Parameters<typeof importGpuStack>): [string, string][] {
  return importGpuStack(...args).issues.map((i) => [i.rule, i.path]);
}

const minimal = (overrides: Partial<Record<keyof GpuStackBackendDefinition, unknown>> = {}): GpuStackBackendDefinition =>
  ({ backend_name: "my-engine-custom", version_configs: { "1.0": { image_name: "r/e:1.0", custom_framework: "cpu" } }, ...overrides }) as GpuStackBackendDefinition;

describe("GPUStack's guide backends import and synthesize", () => {
  it("TensorRT-LLM: run_command as args, cuda image as the nvidia image, health from the OpenAI protocol", () => {
    expect(imported(examples.tensorRtLlm)).toEqual({
      versions: { "1.2.0rc0": { image: { nvidia: "nvcr.io/nvidia/tensorrt-llm/release:1.2.0rc0" } } },
      defaultVersion: "1.2.0rc0",
      args: ["trtllm-serve", "{{model_path}}", "--host", "0.0.0.0", "--port", "{{port}}"],
      protocol: "openai",
      modelFormats: [{ name: "tensorrt-llm" }],
      multiGpu: true,
    });
    const runtime = find(synthChart((chart) => InferenceEngine.fromGpuStack(chart, "trt", examples.tensorRtLlm, examples.tensorRtLlmProps)), "ServingRuntime");
    const container = (runtime.spec as { containers: Record<string, unknown>[] }).containers[0];
    expect(container?.["image"]).toBe("nvcr.io/nvidia/tensorrt-llm/release:1.2.0rc0");
    expect(container?.["args"]).toEqual(["trtllm-serve", "/mnt/models", "--host", "0.0.0.0", "--port", "8080"]);
  });

  it("llama.cpp: {{model_path}} is the GGUF file named by modelFile, which each model may change", () => {
    expect(imported(examples.llamaCpp, { modelFile: "model.gguf" })).toEqual({
      versions: { "v1-custom": { image: { cpu: "ghcr.io/ggml-org/llama.cpp:server" } } },
      defaultVersion: "v1-custom",
      args: ["-m", "{{model_path}}/$(MODEL_FILE)", "--host", "0.0.0.0", "--port", "{{port}}"],
      protocol: "openai",
      modelFormats: [{ name: "llama.cpp-custom" }],
      parameters: { MODEL_FILE: { type: "string", default: "model.gguf", description: "the model file inside the model folder" } },
    });
    const manifests = synthChart((chart) => {
      const engine = InferenceEngine.fromGpuStack(chart, "llama-cpp", examples.llamaCpp, examples.llamaCppProps);
      new InferenceService(chart, "qwen", { engine, model: ModelLocation.fromUri("pvc://gguf/qwen"), parameters: { MODEL_FILE: "qwen.gguf" } });
    });
    const container = (find(manifests, "ServingRuntime").spec as { containers: Record<string, unknown>[] }).containers[0];
    expect(container?.["args"]).toEqual(["-m", "/mnt/models/$(MODEL_FILE)", "--host", "0.0.0.0", "--port", "8080"]);
    expect(container?.["env"]).toEqual([{ name: "MODEL_FILE", value: "model.gguf" }]);
    expect((container?.["securityContext"] as Record<string, unknown>)["runAsNonRoot"]).toBeUndefined();
    const model = ((find(manifests, "InferenceService").spec as { predictor: { model: Record<string, unknown> } }).predictor.model);
    expect(model["env"]).toEqual([{ name: "MODEL_FILE", value: "qwen.gguf" }]);
  });

  it("llama.cpp without modelFile: {{model_path}} is the model folder, with a warning naming modelFile", () => {
    const result = importGpuStack(examples.llamaCpp);
    expect(result.props?.args).toEqual(["-m", "{{model_path}}", "--host", "0.0.0.0", "--port", "{{port}}"]);
    expect(result.issues).toEqual([
      {
        path: "default_run_command",
        value: "-m {{model_path}} --host 0.0.0.0 --port {{port}}",
        rule: "gpustack/model-file",
        message: "llama.cpp loads one GGUF file, and {{model_path}} is the model folder on KServe unless modelFile names the file",
        fix: 'set modelFile to the GGUF file\'s name (for example modelFile: "model.gguf"); each InferenceService may set the parameter MODEL_FILE',
        severity: "warning",
      },
    ]);
    expect(importGpuStack(examples.llamaCpp, { modelFile: "m.gguf" }).issues).toEqual([]);
    expect(importGpuStack(examples.kokoro).issues).toEqual([]);
  });

  it("Kokoro: default_run_command split into words, the gpu image for nvidia", () => {
    expect(imported(examples.kokoro)).toEqual({
      versions: { v1: { image: { nvidia: "ghcr.io/remsky/kokoro-fastapi-gpu:latest" } } },
      defaultVersion: "v1",
      args: ["python", "-m", "uvicorn", "api.src.main:app", "--host", "0.0.0.0", "--port", "{{port}}", "--log-level", "debug"],
      protocol: "openai",
      modelFormats: [{ name: "kokoro-custom" }],
      multiGpu: true,
    });
  });

  it("the parsed object imports like the YAML text", () => {
    const parsed = { backend_name: "kokoro-custom", version_configs: { v1: { image_name: "ghcr.io/remsky/kokoro-fastapi-gpu:latest", custom_framework: "cuda" } }, default_run_command: "python -m uvicorn api.src.main:app --host 0.0.0.0 --port {{port}} --log-level debug" };
    expect(imported(parsed)).toEqual(imported(examples.kokoro));
  });
});

describe("GPUStack fields", () => {
  it("version_configs: one engine version per key, with its image, framework and env", () => {
    const props = imported(
      minimal({
        version_configs: {
          "1.0": { image_name: "r/e:1.0", custom_framework: "cuda", env: { MODE: "a", THREADS: 4 } },
          "1.1": { image_name: "r/e-rocm:1.1", custom_framework: "rocm" },
          "1.2": { image_name: " r/e-cpu:1.2 ", custom_framework: "cpu", env: {} },
          "1.3": { image_name: "r/e-npu:1.3", custom_framework: "cann" },
        },
        default_version: "1.2",
      }),
    );
    expect(props.versions).toEqual({
      "1.0": { image: { nvidia: "r/e:1.0" }, env: { MODE: "a", THREADS: "4" } },
      "1.1": { image: { amd: "r/e-rocm:1.1" } },
      "1.2": { image: { cpu: "r/e-cpu:1.2" } },
      "1.3": { image: { cann: "r/e-npu:1.3" } },
    });
    expect(props.defaultVersion).toBe("1.2");
    expect(props.multiGpu).toBe(true);
  });

  it("frameworks maps a framework to the accelerator key of the user's choice", () => {
    const props = imported(minimal({ version_configs: { "1.0": { image_name: "r/e:1.0", custom_framework: "cann" } } }), { frameworks: { cann: "ascend" } });
    expect(props.versions).toEqual({ "1.0": { image: { ascend: "r/e:1.0" } } });
  });

  it("without default_version the highest version is the default (GPUStack's rule)", () => {
    const props = imported(minimal({ version_configs: { "1.9": { image_name: "r/e:1.9", custom_framework: "cpu" }, "1.10": { image_name: "r/e:1.10", custom_framework: "cpu" }, "1.2": { image_name: "r/e:1.2", custom_framework: "cpu" } } }));
    expect(props.defaultVersion).toBe("1.10");
  });

  it("run_command wins over default_run_command, entrypoint over default_entrypoint; default_backend_param follows, split per item", () => {
    const props = imported(
      minimal({
        version_configs: { "1.0": { image_name: "r/e:1.0", custom_framework: "cpu", run_command: "serve --model '{{model_path}}' --name \"my {{model_name}}\"", entrypoint: "/bin/sh -c" } },
        default_run_command: "ignored",
        default_entrypoint: "ignored",
        default_backend_param: ["--ctx-size 4096", "--flash-attn"],
      }),
    );
    expect(props.command).toEqual(["/bin/sh", "-c"]);
    expect(props.args).toEqual(["serve", "--model", "{{model_path}}", "--name", "my {{model_name}}", "--ctx-size", "4096", "--flash-attn"]);
    const fallback = imported(minimal({ default_run_command: "serve {{port}}", default_entrypoint: "python -m server" }));
    expect(fallback.command).toEqual(["python", "-m", "server"]);
    expect(fallback.args).toEqual(["serve", "{{port}}"]);
  });

  it("default_env becomes the engine's env, health_check_path the readiness path", () => {
    const props = imported(minimal({ default_env: { HF_HOME: "/tmp/hf", WORKERS: 2 }, health_check_path: "/health" }));
    expect(props.env).toEqual({ HF_HOME: "/tmp/hf", WORKERS: "2" });
    expect(props.readiness).toEqual({ path: "/health" });
  });

  it("GPUStack's server-side metadata and nulls are accepted and ignored", () => {
    const props = imported(
      minimal({
        description: "x", icon: null, enabled: true, is_built_in: false, backend_source: "custom", parameter_format: "equal", common_parameters: ["--a"], id: 3,
        created_at: "2026-01-01T00:00:00Z", updated_at: null, built_in_version_configs: {}, framework_index_map: {}, default_run_command: null, default_entrypoint: "", default_env: null, health_check_path: null, default_version: null, default_backend_param: [],
      }),
    );
    expect(props).toEqual({ versions: { "1.0": { image: { cpu: "r/e:1.0" } } }, defaultVersion: "1.0", protocol: "openai", modelFormats: [{ name: "my-engine-custom" }] });
  });

  it("the importer's props win over the definition; env merges; extraArgs follow", () => {
    const props = imported(minimal({ default_env: { A: "1", B: "2" }, default_run_command: "serve" }), {
      name: "engine", port: 9000, protocol: ["openai", "v2"], modelFormats: [{ name: "gguf", version: "3" }], env: { B: "3" }, extraArgs: ["--verbose"], onlyVersions: ["1.0"],
    });
    expect(props).toMatchObject({ name: "engine", port: 9000, protocol: ["openai", "v2"], modelFormats: [{ name: "gguf", version: "3" }], env: { A: "1", B: "3" }, args: ["serve", "--verbose"] });
    expect(props).not.toHaveProperty("onlyVersions");
  });

  it("onlyVersions leaves versions with another command out, and defaultVersion picks among the rest", () => {
    const def = minimal({ version_configs: { a: { image_name: "r/e:a", custom_framework: "cpu", run_command: "one" }, b: { image_name: "r/e:b", custom_framework: "cpu", run_command: "two" } }, default_version: "a" });
    expect(imported(def, { onlyVersions: ["b"] })).toMatchObject({ versions: { b: { image: { cpu: "r/e:b" } } }, defaultVersion: "b", args: ["two"] });
    expect(problems(def, { onlyVersions: ["a"], defaultVersion: "b" })).toEqual([["gpustack/versions", "defaultVersion"]]);
  });
});

describe("GPUStack placeholders", () => {
  const withCommand = (run: string, extra: Partial<Record<keyof GpuStackBackendDefinition, unknown>> = {}): GpuStackBackendDefinition =>
    minimal({ version_configs: { "1.0": { image_name: "r/e:1.0", custom_framework: "cuda", run_command: run } }, ...extra });

  it("{{port}}, {{model_name}}, {{model_path}} become the library's, {{worker_ip}} 0.0.0.0", () => {
    expect(imported(withCommand("s --port={{port}} --name {{model_name}} --model {{model_path}} --host {{worker_ip}}")).args).toEqual(["s", "--port={{port}}", "--name", "{{model_name}}", "--model", "{{model_path}}", "--host", "0.0.0.0"]);
  });

  it("{{gpu_count}} becomes $(GPU_COUNT), set by the runtime and by InferenceServices with more devices", () => {
    const props = imported(withCommand("s --tp {{gpu_count}}"));
    expect(props).toMatchObject({ args: ["s", "--tp", "$(GPU_COUNT)"], env: { GPU_COUNT: "1" }, multiGpu: true, tensorParallel: { env: "GPU_COUNT" } });
    const manifests = synthChart((chart) => {
      const engine = InferenceEngine.fromGpuStack(chart, "e", withCommand("s --tp {{gpu_count}}"), { imageUser: "root" });
      new InferenceService(chart, "m", { engine, model: ModelLocation.fromUri("s3://b/m/"), hardware: Hardware.accelerator(Accelerator.nvidia({ min: 1, default: 2, max: 4 }), { accelerators: 2 }) });
    });
    const model = (find(manifests, "InferenceService").spec as { predictor: { model: Record<string, unknown> } }).predictor.model;
    expect(model["env"]).toEqual([{ name: "GPU_COUNT", value: "2" }]);
    const container = (find(manifests, "ServingRuntime").spec as { containers: Record<string, unknown>[] }).containers[0];
    expect(container?.["args"]).toEqual(["s", "--tp", "$(GPU_COUNT)"]);
  });

  it("{{gpu_count}} of a cpu-only backend defaults to 0", () => {
    expect(imported(minimal({ default_run_command: "s -t {{gpu_count}}" })).env).toEqual({ GPU_COUNT: "0" });
  });

  it("{{VAR}} becomes $(VAR); a variable the backend does not define is a warning", () => {
    const ok = importGpuStack(withCommand("s --key={{API_KEY}}", { default_env: { API_KEY: "k" } }));
    expect(ok.issues).toEqual([]);
    expect(ok.props?.args).toEqual(["s", "--key=$(API_KEY)"]);
    const missing = importGpuStack(withCommand("s --key={{API_KEY}}"));
    expect(missing.props?.args).toEqual(["s", "--key=$(API_KEY)"]);
    expect(missing.issues).toEqual([
      { path: 'version_configs["1.0"].run_command', value: "s --key={{API_KEY}}", rule: "gpustack/env-reference", message: "{{API_KEY}} refers to the variable API_KEY, which the backend does not define", fix: "define API_KEY in default_env or the importer's env, or set it on every InferenceService", severity: "warning" },
    ]);
    expect(importGpuStack(withCommand("s --key={{API_KEY}}"), { env: { API_KEY: "k" } }).issues).toEqual([]);
  });

  it("{{gpu_ids}} is an error that says it has no Kubernetes meaning", () => {
    expect(importGpuStack(withCommand("s --devices {{gpu_ids}}")).issues).toEqual([
      {
        path: 'version_configs["1.0"].run_command',
        value: "s --devices {{gpu_ids}}",
        rule: "gpustack/placeholder",
        message: "{{gpu_ids}} has no Kubernetes meaning: the device plugin chooses the devices, and the container sees only the ones it was given",
        fix: "remove {{gpu_ids}} and the flag that takes it: the container sees exactly the devices it requested",
      },
    ]);
    expect(ruleMeta("gpustack/placeholder")?.severity).toBe("error");
  });

  it("KServe's own templates pass through to the runtime checks", () => {
    expect(imported(withCommand("s --ns {{.Namespace}}")).args).toEqual(["s", "--ns", "{{.Namespace}}"]);
  });
});

describe("GPUStack problems: all of them at once, with GPUStack's field names", () => {
  it("missing image and framework, an unknown default version, an unclosed quote", () => {
    expect(
      problems(
        minimal({
          version_configs: { "1.0": { run_command: "serve 'x" }, "2.0": { image_name: "r/e:2", custom_framework: "cpu", run_command: "serve 'x" } },
          default_version: "3.0",
        }),
      ),
    ).toEqual([
      ["gpustack/version-image", 'version_configs["1.0"].image_name'],
      ["gpustack/version-image", 'version_configs["1.0"].custom_framework'],
      ["gpustack/versions", "default_version"],
      ["gpustack/command-line", 'version_configs["1.0"].run_command'],
      ["gpustack/command-line", 'version_configs["2.0"].run_command'],
    ]);
  });

  it("unknown fields and wrong types are shape problems at their path", () => {
    const result = importGpuStack({ backend_name: "x", version_configs: { "1.0": { image: "r/e", custom_framework: "cpu" } }, health_check_path: 3 } as unknown as GpuStackBackendDefinition);
    expect(result.issues.map((i) => [i.rule, i.path])).toEqual([
      ["gpustack/shape", 'version_configs["1.0"].image'],
      ["gpustack/shape", "health_check_path"],
    ]);
    expect(result.issues[0]?.message).toContain("image");
  });

  it("a YAML syntax error names its line", () => {
    const result = importGpuStack("backend_name: x\nversion_configs:\n  v1: {image_name: [\n");
    expect(result.issues[0]?.rule).toBe("gpustack/shape");
    expect(result.issues[0]?.message).toMatch(/^the GPUStack backend definition is not valid YAML or JSON \(line \d+, column \d+\): \S/);
    expect(result.issues[0]?.message).not.toContain("\n");
  });

  it("a version with another command than the default version's, and what onlyVersions names", () => {
    const def = minimal({ version_configs: { a: { image_name: "r/e:a", custom_framework: "cpu", run_command: "one" }, b: { image_name: "r/e:b", custom_framework: "cpu", entrypoint: "sh" } }, default_version: "a" });
    const result = importGpuStack(def, { onlyVersions: ["a", "b", "c"] });
    expect(result.issues.map((i) => [i.rule, i.path, i.fix])).toEqual([
      ["gpustack/versions", "onlyVersions", "use one of a, b"],
      ["gpustack/version-command", "version_configs.a.run_command", 'import version b as its own engine (onlyVersions: ["b"]) and leave it out of this one'],
      ["gpustack/version-command", "version_configs.b.entrypoint", 'import version b as its own engine (onlyVersions: ["b"]) and leave it out of this one'],
    ]);
  });

  it("a built-in backend has no images to import", () => {
    expect(problems(minimal({ is_built_in: true }))).toEqual([["gpustack/version-image", "is_built_in"]]);
    expect(problems(minimal({ backend_source: "built_in" }))).toEqual([["gpustack/version-image", "backend_source"]]);
  });

  it("an empty definition, and an image with spaces", () => {
    expect(problems(minimal({ version_configs: {} }))).toEqual([["gpustack/versions", "version_configs"]]);
    expect(problems(minimal({ version_configs: { "1": { image_name: "r/e 1", custom_framework: "Ascend NPU" } } }))).toEqual([
      ["gpustack/version-image", 'version_configs["1"].image_name'],
      ["gpustack/version-image", 'version_configs["1"].custom_framework'],
    ]);
  });

  it("the construct reports them in one ValidationError, at the construct", () => {
    const error = validationError((chart) => InferenceEngine.fromGpuStack(chart, "bad", minimal({ version_configs: { "1.0": { custom_framework: "cpu", run_command: "s {{gpu_ids}}" } } })));
    expect(error.issues.map((i: Issue) => [i.where, i.rule, i.path])).toEqual([
      ["test/bad", "gpustack/version-image", 'version_configs["1.0"].image_name'],
      ["test/bad", "gpustack/placeholder", 'version_configs["1.0"].run_command'],
    ]);
    expect(error.message).toContain('test/bad > version_configs["1.0"].image_name');
  });

  it("a bad importer prop is reported with the engine's path", () => {
    const error = validationError((chart) => InferenceEngine.fromGpuStack(chart, "bad", minimal(), { port: 0 }));
    expect(error.issues.map((i) => [i.rule, i.path])).toEqual([["props/shape", "port"]]);
  });

  it("as a preset, the warnings reach the build's issues", () => {
    const result = buildInferenceEngine(gpuStackPreset(minimal({ default_run_command: "s {{X}}" }), { imageUser: "root" }), { where: "w", defaultName: "e", namespace: "models" });
    expect(result.issues.map((i) => [i.rule, i.severity])).toEqual([["gpustack/env-reference", "warning"]]);
    expect(result.manifests).toHaveLength(1);
  });

  it("as a preset, the warnings are reported also when the props do not fit the schema", () => {
    const result = buildInferenceEngine(gpuStackPreset(minimal({ default_run_command: "s {{X}}" }), { port: 0 }), { where: "w", defaultName: "e", namespace: "models" });
    expect(result.issues.map((i) => [i.rule, i.path, i.severity ?? "error"])).toEqual([
      ["gpustack/env-reference", "default_run_command", "warning"],
      ["props/shape", "port", "error"],
    ]);
    expect(result.manifests).toEqual([]);
  });
});

describe("GPUStack importer defaults", () => {
  const two = minimal({ version_configs: { "1.0": { image_name: "r/e:1.0", custom_framework: "cuda" }, "1.1": { image_name: "r/e:1.1", custom_framework: "cuda" } }, default_version: "1.0", default_run_command: "serve {{model_path}}" });

  itChecksDefaults(["EngineImportProps.onlyVersions", "EngineImportProps.defaultVersion", "EngineImportProps.protocol", "EngineImportProps.modelFormats", "EngineImportProps.extraArgs"], "every version, the definition's default version, openai, one auto-selected format named after the backend, only the imported args", () => {
    expect(imported(two)).toEqual({
      versions: { "1.0": { image: { nvidia: "r/e:1.0" } }, "1.1": { image: { nvidia: "r/e:1.1" } } },
      defaultVersion: "1.0",
      args: ["serve", "{{model_path}}"],
      protocol: "openai",
      modelFormats: [{ name: "my-engine-custom" }],
      multiGpu: true,
    });
    const runtime = find(synthChart((chart) => InferenceEngine.fromGpuStack(chart, "e", two)), "ServingRuntime");
    expect((runtime.spec as Record<string, unknown>)["supportedModelFormats"]).toEqual([{ autoSelect: true, name: "my-engine-custom" }]);
    expect(imported(two, { onlyVersions: ["1.1"], defaultVersion: "1.1", protocol: "v2", modelFormats: [{ name: "gguf" }], extraArgs: ["--verbose"] })).toMatchObject({ versions: { "1.1": { image: { nvidia: "r/e:1.1" } } }, defaultVersion: "1.1", protocol: "v2", modelFormats: [{ name: "gguf" }], args: ["serve", "{{model_path}}", "--verbose"] });
  });

  itChecksDefaults(["GpuStackImportProps.frameworks"], "cuda is nvidia, rocm amd, cpu cpu; another framework keeps its name", () => {
    const props = imported(minimal({ version_configs: { a: { image_name: "r/a:1", custom_framework: "cuda" }, b: { image_name: "r/b:1", custom_framework: "rocm" }, c: { image_name: "r/c:1", custom_framework: "cpu" }, d: { image_name: "r/d:1", custom_framework: "musa" } }, default_version: "a" }));
    expect(props.versions).toEqual({ a: { image: { nvidia: "r/a:1" } }, b: { image: { amd: "r/b:1" } }, c: { image: { cpu: "r/c:1" } }, d: { image: { musa: "r/d:1" } } });
  });

  itChecksDefaults(["GpuStackImportProps.modelFile"], "without modelFile {{model_path}} is the model folder /mnt/models and no MODEL_FILE parameter exists", () => {
    const props = imported(minimal({ default_run_command: "serve -m {{model_path}}" }));
    expect([props.args, props.parameters]).toEqual([["serve", "-m", "{{model_path}}"], undefined]);
    const runtime = find(synthChart((chart) => InferenceEngine.fromGpuStack(chart, "e", minimal({ default_run_command: "serve -m {{model_path}}" }))), "ServingRuntime");
    expect((runtime.spec as { containers: Record<string, unknown>[] }).containers[0]?.["args"]).toEqual(["serve", "-m", "/mnt/models"]);
  });
});
