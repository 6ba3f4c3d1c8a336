import { Env } from "kserve-constructs";
import { orderEnv, renderEnv } from "../../src/core/pod/env";

describe("environment variables", () => {
  it("renders literals and references sorted by name", () => {
    expect(renderEnv({ B: "2", A: Env.fromSecret("s", "k"), C: Env.fromField("status.podIP") })).toEqual([
      { name: "A", valueFrom: { secretKeyRef: { name: "s", key: "k" } } },
      { name: "B", value: "2" },
      { name: "C", valueFrom: { fieldRef: { fieldPath: "status.podIP" } } },
    ]);
  });

  it("puts a variable after the ones it refers to with $(VAR)", () => {
    const ordered = orderEnv([
      { name: "A_URL", value: "http://$(Z_HOST):$(PORT)" },
      { name: "PORT", value: "8080" },
      { name: "Z_HOST", value: "localhost" },
    ]);
    expect(ordered.map((v) => v.name)).toEqual(["PORT", "Z_HOST", "A_URL"]);
  });

  it("later sources win on equal names", () => {
    expect(renderEnv({ X: "1" }, { X: "2" })).toEqual([{ name: "X", value: "2" }]);
    expect(renderEnv(undefined, {})).toBeUndefined();
  });

  it("keeps name order on reference cycles", () => {
    expect(orderEnv([{ name: "B", value: "$(A)" }, { name: "A", value: "$(B)" }]).map((v) => v.name)).toEqual(["B", "A"]);
  });

  it("optional references keep their flag", () => {
    expect(Env.fromConfigMap("cm", "k", { optional: true })).toEqual({ configMapKeyRef: { name: "cm", key: "k", optional: true } });
    expect(Env.fromResource("limits.memory", "1Mi")).toEqual({ resourceFieldRef: { resource: "limits.memory", divisor: "1Mi" } });
  });
});
