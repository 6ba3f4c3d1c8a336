import { compareQuantities, formatBytes, isQuantity, parseQuantity } from "kserve-constructs";

describe("quantities", () => {
  it.each(["1", "500m", "0.5", "16Gi", "1e3", "2k", "1.5Gi", "100Mi", 4, 0.25, "+1", "1E2"])("%s is a quantity", (q) => {
    expect(isQuantity(q)).toBe(true);
  });

  it.each(["", "1.2.3", "Gi", "16GB", "16 Gi", " 1", "abc", Number.NaN, Number.POSITIVE_INFINITY, null, {}])("%s is not a quantity", (q) => {
    expect(isQuantity(q)).toBe(false);
  });

  it("compares across suffixes exactly", () => {
    expect(compareQuantities("500m", "0.5")).toBe(0);
    expect(compareQuantities("1Gi", "1G")).toBe(1);
    expect(compareQuantities("1024Mi", "1Gi")).toBe(0);
    expect(compareQuantities(2, "1999m")).toBe(1);
    expect(compareQuantities("1e3", "1k")).toBe(0);
    expect(compareQuantities("0.1", "100m")).toBe(0);
    expect(compareQuantities("12", 16)).toBe(-1);
  });

  it("throws on non-quantities when compared (callers check first)", () => {
    expect(() => compareQuantities("x", "1")).toThrow("not a Kubernetes quantity: x");
  });

  it("formats bytes with the largest exact binary suffix", () => {
    expect(formatBytes(parseQuantity("17179869184")!)).toBe("16Gi");
    expect(formatBytes(parseQuantity("1536Mi")!)).toBe("1536Mi");
    expect(formatBytes(parseQuantity("1000")!)).toBe("1000");
  });
});
