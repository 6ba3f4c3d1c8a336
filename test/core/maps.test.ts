/** The cache helper of the core (`src/core/maps.ts`). */
import { getOrInsert } from "../../src/core/maps";

describe("getOrInsert", () => {
  it("makes a missing value once, stores it and returns the stored one afterwards", () => {
    const map = new Map<string, number[]>();
    let made = 0;
    const first = getOrInsert(map, "a", () => (made++, [1]));
    expect(getOrInsert(map, "a", () => (made++, [2]))).toBe(first);
    expect(made).toBe(1);
    expect([...map]).toEqual([["a", [1]]]);
  });

  it("works on a WeakMap keyed by objects", () => {
    const map = new WeakMap<object, string>();
    const key = {};
    expect(getOrInsert(map, key, () => "x")).toBe("x");
    expect(getOrInsert(map, key, () => "y")).toBe("x");
    expect(getOrInsert(map, {}, () => "z")).toBe("z");
  });
});
