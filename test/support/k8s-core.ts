/**
 * Validation of built-in Kubernetes kinds with kubernetes-models (v4).
 *
 * kubernetes-models ships ajv-compiled validators generated from the
 * Kubernetes OpenAPI spec. They check types, enums and required fields but
 * have no `additionalProperties: false`, so unknown fields pass. The compiled
 * validators do, however, read every property their schema knows about
 * (`void 0 === data.replicas || validate(data.replicas)`, `for (key in map)`
 * for maps). We therefore run them on a Proxy of the object that records
 * which properties were read: an own key of an object the validator looked
 * into but never read is a field the schema does not know, i.e. what
 * `kubectl apply --validate=strict` rejects as an unknown field.
 *
 * An object the validator never looked into (a free-form value such as
 * RawExtension, or a value whose type was already wrong) is left alone, so
 * free-form fields do not produce false positives.
 */
import * as path from "path";
import { isJsonObject, isSchemaError, JsonObject, PathSegments, SchemaError } from "./problem-format";

interface AccessRecord {
  /** the validator read at least one property (known or not) */
  entered: boolean;
  /** own keys that the validator read */
  read: Set<string>;
}

export class AccessTracker {
  private readonly records = new WeakMap<object, AccessRecord>();
  private readonly proxies = new WeakMap<object, object>();

  /** Returns a proxy of `value` (objects and arrays, recursively, on access). */
  wrap(value: unknown): unknown {
    if (typeof value !== "object" || value === null) return value;
    const existing = this.proxies.get(value);
    if (existing) return existing;
    const record: AccessRecord = { entered: false, read: new Set() };
    this.records.set(value, record);
    const proxy = new Proxy(value, {
      get: (target: object, key: string | symbol, receiver: unknown): unknown => {
        if (typeof key !== "string") return Reflect.get(target, key, receiver);
        record.entered = true;
        if (!Object.prototype.hasOwnProperty.call(target, key)) return Reflect.get(target, key, receiver);
        record.read.add(key);
        return this.wrap(Reflect.get(target, key));
      },
    });
    this.proxies.set(value, proxy);
    return proxy;
  }

  /**
   * Paths (relative to `root`) of own keys that were never read in objects
   * that the validator looked into. `skip` prunes subtrees (e.g. where a type
   * error was already reported).
   */
  unreadFields(root: unknown, skip: (segments: PathSegments) => boolean = () => false): Array<Array<string | number>> {
    const out: Array<Array<string | number>> = [];
    const visit = (value: unknown, segments: Array<string | number>): void => {
      if (typeof value !== "object" || value === null || skip(segments)) return;
      const record = this.records.get(value);
      if (!record || !record.entered) return;
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          if (record.read.has(String(index))) visit(item, [...segments, index]);
        });
        return;
      }
      for (const key of Object.keys(value)) {
        if (!record.read.has(key)) out.push([...segments, key]);
        else visit((value as JsonObject)[key], [...segments, key]);
      }
    };
    visit(root, []);
    return out;
  }
}

/** A kubernetes-models class: `prototype.validate()` validates `this`. */
interface ModelClass {
  prototype: { validate: () => void };
}

function isModelClass(value: unknown): value is ModelClass {
  if (typeof value !== "function") return false;
  const proto: unknown = value.prototype;
  return typeof proto === "object" && proto !== null && typeof (proto as { validate?: unknown }).validate === "function";
}

/** Duck-typed: under jest the error comes from another realm, so `instanceof Error` fails. */
function isModuleNotFound(err: unknown, request: string): boolean {
  if (typeof err !== "object" || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  return code === "MODULE_NOT_FOUND" && typeof message === "string" && message.includes(request);
}

const KUBERNETES_MODELS_DIR = path.dirname(require.resolve("kubernetes-models"));
const modelCache = new Map<string, ModelClass | null>();

const API_VERSION_RE = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\/)?v[0-9]+(?:(?:alpha|beta)[0-9]+)?$/;
const KIND_RE = /^[A-Z][A-Za-z0-9]*$/;

function loadModule(request: string): unknown {
  try {
    const mod: unknown = require(request);
    return mod;
  } catch (err) {
    if (isModuleNotFound(err, request)) return undefined;
    throw err;
  }
}

/** The kubernetes-models class for apiVersion/kind, or undefined if there is none. */
export function coreModel(apiVersion: string, kind: string): ModelClass | undefined {
  const key = `${apiVersion}/${kind}`;
  const cached = modelCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let model: ModelClass | null = null;
  if (API_VERSION_RE.test(apiVersion) && KIND_RE.test(kind)) {
    const mod = loadModule(`kubernetes-models/${apiVersion}/${kind}`);
    const cls = isJsonObject(mod) ? mod[kind] : undefined;
    if (isModelClass(cls)) model = cls;
  }
  modelCache.set(key, model);
  return model ?? undefined;
}

let objectMetaModel: ModelClass | undefined;

/** kubernetes-models' ObjectMeta (from the @kubernetes-models/apimachinery it depends on). */
export function objectMetaClass(): ModelClass {
  if (!objectMetaModel) {
    const file = require.resolve("@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta", {
      paths: [KUBERNETES_MODELS_DIR],
    });
    const mod = loadModule(file);
    const cls = isJsonObject(mod) ? mod.ObjectMeta : undefined;
    if (!isModelClass(cls)) throw new Error(`unexpected exports in ${file}`);
    objectMetaModel = cls;
  }
  return objectMetaModel;
}

export interface TrackedValidation {
  errors: SchemaError[];
  unknownFields: Array<Array<string | number>>;
}

/**
 * Runs a kubernetes-models validator on `data` (a plain JSON value that the
 * caller owns: it must not be frozen) and collects schema errors and unknown
 * fields.
 */
export function validateWithModel(model: ModelClass, data: unknown): TrackedValidation {
  const tracker = new AccessTracker();
  const proxy = tracker.wrap(data);
  let errors: SchemaError[] = [];
  try {
    model.prototype.validate.call(proxy);
  } catch (err) {
    const list: unknown = typeof err === "object" && err !== null ? (err as { errors?: unknown }).errors : undefined;
    if (!Array.isArray(list)) throw err;
    errors = list.filter(isSchemaError);
  }
  // Do not report unknown fields below a value whose type is already wrong.
  const typeErrorPointers = errors.filter((e) => e.keyword === "type").map((e) => e.instancePath);
  const skip = (segments: PathSegments): boolean => {
    if (typeErrorPointers.length === 0) return false;
    const pointer = segments.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
    return typeErrorPointers.includes(pointer);
  };
  return { errors, unknownFields: tracker.unreadFields(data, skip) };
}
