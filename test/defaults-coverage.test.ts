/**
 * Every documented `@default` of the public props (the exported `*Props` interfaces under src/) has a
 * test that checks it: a defaults test names it as `Interface.prop` in `itChecksDefaults([...], ...)`
 * (test/support/defaults.ts) and checks the default in synthesized output or the resolved spec. The
 * defaults not checked yet are listed below; the list may only shrink.
 */
import { checkedDefaults, documentedDefaults } from "../scripts/prop-defaults";

/**
 * Documented defaults without a test yet. This list may only shrink: write the test (with
 * `itChecksDefaults(["Interface.prop"], ...)`) and remove the key here; a new documented default comes
 * with its test.
 */
const NOT_YET_CHECKED: readonly string[] = [
];

describe("every documented @default has a test", () => {
  const documented = documentedDefaults();
  const keys = new Set(documented.map((d) => d.key));
  const checked = checkedDefaults();
  const pending = new Set(NOT_YET_CHECKED);

  it("finds the documented defaults of the public props (a sanity check of the parser)", () => {
    expect(documented.length).toBeGreaterThan(300);
    expect(documented.find((d) => d.key === "InferenceServiceProps.visibility")).toMatchObject({ text: '"cluster-local"', file: "src/core/service/props.ts" });
  });

  it("each documented default is checked by a defaults test, or listed as not yet checked", () => {
    const missing = documented.filter((d) => !checked.has(d.key) && !pending.has(d.key)).map((d) => `${d.key} (${d.file}:${d.line}, @default ${d.text})`);
    if (missing.length > 0) throw new Error(`documented defaults without a test: ${missing.join("; ")}. Check each in a defaults test declared with itChecksDefaults(["Interface.prop"], ...) (test/support/defaults.ts).`);
  });

  it("the not-yet-checked list only shrinks: keys now checked (or no longer documented) are removed from it", () => {
    const stale = NOT_YET_CHECKED.filter((k) => checked.has(k) || !keys.has(k));
    if (stale.length > 0) throw new Error(`remove from NOT_YET_CHECKED in test/defaults-coverage.test.ts (now checked by a defaults test, or no longer documented): ${stale.join(", ")}`);
    expect([...NOT_YET_CHECKED].sort()).toEqual(NOT_YET_CHECKED);
  });

  it("every key a defaults test names is a documented default", () => {
    const unknown = [...checked].filter(([k]) => !keys.has(k)).map(([k, files]) => `${k} (${files.join(", ")})`);
    if (unknown.length > 0) throw new Error(`defaults tests name keys that are no documented @default of a public props interface: ${unknown.join(", ")}`);
  });
});
