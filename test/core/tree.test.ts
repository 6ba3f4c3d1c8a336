/**
 * The structure-preserving walks over props (`src/core/tree.ts`): `someInTree` finds a value wherever
 * `mapTree` would see it, so a map that would replace nothing can be skipped.
 */
import { mapTree, someInTree } from "../../src/core/tree";

class Handle {
  constructor(readonly name: string) {}
}

describe("someInTree", () => {
  const isHandle = (v: unknown): boolean => v instanceof Handle;

  it("finds a value at any depth of plain objects and arrays, and the value itself", () => {
    expect(someInTree(new Handle("a"), isHandle)).toBe(true);
    expect(someInTree({ a: [{ b: { c: new Handle("x") } }] }, isHandle)).toBe(true);
    expect(someInTree({ a: [{ b: { c: "x" } }], d: 1, e: null, f: undefined }, isHandle)).toBe(false);
  });

  it("does not walk into what mapTree keeps as a leaf (class instances, functions)", () => {
    const inside = new (class {
      readonly inner = new Handle("hidden");
    })();
    expect(someInTree({ holder: inside }, isHandle)).toBe(false);
    expect(someInTree({ fn: () => new Handle("x") }, isHandle)).toBe(false);
  });

  it("agrees with mapTree on whether a map would replace anything", () => {
    const values: unknown[] = [{ a: 1 }, { a: [new Handle("x")] }, [[["deep", new Handle("y")]]], { x: { y: { z: {} } } }, "text", 3];
    for (const value of values) {
      const mapped = mapTree(value, "", (p, k) => `${p}.${k}`, (v) => (v instanceof Handle ? { value: v.name } : undefined));
      expect(someInTree(value, isHandle)).toBe(mapped !== value);
    }
  });

  it("leaves a tree deeper than any props to the map (which then decides, as without the check)", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100; i++) deep = { next: deep };
    expect(someInTree(deep, isHandle)).toBe(true);
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    expect(someInTree(cyclic, isHandle)).toBe(true);
  });
});
