/**
 * The NIM catalogue's image tags: the newest 1.x release of each model as of the catalogue's date, and
 * the 2.x line where NVIDIA publishes one.
 */
import { Nim } from "kserve-constructs/cdk8s";
import { NIM_CATALOGUE_DATE, NIM_MODELS } from "kserve-constructs";
import { find, synthChart } from "../support/synth";

describe("NIM catalogue", () => {
  it("is dated", () => {
    expect(NIM_CATALOGUE_DATE).toBe("2026-12-01");
  });

  it("pins the newest 1.x tag of each model", () => {
    expect(Object.fromEntries(Object.entries(NIM_MODELS).map(([id, m]) => [id, `${m.image}:${m.version}`]))).toEqual({
      "llama3-8b-instruct": "nvcr.io/nim/meta/llama3-8b-instruct:1.0.3",
      "llama3-70b-instruct": "nvcr.io/nim/meta/llama3-70b-instruct:1.0.3",
      "llama-3.1-8b-instruct": "nvcr.io/nim/meta/llama-3.1-8b-instruct:1.13.1",
      "llama-3.1-70b-instruct": "nvcr.io/nim/meta/llama-3.1-70b-instruct:1.13.1",
      "mistral-7b-instruct-v03": "nvcr.io/nim/mistralai/mistral-7b-instruct-v03:1.1.2",
      "mixtral-8x7b-instruct-v01": "nvcr.io/nim/mistralai/mixtral-8x7b-instruct-v01:1.2.1",
      "mixtral-8x22b-instruct-v01": "nvcr.io/nim/mistralai/mixtral-8x22b-instruct-v01:1.0.0",
      "llama-3.3-nemotron-super-49b-v1": "nvcr.io/nim/nvidia/llama-3.3-nemotron-super-49b-v1:1.8.5",
      "nv-embedqa-e5-v5": "nvcr.io/nim/nvidia/nv-embedqa-e5-v5:1.1.0",
      "nv-rerankqa-mistral-4b-v3": "nvcr.io/nim/nvidia/nv-rerankqa-mistral-4b-v3:1.0.2",
    });
    expect(Object.entries(NIM_MODELS).filter(([, m]) => "newerLine" in m).map(([id, m]) => [id, (m as { newerLine?: string }).newerLine])).toEqual([
      ["llama-3.1-8b-instruct", "2.1.5"],
      ["llama-3.1-70b-instruct", "2.1.5"],
    ]);
  });

  it("renders the tag into the runtime's image, name and format version", () => {
    const manifests = synthChart((chart) => Nim.llama31_8bInstruct(chart, "llama", { ngc: { apiKeySecret: "ngc-api", pullSecret: "ngc-secret" } }));
    const runtime = find(manifests, "ClusterServingRuntime");
    expect(runtime.metadata.name).toBe("nvidia-nim-llama-3.1-8b-instruct-1.13.1");
    expect(runtime["spec"]).toMatchObject({ containers: [{ image: "nvcr.io/nim/meta/llama-3.1-8b-instruct:1.13.1" }], supportedModelFormats: [{ name: "nvidia-nim-llama-3.1-8b-instruct", version: "1.13.1" }] });
  });
});
