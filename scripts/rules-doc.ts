/**
 * The rule catalogue as documentation, and the static facts the catalogue tests check:
 * - {@link loadCatalogue}: every rule the package's entry points declare (the core, `lint`, the importers);
 * - {@link raisedRuleIds}: every rule id the sources under `src/` raise or refer to, with where;
 * - {@link ruleTestFiles}: for each rule id, the test files that assert it (the id as a string literal in
 *   an assertion, or an `# expect:` line of the lint corpus);
 * - {@link renderRulesDoc}: `docs/rules.md`, generated from those (deterministic: sorted, no dates).
 *
 * `npm run docs:rules` (scripts/gen-rules-doc.ts) writes the file; test/rules/catalogue.test.ts checks it is current.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import "../src/core/rules/all";
import "../src/index";
import "../src/lint";
import "../src/lint/all-rules";
import { manifestRules, ruleCatalogue } from "../src/core/rules/registry";
import type { RuleMeta } from "../src/core/rules/registry";

/** The repository root. */
export const ROOT = path.resolve(__dirname, "..");

/** The shape of a rule id: `concept/name`, lower-case words joined by hyphens. */
export const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;

/** A catalogue entry with the manifest kinds a manifest rule looks at. */
export interface CatalogueEntry extends RuleMeta {
  /** The kinds a manifest rule is limited to (absent: every kind, or a props rule). */
  readonly kinds?: readonly string[];
}

/** Every declared rule, sorted by id. */
export function loadCatalogue(): readonly CatalogueEntry[] {
  const kinds = new Map<string, readonly string[]>();
  for (const r of manifestRules()) if (r.kinds !== undefined) kinds.set(r.id, [...r.kinds].sort());
  return ruleCatalogue()
    .filter((r) => !r.id.startsWith("test-"))
    .map((r) => {
      const k = kinds.get(r.id);
      return k !== undefined ? { ...r, kinds: k } : r;
    });
}

/** Every `.ts` file under `dir`, relative to {@link ROOT}, sorted. */
export function tsFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.push(path.relative(ROOT, full).split(path.sep).join("/"));
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.ES2022, true);
}

