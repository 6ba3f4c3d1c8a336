import { checkDns1035, checkDns1123Label, checkDns1123Subdomain, toDns1035 } from "kserve-constructs";

describe("DNS-1035 labels", () => {
  it.each(["a", "granite", "llama-3-8b", "a1", "x".repeat(63)])("accepts %s", (name) => {
    expect(checkDns1035("name", name, "a name")).toEqual([]);
  });

  it.each([
    ["Granite", "granite"],
    ["1model", "model"],
    ["llama-3.1-8b", "llama-3-1-8b"],
    ["trailing-", "trailing"],
    ["under_score", "under-score"],
  ])("rejects %s and suggests %s", (name, suggestion) => {
    const [issue] = checkDns1035("name", name, "an InferenceService name");
    expect(issue).toEqual({
      path: "name",
      value: name,
      rule: "names/dns-1035",
      message: "an InferenceService name must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter, ending with a letter or digit, at most 63 characters",
      fix: `use a name such as "${suggestion}"`,
    });
  });

  it("rejects 64 characters and says to shorten", () => {
    const [issue] = checkDns1035("name", "a".repeat(64), "a name");
    expect(issue?.fix).toBe('use a name such as "' + "a".repeat(63) + '"');
  });

  it("sanitises arbitrary strings into labels", () => {
    expect(toDns1035("My Model_v2.1")).toBe("my-model-v2-1");
    expect(toDns1035("---")).toBe("x");
    expect(toDns1035("9-lives")).toBe("lives");
  });
});

describe("DNS-1123", () => {
  it("accepts dotted subdomains and rejects underscores", () => {
    expect(checkDns1123Subdomain("n", "nvidia-nim-llama-3.1-8b-instruct-1.1.0", "a name")).toEqual([]);
    const [issue] = checkDns1123Subdomain("n", "llama-3.3-nemotron-super-49b-v1_2xgpu_1.8.2", "a runtime name");
    expect(issue?.rule).toBe("names/dns-1123-subdomain");
    expect(issue?.fix).toBe('use a name such as "llama-3.3-nemotron-super-49b-v1-2xgpu-1.8.2"');
  });

  it("labels may start with a digit but not contain dots", () => {
    expect(checkDns1123Label("ns", "9models", "a namespace")).toEqual([]);
    expect(checkDns1123Label("ns", "a.b", "a namespace")[0]?.rule).toBe("names/dns-1123-label");
  });
});
