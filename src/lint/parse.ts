/**
 * Reads Kubernetes objects from YAML or JSON text: multi-document streams (Helm and kustomize output),
 * empty documents, `List` kinds (`kubectl get -o yaml`), each object with the file, the document index
 * and the line it starts on, so problems can point at it.
 */
import { LineCounter, parseAllDocuments, isMap, isSeq } from "yaml";
import type { Document, Node } from "yaml";
import type { Manifest } from "../core/k8s";
import { isJsonObject } from "./schema/convert";

/** One object read from an input. */
export interface LintObject {
  /** The object as plain data. */
  readonly manifest: Manifest;
  /** The input it came from (a path, or `-` for stdin). */
  readonly file: string;
  /** The document's index in the file (0-based). */
  readonly documentIndex: number;
  /** For an item of a `List`, its index in `items`. */
  readonly itemIndex?: number;
  /** 1-based line of the object's start. */
  readonly line: number;
  /** The 1-based line of a field (a dotted manifest path), or the object's line when the field is absent. */
  readonly lineOf: (path: string) => number;
}

/** A document that could not be read as an object. */
export interface ParseProblem {
  /** The input. */
  readonly file: string;
  /** The document's index in the file. */
  readonly documentIndex: number;
  /** 1-based line. */
  readonly line: number;
  /** What is wrong. */
  readonly message: string;
}

/** Splits a dotted manifest path (`spec.containers[0].env[1]`, `metadata.annotations["a/b"]`) into segments. */
export function pathSegments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\.?([^.[\]]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) out.push(Number(m[1]));
    else if (m[2] !== undefined) out.push(JSON.parse(`"${m[2]}"`) as string);
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

function nodeLine(node: Node | undefined, counter: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

/** The deepest node along `segments` that exists. */
function deepest(root: unknown, segments: ReadonlyArray<string | number>): Node | undefined {
  let current: unknown = root;
  let found: Node | undefined = isMap(root) || isSeq(root) ? (root as Node) : undefined;
  for (const segment of segments) {
    if (isMap(current)) {
      const pair = current.items.find((p) => {
        const key = p.key as { value?: unknown } | null;
        return key !== null && typeof key === "object" && String(key.value) === String(segment);
      });
      if (pair === undefined) break;
      // the key's line: a field is shown where its name is written
      found = (pair.key as Node | null) ?? found;
      current = pair.value;
    } else if (isSeq(current) && typeof segment === "number") {
      const item = current.items[segment];
      if (item === undefined || item === null) break;
      current = item;
      found = item as Node;
    } else break;
  }
  return found;
}

function describeKind(value: unknown): string {
  return isJsonObject(value) ? "an object without apiVersion, kind and metadata.name" : `a ${Array.isArray(value) ? "list" : typeof value}`;
}

/** Parses `text` (YAML or JSON, one or more documents) into objects and problems. */
export function parseObjects(file: string, text: string): { objects: LintObject[]; problems: ParseProblem[] } {
  const counter = new LineCounter();
  const objects: LintObject[] = [];
  const problems: ParseProblem[] = [];
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true }) as Document.Parsed[];
  } catch (error) {
    return { objects, problems: [{ file, documentIndex: 0, line: 1, message: `cannot parse: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(docs)) docs = [docs];
  docs.forEach((doc, documentIndex) => {
    const docLine = nodeLine(doc.contents ?? undefined, counter) ?? (doc.range ? counter.linePos(doc.range[0]).line : 1);
    if (doc.errors.length > 0) {
      const error = doc.errors[0];
      const line = error?.linePos?.[0]?.line ?? docLine;
      problems.push({ file, documentIndex, line, message: `not valid YAML: ${error?.message.split("\n")[0] ?? "parse error"}` });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      problems.push({ file, documentIndex, line: docLine, message: `cannot read the document: ${(error as Error).message}` });
      return;
    }
    if (value === null || value === undefined) return; // empty document (a lone `---`, comments only)
    const add = (v: unknown, itemIndex: number | undefined, node: unknown): void => {
      const line = (itemIndex === undefined ? docLine : nodeLine(node as Node, counter)) ?? docLine;
      if (!isJsonObject(v) || typeof v["apiVersion"] !== "string" || typeof v["kind"] !== "string" || !isJsonObject(v["metadata"]) || typeof v["metadata"]["name"] !== "string") {
        problems.push({ file, documentIndex, line, message: `${itemIndex === undefined ? "the document" : `items[${itemIndex}]`} is ${describeKind(v)}; every Kubernetes object needs apiVersion, kind and metadata.name` });
        return;
      }
      const lineOf = (path: string): number => nodeLine(deepest(node, pathSegments(path)), counter) ?? line;
      objects.push({ manifest: v as unknown as Manifest, file, documentIndex, ...(itemIndex !== undefined ? { itemIndex } : {}), line, lineOf });
    };
    if (isJsonObject(value) && typeof value["kind"] === "string" && value["kind"].endsWith("List") && Array.isArray(value["items"])) {
      const itemsNode = isMap(doc.contents) ? doc.contents.get("items", true) : undefined;
      (value["items"] as unknown[]).forEach((item, i) => add(item, i, isSeq(itemsNode) ? itemsNode.items[i] : undefined));
      return;
    }
    add(value, undefined, doc.contents);
  });
  return { objects, problems };
}
