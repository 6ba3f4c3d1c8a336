/**
 * The documented defaults of the public props, and the defaults tests that check them (static, for
 * test/defaults-coverage.test.ts):
 * - {@link documentedDefaults}: every `@default` on a member of an exported `*Props` interface under src/,
 *   keyed `Interface.prop`;
 * - {@link checkedDefaults}: the keys the defaults tests name in `itChecksDefaults([...keys], title, fn)`.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { ROOT, tsFiles } from "./rules-doc";

/** One documented default. */
export interface DocumentedDefault {
  /** `Interface.prop`. */
  readonly key: string;
  /** The text of the `@default` tag. */
  readonly text: string;
  /** The file, relative to the repository root. */
  readonly file: string;
  /** The 1-based line of the prop. */
  readonly line: number;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.ES2022, true);
}

/** Every `@default` on a member of an exported interface whose name ends in `Props`, under `dir`, sorted by key. */
export function documentedDefaults(dir = "src"): DocumentedDefault[] {
  const out: DocumentedDefault[] = [];
  for (const file of tsFiles(dir)) {
    const sf = parse(file);
    for (const node of sf.statements) {
      if (!ts.isInterfaceDeclaration(node) || !/Props$/.test(node.name.text) || !node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      for (const member of node.members) {
        const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === "default");
        if (tag === undefined || member.name === undefined) continue;
        const prop = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(sf);
        const text = (ts.getTextOfJSDocComment(tag.comment) ?? "").replace(/\s+/g, " ").trim();
        out.push({ key: `${node.name.text}.${prop}`, text, file, line: sf.getLineAndCharacterOfPosition(member.getStart(sf)).line + 1 });
      }
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The name of the defaults tests' helper whose first argument lists the keys a test checks. */
export const CHECKS_DEFAULTS = "itChecksDefaults";

/** Every key named by an `itChecksDefaults(keys, ...)` call in the test files under `dir`, with the files naming it. */
export function checkedDefaults(dir = "test"): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const file of tsFiles(dir)) {
    const sf = parse(file);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === CHECKS_DEFAULTS) {
        const first = node.arguments[0];
        const literals = first === undefined ? [] : ts.isArrayLiteralExpression(first) ? [...first.elements] : [first];
        for (const l of literals) if (ts.isStringLiteral(l) || ts.isNoSubstitutionTemplateLiteral(l)) out.set(l.text, (out.get(l.text) ?? new Set()).add(file));
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, files]) => [k, [...files].sort()]));
}
