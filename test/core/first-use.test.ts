/**
 * Values resolved on first use (src/core/first-use.ts): the one memo the builds use for the parts of a
 * resolved spec that only later steps read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { onFirstUse } from "../../src/core/first-use";

describe("onFirstUse", () => {
  test("computes nothing until asked, then once: every call gives the first value", () => {
    let runs = 0;
    const value = onFirstUse(() => ({ run: ++runs }));
    expect(runs).toBe(0);
    const first = value();
    expect(first).toEqual({ run: 1 });
    expect(value()).toBe(first);
    expect(runs).toBe(1);
  });

  test("keeps an undefined value too (it is not computed again)", () => {
    let runs = 0;
    const value = onFirstUse<string | undefined>(() => {
      runs++;
      return undefined;
    });
    expect([value(), value(), runs]).toEqual([undefined, undefined, 1]);
  });

  test("a call that throws keeps nothing: the next call computes again", () => {
    let runs = 0;
    const value = onFirstUse(() => {
      runs++;
      if (runs === 1) throw new Error("not yet");
      return runs;
    });
    expect(() => value()).toThrow("not yet");
    expect([value(), value(), runs]).toEqual([2, 2, 2]);
  });

  test("each memo is its own", () => {
    let runs = 0;
    const a = onFirstUse(() => ++runs);
    const b = onFirstUse(() => ++runs);
    expect([b(), a(), b(), a()]).toEqual([1, 2, 1, 2]);
  });

  test("the builds say it with onFirstUse, not with a memo of their own", () => {
    const core = path.join(__dirname, "..", "..", "src", "core");
    for (const build of ["service/build.ts", "engine/build.ts", "fleet/build.ts"]) {
      const text = fs.readFileSync(path.join(core, build), "utf8");
      expect([build, text.includes("onFirstUse(")]).toEqual([build, true]);
      // the idiom it replaces: `() => (value ??= compute())`
      expect([build, /\(\w+ \?\?= /.test(text)]).toEqual([build, false]);
    }
  });
});
