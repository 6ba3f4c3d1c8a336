/**
 * Kubernetes resource quantities (`500m`, `2`, `16Gi`, `1e3`): parse, compare, add, format.
 *
 * Values are kept as exact rationals over a power of ten and a power of two is expanded into an
 * integer, so comparisons never suffer floating point error.
 */

const BINARY: Record<string, bigint> = {
  Ki: 1024n,
  Mi: 1024n ** 2n,
  Gi: 1024n ** 3n,
  Ti: 1024n ** 4n,
  Pi: 1024n ** 5n,
  Ei: 1024n ** 6n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** An exact quantity: `units / 10^scale` where units is an integer number of base units (bytes, cores). */
export interface Quantity {
  /** Numerator. */
  readonly units: bigint;
  /** Decimal scale of the numerator (value = units * 10^-scale). */
  readonly scale: number;
}

/** True when `value` is a valid Kubernetes quantity string or a finite number. */
export function isQuantity(value: unknown): boolean {
  return parseQuantity(value) !== undefined;
}

/** Parses a quantity; `undefined` when it is not one. Numbers are accepted as plain decimal quantities. */
export function parseQuantity(value: unknown): Quantity | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    return parseQuantity(numberToDecimalString(value));
  }
  if (typeof value !== "string") return undefined;
  const match = QUANTITY.exec(value.trim());
  if (match === null || value.trim() !== value) return undefined;
  const sign = match[1] === "-" ? -1n : 1n;
  const digits = match[2] ?? "0";
  const suffix = match[3] ?? "";
  const [whole = "0", fraction = ""] = digits.split(".");
  let units = BigInt((whole === "" ? "0" : whole) + fraction) * sign;
  let scale = fraction.length;
  if (suffix in BINARY) {
    units *= BINARY[suffix] as bigint;
  } else if (/^[eE]/.test(suffix)) {
    scale -= Number(suffix.slice(1));
  } else {
    scale -= DECIMAL[suffix] ?? 0;
  }
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units, scale };
}

function numberToDecimalString(value: number): string {
  if (Number.isInteger(value)) return value.toFixed(0);
  // up to 9 fractional digits (nano), trimmed
  return value.toFixed(9).replace(/0+$/, "").replace(/\.$/, "");
}

function align(a: Quantity, b: Quantity): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. Throws on invalid input (check with {@link isQuantity} first). */
export function compareQuantities(a: string | number, b: string | number): number {
  const qa = mustParse(a);
  const qb = mustParse(b);
  const [x, y] = align(qa, qb);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sum of two quantities as a Quantity. */
export function addQuantities(a: string | number, b: string | number): Quantity {
  const [x, y, scale] = align(mustParse(a), mustParse(b));
  return { units: x + y, scale };
}

/** Multiplies a quantity by an integer factor. */
export function multiplyQuantity(a: string | number, factor: number): Quantity {
  const q = mustParse(a);
  return { units: q.units * BigInt(Math.trunc(factor)), scale: q.scale };
}

/** Formats a byte quantity with the largest binary suffix that divides it exactly (`17179869184` -> `16Gi`). */
export function formatBytes(q: Quantity): string {
  const value = q.scale === 0 ? q.units : q.units / 10n ** BigInt(q.scale);
  for (const suffix of ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"]) {
    const unit = BINARY[suffix] as bigint;
    if (value !== 0n && value % unit === 0n) return `${value / unit}${suffix}`;
  }
  return value.toString();
}

/** Value in base units as a JS number (approximate; for display and simple arithmetic only). */
export function quantityToNumber(value: string | number): number {
  const q = mustParse(value);
  return Number(q.units) / 10 ** q.scale;
}

function mustParse(value: string | number): Quantity {
  const q = parseQuantity(value);
  if (q === undefined) throw new Error(`not a Kubernetes quantity: ${String(value)}`);
  return q;
}
