/**
 * Fresh consumer projects for the packed library, made the way users make them: like `cdk8s init
 * typescript-app` (its tsconfig read from the cdk8s-cli template), like Pulumi's TypeScript template, and
 * an ESM project with `module`/`moduleResolution` `nodenext`. Each installs the packed tarball and its
 * peers with npm (pinned to the versions this repository has installed, so `--prefer-offline` finds them
 * in npm's cache), type-checks with `skipLibCheck: false` and runs the README's worked example.
 *
 * Used by `test/consumers.test.ts` (CI) and `scripts/bench-typecheck.ts` (`npm run bench:types`).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The repository root. */
export const ROOT = path.resolve(__dirname, "..");

/** The README's text. */
export function readme(): string {
  return fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
}

/** The first fenced block of `lang` after the heading or text `after` in the README. */
export function readmeBlock(after: string, lang: string): string {
  const text = readme();
  const start = text.indexOf(after);
  const open = text.indexOf("```" + lang + "\n", start);
  const close = text.indexOf("\n```", open + 4);
  if (start < 0 || open < 0 || close < 0) throw new Error(`README: no ${lang} block after "${after}"`);
  return text.slice(open + lang.length + 4, close + 1);
}

/** The version of a package installed in this repository (the consumers pin it, so npm's cache serves it). */
export function installedVersion(pkg: string): string {
  const file = path.join(ROOT, "node_modules", ...pkg.split("/"), "package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(cmd, [...args], { cwd, encoding: "utf8", stdio: "pipe", env: { ...process.env, ...env } });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${err.stdout ?? ""}\n${err.stderr ?? ""}\n${err.message}`);
  }
}

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/**
 * Packs the library (which must be built: `npm run build`) into `dest` and returns the tarball's path.
 * Scripts are skipped: `prepare` would build again.
 */
export function packLibrary(dest: string): string {
  if (!fs.existsSync(path.join(ROOT, "lib", "index.js"))) throw new Error("lib/ is missing: run `npm run build` first");
  const out = run(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", dest], ROOT);
  const [info] = JSON.parse(out) as { filename: string }[];
  if (info === undefined) throw new Error("npm pack wrote nothing");
  return path.join(dest, info.filename);
}

/** A kind of consumer project. */
export type ConsumerKind = "cdk8s" | "pulumi" | "esm";

/** Peers (and dev tools) each kind installs beside the tarball. */
const PEERS: Record<ConsumerKind, { deps: string[]; dev: string[] }> = {
  cdk8s: { deps: ["cdk8s", "constructs"], dev: ["typescript", "@types/node"] },
  pulumi: { deps: ["@pulumi/pulumi", "@pulumi/kubernetes"], dev: ["typescript", "@types/node"] },
  esm: { deps: ["cdk8s", "constructs"], dev: ["typescript", "@types/node"] },
};

/** The tsconfig of a project made by `cdk8s init typescript-app` (read from the cdk8s-cli template). */
export function cdk8sTemplateTsconfig(): Record<string, unknown> {
  const file = path.join(ROOT, "node_modules", "cdk8s-cli", "templates", "typescript-app", "tsconfig.json");
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}

/** The tsconfig of Pulumi's `typescript` template (`pulumi new typescript`): node10 resolution, no skipLibCheck. */
export const PULUMI_TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts", "mocks.ts"],
};

/** An ESM project: `"type": "module"`, `module`/`moduleResolution` `nodenext`, no skipLibCheck. */
export const ESM_TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: "es2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    outDir: "dist-js",
    skipLibCheck: false,
    forceConsistentCasingInFileNames: true,
  },
  files: ["main.ts"],
};

/** Options of {@link createConsumer}. */
export interface ConsumerOptions {
  /** The project's folder (created). */
  readonly dir: string;
  /** The packed library, or `undefined` for a project without it (the benchmark's bare cdk8s app). */
  readonly tarball: string | undefined;
  /** Source files to write (name -> content). */
  readonly files: Readonly<Record<string, string>>;
}

/** Creates a consumer project of `kind` and installs the tarball and the kind's peers with npm. */
export function createConsumer(kind: ConsumerKind, options: ConsumerOptions): string {
  const { dir, tarball, files } = options;
  fs.mkdirSync(dir, { recursive: true });
  const pin = (names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, installedVersion(n)]));
  const pkg: Record<string, unknown> = {
    name: `consumer-${kind}`,
    version: "1.0.0",
    private: true,
    ...(kind === "esm" ? { type: "module" } : { main: kind === "pulumi" ? "bin/index.js" : "main.js" }),
    dependencies: { ...(tarball === undefined ? {} : { "kserve-constructs": `file:${tarball}` }), ...pin(PEERS[kind].deps) },
    devDependencies: pin(PEERS[kind].dev),
  };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
  const tsconfig = kind === "cdk8s" ? cdk8sTemplateTsconfig() : kind === "pulumi" ? PULUMI_TEMPLATE_TSCONFIG : ESM_TSCONFIG;
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2) + "\n");
  if (kind === "cdk8s") fs.writeFileSync(path.join(dir, "cdk8s.yaml"), "language: typescript\napp: node main.js\n");
  if (kind === "pulumi") fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: consumer\nruntime: nodejs\n");
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  run(NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], dir);
  return dir;
}

/** Runs the project's TypeScript compiler (`tsc -p .`, plus `extra` flags) and returns its output. */
export function typecheck(dir: string, extra: readonly string[] = []): string {
  return run(process.execPath, [path.join(dir, "node_modules", "typescript", "bin", "tsc"), "-p", ".", ...extra], dir);
}

/** Runs a compiled file of the project with Node.js. */
export function runNode(dir: string, file: string, env: NodeJS.ProcessEnv = {}): string {
  return run(process.execPath, [file], dir, env);
}

/**
 * The Pulumi consumer's unit test, as the README shows it: Pulumi's mocks, then the program, then the
 * objects it registered. Prints the objects as JSON.
 */
export const PULUMI_MOCKS = `import * as pulumi from "@pulumi/pulumi";

const created: { type: string; name: string; inputs: Record<string, unknown> }[] = [];
pulumi.runtime.setMocks({
  newResource: (args) => {
    created.push({ type: args.type, name: args.name, inputs: args.inputs });
    return { id: \`\${args.name}-id\`, state: args.inputs };
  },
  call: (args) => args.inputs,
}, "consumer", "dev", false);

async function main(): Promise<void> {
  const program = await import("./index");
  const objects = await new Promise((resolve) => program.objects.apply(resolve));
  await new Promise((resolve) => setTimeout(resolve, 100)); // let every registration reach the mocks
  console.log(JSON.stringify({ objects, created: created.map((r) => ({ type: r.type, name: r.name, inputs: r.inputs })) }));
}
main().catch((e: unknown) => { console.error(e); process.exit(1); });
`;