function nameOf(node: ts.Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (ts.isIdentifier(node) || ts.isStringLiteral(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

function isRuleName(name: string | undefined): boolean {
  return name !== undefined && /^(rule|ruleId|id|[A-Z_]*RULE(_ID)?|[a-zA-Z]*Rule(Id)?)$/.test(name);
}

function isRuleIdLiteral(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && RULE_ID.test(node.text);
}

/** Functions declared in `files` with a parameter named `rule` (or `ruleId`): name -> that parameter's index. */
function ruleParameters(files: readonly ts.SourceFile[]): Map<string, number> {
  const ruleParams = new Map<string, number>();
  for (const sf of files) {
    const visit = (node: ts.Node): void => {
      let fnName: string | undefined;
      let params: ts.NodeArray<ts.ParameterDeclaration> | undefined;
      if (ts.isFunctionDeclaration(node) && node.name) [fnName, params] = [node.name.text, node.parameters];
      else if (ts.isMethodDeclaration(node)) [fnName, params] = [nameOf(node.name), node.parameters];
      else if (ts.isVariableDeclaration(node) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) [fnName, params] = [nameOf(node.name), node.initializer.parameters];
      if (fnName !== undefined && params !== undefined) {
        const i = params.findIndex((p) => ts.isIdentifier(p.name) && (p.name.text === "rule" || p.name.text === "ruleId"));
        if (i >= 0) ruleParams.set(fnName, i);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return ruleParams;
}

/** Whether `node` is compared (`===`, `!==`) with a `.rule` property. */
function comparedWithRule(node: ts.Node): boolean {
  const parent = node.parent;
  if (parent === undefined || !ts.isBinaryExpression(parent) || ![ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(parent.operatorToken.kind)) return false;
  const other = parent.left === node ? parent.right : parent.left;
  return ts.isPropertyAccessExpression(other) && other.name.text === "rule";
}

/** Whether `node` is inside the table of an `it.each` / `test.each` / `describe.each`. */
function inEachTable(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n !== undefined && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "each" && ts.isIdentifier(n.expression.expression) && ["it", "test", "describe"].includes(n.expression.expression.text)) return true;
    if (ts.isFunctionLike(n)) return false;
  }
  return false;
}

/**
 * Functions that raise, look up or declare a rule whose id they build from an argument: the feature gates
 * raise `target/feature-<feature>`. A call with a literal argument counts as raising that id; the template
 * inside the function itself is not reported.
 */
const ID_BUILDERS: Readonly<Record<string, { readonly arg: number; readonly id: (arg: string) => string }>> = {
  requireFeature: { arg: 1, id: (f) => `target/feature-${f}` },
  featureGate: { arg: 0, id: (f) => `target/feature-${f}` },
  definePropsFeatureRule: { arg: 0, id: (f) => `target/feature-${f}` },
};

function insideIdBuilder(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n !== undefined; n = n.parent) if (ts.isFunctionDeclaration(n) && n.name !== undefined && n.name.text in ID_BUILDERS) return true;
  return false;
}

/** Where a rule id occurs in the sources. */
export interface RaiseSite {
  /** The id, or for an id built from a template (`target/feature-${f}`) its fixed start followed by `*`. */
  readonly id: string;
  /** The file, relative to the repository root. */
  readonly file: string;
  /** The 1-based line. */
  readonly line: number;
}

/**
 * Every rule id the sources under `dir` raise or refer to, found statically: a string literal that is
 * the value of a `rule` or `id` property, the default of a parameter named `rule`, an argument in the
 * position of a parameter named `rule` of a function declared under `dir`, the initializer of a constant
 * named like a rule, compared with a `.rule` property, or the literal argument of a function that builds
 * the id from it ({@link ID_BUILDERS}). Other ids built from templates are reported as their fixed start
 * and `*`.
 */
export function raisedRuleIds(dir = "src"): RaiseSite[] {
  const cached = raisedCache.get(dir);
  if (cached !== undefined) return cached;
  const sites = scanRaised(dir);
  raisedCache.set(dir, sites);
  return sites;
}

const raisedCache = new Map<string, RaiseSite[]>();
const testsCache = new Map<string, Map<string, string[]>>();

function scanRaised(dir: string): RaiseSite[] {
  const files = tsFiles(dir).map((f) => [f, parse(f)] as const);
  const ruleParams = ruleParameters(files.map(([, sf]) => sf));
  const sites: RaiseSite[] = [];
  for (const [file, sf] of files) {
    const add = (node: ts.Node, id: string): void => {
      sites.push({ id, file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
    };
    const visit = (node: ts.Node): void => {
      const parent = node.parent;
      if (isRuleIdLiteral(node) && parent !== undefined) {
        if (ts.isPropertyAssignment(parent) && parent.initializer === node && isRuleName(nameOf(parent.name))) add(node, node.text);
        else if (ts.isParameter(parent) && parent.initializer === node && isRuleName(nameOf(parent.name))) add(node, node.text);
        else if (ts.isVariableDeclaration(parent) && parent.initializer === node && isRuleName(nameOf(parent.name))) add(node, node.text);
        else if (ts.isCallExpression(parent) && parent.arguments.indexOf(node as ts.Expression) === ruleParams.get(nameOf(parent.expression) ?? "")) add(node, node.text);
        else if (comparedWithRule(node)) add(node, node.text);
      }
      if (ts.isTemplateExpression(node) && parent !== undefined && ts.isPropertyAssignment(parent) && isRuleName(nameOf(parent.name)) && /^[a-z0-9-]+\/[a-z0-9-]*$/.test(node.head.text) && !insideIdBuilder(node)) add(node, `${node.head.text}*`);
      if (ts.isCallExpression(node)) {
        const builder = ID_BUILDERS[nameOf(node.expression) ?? ""];
        const arg = builder !== undefined ? node.arguments[builder.arg] : undefined;
        if (builder !== undefined && arg !== undefined && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) add(arg, builder.id(arg.text));
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return sites.sort((a, b) => (a.id !== b.id ? (a.id < b.id ? -1 : 1) : a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line));
}

/** Whether `id` (or a template pattern `prefix*`) names a declared rule. */
export function isDeclared(id: string, declared: ReadonlySet<string>): boolean {
  if (id.endsWith("*")) return [...declared].some((d) => d.startsWith(id.slice(0, -1)));
  return declared.has(id);
}

/** Ids that are not rules of the catalogue by design (with the reason, shown in the docs). */
export const NOT_RULES: Readonly<Record<string, string>> = {
  "internal/unexpected": "a rule or build step threw: a bug in the library, reported instead of a crash (raised by the registry's runner)",
};

/** The ids raised in `src/` that the catalogue does not declare (sorted, once each), with their sites. */
export function inlineRuleIds(catalogue: readonly RuleMeta[] = loadCatalogue()): Map<string, RaiseSite[]> {
  const declared = new Set(catalogue.map((r) => r.id));
  const out = new Map<string, RaiseSite[]>();
  for (const site of raisedRuleIds()) {
    if (isDeclared(site.id, declared) || site.id in NOT_RULES) continue;
    out.set(site.id, [...(out.get(site.id) ?? []), site]);
  }
  return out;
}

function expectChain(node: ts.Node): { inExpect: boolean; negated: boolean } {
  // climbs from a literal to the nearest enclosing call; true when that call is expect(...) or a matcher on it
  let n: ts.Node | undefined = node.parent;
  while (n !== undefined && !ts.isSourceFile(n)) {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      if (ts.isIdentifier(callee) && /^expect/.test(callee.text)) return { inExpect: true, negated: false };
      // a matcher: expect(x).toX(...) / expect(x).not.toX(...) / expect(x).resolves.toX(...)
      let e: ts.Expression = callee;
      let negated = false;
      while (ts.isPropertyAccessExpression(e)) {
        if (e.name.text === "not") negated = true;
        e = e.expression;
      }
      if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "expect") return { inExpect: true, negated };
    }
    if (ts.isFunctionLike(n)) return { inExpect: false, negated: false };
    n = n.parent;
  }
  return { inExpect: false, negated: false };
}

/**
 * For each rule id, the test files that assert it: the id as a string literal inside `expect(...)` or a
 * matcher on it (not under `.not`), inside a call of a helper named `expect*`, as the `rule` of a table of
 * expected problems (the bad-input cases), as the argument of a test helper's parameter named `rule`,
 * compared with a problem's `.rule`, or in an `it.each` table; and the `# expect: id` lines of the lint
 * corpus.
 */
export function ruleTestFiles(dir = "test"): Map<string, string[]> {
  const cached = testsCache.get(dir);
  if (cached !== undefined) return cached;
  const result = scanTests(dir);
  testsCache.set(dir, result);
  return result;
}

function scanTests(dir: string): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  const add = (id: string, file: string): void => {
    found.set(id, (found.get(id) ?? new Set()).add(file));
  };
  const files = tsFiles(dir).map((f) => [f, parse(f)] as const);
  const helpers = ruleParameters(files.map(([, sf]) => sf));
  for (const [file, sf] of files) {
    const visit = (node: ts.Node): void => {
      if (isRuleIdLiteral(node) && node.parent !== undefined) {
        const parent = node.parent;
        const { inExpect, negated } = expectChain(node);
        const asserted =
          (inExpect && !negated) ||
          (ts.isPropertyAssignment(parent) && parent.initializer === node && nameOf(parent.name) === "rule") ||
          (ts.isCallExpression(parent) && parent.arguments.indexOf(node as ts.Expression) === helpers.get(nameOf(parent.expression) ?? "")) ||
          comparedWithRule(node) ||
          inEachTable(node);
        if (asserted) add(node.text, file);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  const corpus = path.join(ROOT, dir, "lint", "corpus");
  if (fs.existsSync(corpus)) {
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, e.name);
        if (e.isDirectory()) walk(full);
        else for (const m of fs.readFileSync(full, "utf8").matchAll(/^# expect: *(\S+)/gm)) add(m[1] as string, path.relative(ROOT, full).split(path.sep).join("/"));
      }
    };
    walk(corpus);
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, files]) => [id, [...files].sort()]));
}

/** Where each rule is declared: the file holding a literal `id: "..."` for it in a `define*Rule` call. */
export function declarationFiles(dir = "src"): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of tsFiles(dir)) {
    const sf = parse(file);
    const visit = (node: ts.Node): void => {
      if (isRuleIdLiteral(node) && ts.isPropertyAssignment(node.parent) && nameOf(node.parent.name) === "id" && !out.has(node.text)) out.set(node.text, file);
      if (ts.isTemplateExpression(node) && ts.isPropertyAssignment(node.parent) && nameOf(node.parent.name) === "id") out.set(`${node.head.text}*`, file);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** What each id prefix is about, for the headings of the docs. */
const CONCEPTS: Readonly<Record<string, string>> = {
  accelerator: "Accelerators",
  args: "Runtime arguments",
  chariot: "Chariot engine import",
  engine: "InferenceEngine",
  env: "Environment variables",
  fleet: "ModelFleet",
  gpustack: "GPUStack engine import",
  hardware: "Hardware profiles and requests",
  isvc: "InferenceService",
  k8s: "Kubernetes syntax (every manifest)",
  kserve: "KServe webhook (InferenceService)",
  lint: "lint (YAML the library did not write)",
  llm: "LLMInferenceService",
  llmconfig: "LLMInferenceServiceConfig",
  modelmesh: "ModelMesh",
  names: "Names",
  nim: "NVIDIA NIM",
  odh: "OpenShift AI",
  props: "Props shape",
  resources: "Container resources",
  runtime: "ServingRuntime",
  serving: "ModelServing",
  storage: "Model storage",
  storageconfig: "ModelMesh storage-config",
  target: "Target (KServe and OpenShift AI releases)",
};

const ON: Readonly<Record<string, string>> = {
  props: "props (one construct's props or resolved spec)",
  manifest: "manifest (one rendered manifest; also run by `lint`)",
  app: "app (the manifests of an app together; also run by `lint`)",
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}

/** `docs/rules.md`: the catalogue grouped by concept, each rule with what, why, fix and its tests. */
export function renderRulesDoc(): string {
  const catalogue = loadCatalogue();
  const tests = ruleTestFiles();
  const declared = declarationFiles();
  const inline = inlineRuleIds(catalogue);
  const groups = new Map<string, CatalogueEntry[]>();
  for (const r of catalogue) {
    const concept = r.id.split("/")[0] as string;
    groups.set(concept, [...(groups.get(concept) ?? []), r]);
  }
  const concepts = [...groups.keys()].sort();
  const lines: string[] = [];
  lines.push("# Rule catalogue");
  lines.push("");
  lines.push("<!-- Generated from the rule registry by `npm run docs:rules` (scripts/gen-rules-doc.ts). Do not edit by hand; test/rules/catalogue.test.ts checks it is current. -->");
  lines.push("");
  lines.push(
    `Every rule the library checks, as declared in the rule registry: ${catalogue.length} rules (${catalogue.filter((r) => r.severity === "error").length} errors, ${catalogue.filter((r) => r.severity === "warning").length} warnings). ` +
      "Each problem of a `ValidationError` (and of a `kserve-constructs lint` report) names its rule id, so the id of a problem leads here. " +
      "An error stops a synth; a warning is reported and lets it go on. Rules that run on a manifest or on the app also run in `lint`, on YAML the library did not write.",
  );
  lines.push("");
  lines.push("| Concept | Rules |");
  lines.push("|---|---|");
  for (const c of concepts) lines.push(`| [${CONCEPTS[c] ?? c}](#${c}) (\`${c}/\`) | ${(groups.get(c) ?? []).length} |`);
  lines.push("");
  for (const c of concepts) {
    lines.push(`<a id="${c}"></a>`);
    lines.push("");
    lines.push(`## ${CONCEPTS[c] ?? c} (\`${c}/\`)`);
    lines.push("");
    for (const r of groups.get(c) ?? []) {
      lines.push(`### \`${r.id}\``);
      lines.push("");
      lines.push(`- **Severity:** ${r.severity}`);
      lines.push(`- **Runs on:** ${ON[r.on] ?? r.on}${r.kinds !== undefined ? `, kinds ${r.kinds.map((k) => `\`${k}\``).join(", ")}` : ""}`);
      lines.push(`- **Checks:** ${cell(r.summary)}`);
      lines.push(`- **Why:** ${cell(r.why)}`);
      lines.push(`- **Fix:** ${cell(r.fix)}`);
      const where = declared.get(r.id) ?? [...declared].find(([k]) => k.endsWith("*") && r.id.startsWith(k.slice(0, -1)))?.[1];
      if (where !== undefined) lines.push(`- **Declared in:** [${where}](../${where})`);
      const files = tests.get(r.id) ?? [];
      lines.push(`- **Tests:** ${files.length > 0 ? files.map((f) => `[${f}](../${f})`).join(", ") : "none"}`);
      lines.push("");
    }
  }
  lines.push("## Raised inline, not in the registry");
  lines.push("");
  lines.push("Ids raised by build or resolve code without a registry entry (they would have no description here); test/rules/catalogue.test.ts requires there be none.");
  lines.push("");
  if (inline.size === 0) lines.push("None.");
  else {
    lines.push("| Id | Raised in |");
    lines.push("|---|---|");
    for (const [id, sites] of inline) lines.push(`| \`${id}\` | ${[...new Set(sites.map((s) => s.file))].map((f) => `[${f}](../${f})`).join(", ")} |`);
  }
  lines.push("");
  lines.push("## Not rules");
  lines.push("");
  for (const [id, why] of Object.entries(NOT_RULES).sort()) lines.push(`- \`${id}\`: ${why}.`);
  lines.push("");
  return lines.join("\n");
}
