/**
 * OpenAPI-style schemas of the core Kubernetes kinds lint validates, read from the type declarations of
 * kubernetes-models (generated from the Kubernetes OpenAPI definitions): each interface becomes an object
 * schema (its properties; required where the property is not optional; optional ones nullable, as the API
 * server accepts null for an unset field), string-literal unions become enums, index signatures become
 * `additionalProperties`, `Array<T>` becomes `items`, `string | number` (IntOrString, Quantity) both types.
 * A recursive type is left free-form. The result goes through the same converter as the CRDs.
 *
 * Used by gen-lint-schemas.ts (typescript and kubernetes-models are devDependencies; the package ships
 * only the generated JSON).
 */
import * as path from "path";
import * as ts from "typescript";

import { CORE_SCHEMA_KINDS } from "../src/lint/schema/sets";

type Schema = Record<string, unknown>;

/** Fields whose values the API server decodes as base64 (`format: byte` in the OpenAPI definitions). */
const BASE64_MAPS: Readonly<Record<string, string>> = { Secret: "data", ConfigMap: "binaryData" };

/**
 * Each core kind of `CORE_SCHEMA_KINDS` as a CustomResourceDefinition-shaped document (group "", version
 * v1), so that the generator converts it like the CRDs.
 */
export function coreKindCrds(modelsDir: string): Schema[] {
  return coreKindSchemas(modelsDir).map(({ kind, scope, schema }) => ({
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    spec: { group: "", names: { kind }, scope, versions: [{ name: "v1", served: true, schema: { openAPIV3Schema: schema } }] },
  }));
}

function coreKindSchemas(modelsDir: string): { kind: string; scope: string; schema: Schema }[] {
  const files = CORE_SCHEMA_KINDS.map((k) => path.join(modelsDir, "v1", `${k.kind}.d.ts`));
  const program = ts.createProgram(files, { strict: true, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const convertType = (type: ts.Type, stack: ts.Type[]): Schema => {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      if (parts.every((t) => t.isStringLiteral())) return { type: "string", enum: parts.map((t) => (t as ts.StringLiteralType).value).sort() };
      if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { type: "boolean" };
      const types = new Set<string>();
      for (const p of parts) {
        const s = convertType(p, stack);
        if (typeof s["type"] !== "string" || Object.keys(s).length !== 1) return {};
        types.add(s["type"] as string);
      }
      return { type: [...types].sort() };
    }
    if (type.isStringLiteral()) return { type: "string", enum: [type.value] };
    if (type.flags & ts.TypeFlags.StringLike) return { type: "string" };
    if (type.flags & ts.TypeFlags.NumberLike) return { type: "number" };
    if (type.flags & ts.TypeFlags.BooleanLike) return { type: "boolean" };
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      return { type: "array", ...(element !== undefined ? { items: convertType(element, stack) } : {}) };
    }
    if (type.flags & ts.TypeFlags.Object) {
      if (stack.includes(type)) return { type: "object", "x-kubernetes-preserve-unknown-fields": true };
      const inner = [...stack, type];
      const index = checker.getIndexTypeOfType(type, ts.IndexKind.String);
      const props = checker.getPropertiesOfType(type);
      if (props.length === 0) return index !== undefined ? { type: "object", additionalProperties: convertType(index, inner) } : { type: "object", "x-kubernetes-preserve-unknown-fields": true };
      const properties: Record<string, Schema> = {};
      const required: string[] = [];
      for (const prop of props) {
        const decl = prop.valueDeclaration ?? prop.declarations?.[0];
        if (decl === undefined) continue;
        const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
        const schema = convertType(checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(prop, decl)), inner);
        properties[prop.name] = optional && Object.keys(schema).length > 0 ? { ...schema, nullable: true } : schema;
        if (!optional) required.push(prop.name);
      }
      return { type: "object", properties, ...(required.length > 0 ? { required: required.sort() } : {}) };
    }
    return {};
  };
  return CORE_SCHEMA_KINDS.map((k, i) => {
    const source = program.getSourceFile(files[i] ?? "");
    let iface: ts.InterfaceDeclaration | undefined;
    source?.forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node) && node.name.text === `I${k.kind}`) iface = node;
    });
    if (iface === undefined) throw new Error(`kubernetes-models has no interface I${k.kind} in ${files[i]}`);
    const schema = convertType(checker.getTypeAtLocation(iface), []);
    const base64 = BASE64_MAPS[k.kind];
    const props = schema["properties"] as Record<string, Schema> | undefined;
    const map = base64 !== undefined ? props?.[base64] : undefined;
    if (map !== undefined) map["additionalProperties"] = { ...(map["additionalProperties"] as Schema), format: "byte" };
    return { kind: k.kind, scope: k.scope, schema };
  });
}
