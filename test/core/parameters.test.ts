import { Parameter } from "kserve-constructs";
import { renderParameter } from "../../src/core/engine/parameters";
import { checkParameterValues } from "../../src/core/service/rules";
import { checkParameterSpec } from "../../src/core/engine/rules";

describe("parameter types", () => {
  it.each([
    [Parameter.int(), 42, "42"],
    [Parameter.int(), "42", "42"],
    [Parameter.float(), 0.5, "0.5"],
    [Parameter.float(), "1e-3", "1e-3"],
    [Parameter.bool(), true, "true"],
    [Parameter.bool(), "false", "false"],
    [Parameter.string(), "x", "x"],
  ])("renders valid values (%#)", (spec, value, text) => {
    expect(renderParameter(spec, value)).toEqual({ text });
  });

  it.each([
    [Parameter.int(), 1.5, "expects an integer, got 1.5"],
    [Parameter.int(), "abc", 'expects an integer, got "abc"'],
    [Parameter.float(), "1,5", 'expects a number, got "1,5"'],
    [Parameter.bool(), "yes", 'expects a boolean (true or false), got "yes"'],
    [Parameter.string(), 3, "expects a string, got number 3"],
    [Parameter.int({ min: 1, max: 8 }), 9, "must be at most 8"],
    [Parameter.int({ min: 1 }), 0, "must be at least 1"],
    [Parameter.string({ allowed: ["a", "b"] }), "c", 'expects one of "a", "b"'],
  ])("explains invalid values (%#)", (spec, value, problem) => {
    expect(renderParameter(spec, value)).toEqual({ problem });
  });
});

describe("parameter declarations", () => {
  it("checks defaults against the declared type", () => {
    expect(checkParameterSpec("parameters.X", Parameter.int({ default: 7 }))).toEqual([]);
    expect(checkParameterSpec("parameters.X", { type: "int", default: "seven" })).toEqual([
      { path: "parameters.X.default", value: "seven", rule: "engine/parameter-default", message: 'the default expects an integer, got "seven"', fix: "give a default that is an integer within the parameter's bounds" },
    ]);
    expect(checkParameterSpec("p", Parameter.int({ min: 5, max: 1 }))[0]?.message).toBe("min is greater than max");
    expect(checkParameterSpec("p", { type: "bool", min: 1 })[0]?.message).toBe("a bool parameter cannot have min or max");
    expect(checkParameterSpec("p", { type: "int", allowed: ["1"] })[0]?.message).toBe("only string parameters can list allowed values");
  });
});

describe("parameter values of an InferenceService", () => {
  const declared = { LOG_LEVEL: Parameter.string({ allowed: ["INFO", "DEBUG"] }), MAX_BATCH: Parameter.int({ min: 1 }), TOKEN: Parameter.string({ required: true }) };

  it("rejects undeclared parameters when enforced, suggesting the near name", () => {
    const issues = checkParameterValues("parameters", declared, { LOG_LEVL: "INFO", TOKEN: "t" }, true, "my-engine");
    expect(issues).toEqual([
      {
        path: "parameters.LOG_LEVL",
        value: "INFO",
        rule: "isvc/undeclared-parameter",
        message: "engine \"my-engine\" enforces its parameters and does not declare LOG_LEVL",
        fix: "did you mean LOG_LEVEL? Declared: LOG_LEVEL, MAX_BATCH, TOKEN",
      },
    ]);
  });

  it("lets undeclared string parameters through when not enforced, but not untyped numbers", () => {
    expect(checkParameterValues("parameters", {}, { EXTRA: "1" }, false, "e")).toEqual([]);
    expect(checkParameterValues("parameters", {}, { EXTRA: 1 }, false, "e")[0]).toMatchObject({ rule: "isvc/undeclared-parameter-type", fix: 'pass "1", or declare EXTRA on the engine with its type' });
  });

  it("type-checks and reports missing required parameters", () => {
    const issues = checkParameterValues("parameters", declared, { MAX_BATCH: 0 }, true, "my-engine");
    expect(issues.map((i) => [i.path, i.rule, i.message])).toEqual([
      ["parameters.MAX_BATCH", "isvc/parameter-type", 'parameter MAX_BATCH of engine "my-engine" must be at least 1'],
      ["parameters.TOKEN", "isvc/missing-parameter", 'engine "my-engine" requires parameter TOKEN (string)'],
    ]);
  });
});
