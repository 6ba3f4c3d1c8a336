import { ValidationError, formatIssue, formatValue, throwIfErrors } from "kserve-constructs";
import type { Issue } from "kserve-constructs";

const a: Issue = { where: "app/chart/granite", path: "scaling.min", value: 0, rule: "isvc/standard-scale-to-zero", message: "no scale to zero", fix: "set scaling.min to 1" };
const b: Issue = { where: "app/chart/engine", path: "", value: undefined, rule: "engine/x", message: "bad engine", fix: "fix it" };
const w: Issue = { where: "app/chart/store", path: "scaling", value: { min: 2 }, rule: "isvc/pvc-replicas", message: "shared node", fix: "use RWX", severity: "warning" };

describe("ValidationError", () => {
  it("lists every problem with its place, value, rule and fix in the message alone", () => {
    const error = new ValidationError([w, a, b]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ValidationError");
    expect(error.message).toBe(
      [
        "kserve-constructs found 2 problems:",
        "1. app/chart/granite > scaling.min = 0",
        "    no scale to zero [isvc/standard-scale-to-zero]",
        "    fix: set scaling.min to 1",
        "2. app/chart/engine = (not set)",
        "    bad engine [engine/x]",
        "    fix: fix it",
        '3. app/chart/store > scaling = {"min":2}',
        "    warning: shared node [isvc/pvc-replicas]",
        "    fix: use RWX",
      ].join("\n"),
    );
    expect(error.issues.map((i) => i.rule)).toEqual(["isvc/standard-scale-to-zero", "engine/x", "isvc/pvc-replicas"]);
  });

  it("says 1 problem in the singular", () => {
    expect(new ValidationError([a]).message.split("\n")[0]).toBe("kserve-constructs found 1 problem:");
  });

  it("throwIfErrors ignores warnings", () => {
    expect(() => throwIfErrors([w])).not.toThrow();
    expect(() => throwIfErrors([w, a])).toThrow(ValidationError);
  });

  it("shortens long values", () => {
    const long = formatValue(`${"a".repeat(250)}${"z".repeat(250)}`);
    expect(long).toBe(`"${"a".repeat(99)}... (502 characters) ...${"z".repeat(39)}"`);
    expect(formatValue(Number.NaN)).toBe("NaN");
    expect(formatValue({ limit: Number.POSITIVE_INFINITY, list: [Number.NEGATIVE_INFINITY, 1] })).toBe('{"limit":Infinity,"list":[-Infinity,1]}');
    expect(formatIssue(a)).toContain("= 0");
  });
});

describe("unexpected failures", () => {
  it("become one internal/unexpected issue instead of a crash", () => {
    const { guardBuild } = jest.requireActual<typeof import("../../src/core/context")>("../../src/core/context");
    const build = guardBuild<unknown, string>(() => {
      throw new TypeError("x is undefined");
    }, (ctx) => `fallback for ${ctx.where}`);
    const result = build({}, { where: "app/chart/x", defaultName: "x" });
    expect(result.handle).toBe("fallback for app/chart/x");
    expect(result.manifests).toEqual([]);
    expect(result.issues).toEqual([
      { where: "app/chart/x", path: "", value: undefined, rule: "internal/unexpected", message: "kserve-constructs failed unexpectedly (x is undefined)", fix: "this is a bug in kserve-constructs: please report it with the props of this construct" },
    ]);
  });
});

describe("ValidationError never echoes credentials written into a URL", () => {
  it("masks user and password in values, messages and fixes", () => {
    const error = new ValidationError([{ where: "w", path: "endpoint", value: "https://AKIA:S3CRET@minio:9000", rule: "r/x", message: "bad https://AKIA:S3CRET@minio", fix: "use https://minio instead of https://u:S3CRET@minio" }]);
    expect(error.message).not.toContain("S3CRET");
    expect(error.message).not.toContain("AKIA");
    expect(error.issues[0]?.value).toBe("https://***@minio:9000");
  });
});
