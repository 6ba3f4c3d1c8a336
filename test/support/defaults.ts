/**
 * The defaults tests name the documented defaults they check, as `Interface.prop` keys, so that
 * test/defaults-coverage.test.ts can find (statically) which documented `@default`s have a test.
 */

/**
 * Declares a test (`it`) that checks the documented defaults `keys` (`Interface.prop`, e.g.
 * `InferenceServiceProps.visibility`). Give the keys as string literals: the coverage test reads them
 * from the source. The test's name lists them.
 */
export function itChecksDefaults(keys: readonly string[], title: string, fn: () => void): void {
  it(`${title} [${keys.join(", ")}]`, fn);
}
