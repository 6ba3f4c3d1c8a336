/**
 * Shared helpers of the conformance validator: JSON type guards, field paths
 * ("spec.containers[0].name", `metadata.labels["app.kubernetes.io/name"]`) and
 * turning ajv-style schema errors (from our own ajv instance and from the ajv
 * code that kubernetes-models ships) into readable messages.
 */

export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A path into an object: strings are keys, numbers are array indexes. */
export type PathSegments = ReadonlyArray<string | number>;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

export function formatPath(segments: PathSegments): string {
  let out = "";
  for (const seg of segments) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/**
 * Converts an ajv instancePath (JSON pointer) to path segments, using the
 * validated data to tell array indexes from object keys.
 */
export function pointerToSegments(pointer: string, data: unknown): Array<string | number> {
  if (pointer === "") return [];
  const segments: Array<string | number> = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(current) && /^\d+$/.test(token)) {
      const index = Number(token);
      segments.push(index);
      current = current[index];
    } else {
      segments.push(token);
      current = isJsonObject(current) ? current[token] : undefined;
    }
  }
  return segments;
}

export function valueAt(data: unknown, segments: PathSegments): unknown {
  let current: unknown = data;
  for (const seg of segments) {
    if (typeof seg === "number") current = Array.isArray(current) ? current[seg] : undefined;
    else current = isJsonObject(current) ? current[seg] : undefined;
  }
  return current;
}

export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Short JSON rendering of a value for messages. */
export function preview(value: unknown, max = 60): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** The subset of ajv's ErrorObject that both ajv and kubernetes-models produce. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: JsonObject;
  message?: string;
}

export function isSchemaError(value: unknown): value is SchemaError {
  return (
    isJsonObject(value) &&
    typeof value.instancePath === "string" &&
    typeof value.keyword === "string" &&
    isJsonObject(value.params)
  );
}

export interface LocatedMessage {
  segments: Array<string | number>;
  message: string;
}

function param(err: SchemaError, name: string): unknown {
  return err.params[name];
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.map((v) => preview(v, 40)).join(", ") : preview(value);
}

/**
 * Describes one schema error. `data` is the object the error's instancePath
 * is relative to. Returns undefined for errors that only summarise other
 * errors (anyOf/oneOf/if) and would add noise.
 */
export function describeSchemaError(err: SchemaError, data: unknown): LocatedMessage | undefined {
  const segments = pointerToSegments(err.instancePath, data);
  const value = valueAt(data, segments);
  switch (err.keyword) {
    case "additionalProperties": {
      const field = String(param(err, "additionalProperty"));
      return { segments: [...segments, field], message: `unknown field "${field}"` };
    }
    case "required": {
      const field = String(param(err, "missingProperty"));
      return { segments: [...segments, field], message: `missing required field "${field}"` };
    }
    case "type": {
      const expected = param(err, "type");
      const wanted = Array.isArray(expected) ? expected.join(" or ") : String(expected);
      return { segments, message: `expected ${wanted}, got ${jsonType(value)} ${preview(value)}` };
    }
    case "enum":
      return { segments, message: `must be one of [${list(param(err, "allowedValues"))}], got ${preview(value)}` };
    case "const":
      return { segments, message: `must be ${preview(param(err, "allowedValue"))}, got ${preview(value)}` };
    case "pattern":
      return { segments, message: `${preview(value)} does not match pattern ${String(param(err, "pattern"))}` };
    case "format":
      return { segments, message: `${preview(value)} is not a valid "${String(param(err, "format"))}"` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return {
        segments,
        message: `must be ${String(param(err, "comparison"))} ${String(param(err, "limit"))}, got ${preview(value)}`,
      };
    case "multipleOf":
      return { segments, message: `must be a multiple of ${String(param(err, "multipleOf"))}, got ${preview(value)}` };
    case "minLength":
      return { segments, message: `must be at least ${String(param(err, "limit"))} characters, got ${preview(value)}` };
    case "maxLength":
      return { segments, message: `must be at most ${String(param(err, "limit"))} characters, got ${preview(value)}` };
    case "minItems":
      return { segments, message: `must have at least ${String(param(err, "limit"))} items` };
    case "maxItems":
      return { segments, message: `must have at most ${String(param(err, "limit"))} items` };
    case "minProperties":
      return { segments, message: `must have at least ${String(param(err, "limit"))} entries` };
    case "maxProperties":
      return { segments, message: `must have at most ${String(param(err, "limit"))} entries` };
    case "uniqueItems":
      return {
        segments,
        message: `duplicate items at [${String(param(err, "j"))}] and [${String(param(err, "i"))}] (x-kubernetes-list-type: set)`,
      };
    case "anyOf":
    case "oneOf":
    case "if":
      return undefined;
    default: {
      const index = param(err, "index");
      const at = typeof index === "number" ? [...segments, index] : segments;
      return { segments: at, message: err.message ?? `${err.keyword} ${preview(err.params, 200)}` };
    }
  }
}

/**
 * Describes a list of schema errors: several type errors at one path (from
 * anyOf/oneOf branches such as number|string) become one message, and other
 * errors at a path with a type error (format, minimum, ...) are dropped.
 */
export function describeSchemaErrors(errors: readonly SchemaError[], data: unknown): LocatedMessage[] {
  const typesAt = new Map<string, string[]>();
  for (const err of errors) {
    if (err.keyword !== "type") continue;
    const expected = err.params.type;
    const list = typesAt.get(err.instancePath) ?? [];
    for (const t of Array.isArray(expected) ? expected : [expected]) {
      if (!list.includes(String(t))) list.push(String(t));
    }
    typesAt.set(err.instancePath, list);
  }
  const out: LocatedMessage[] = [];
  const typeReported = new Set<string>();
  for (const err of errors) {
    const types = typesAt.get(err.instancePath);
    if (types) {
      if (err.keyword !== "type" || typeReported.has(err.instancePath)) continue;
      typeReported.add(err.instancePath);
      const described = describeSchemaError({ ...err, params: { type: types } }, data);
      if (described) out.push(described);
      continue;
    }
    const described = describeSchemaError(err, data);
    if (described) out.push(described);
  }
  return out;
}
