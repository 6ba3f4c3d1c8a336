/**
 * Loads a user's app module: TypeScript (`.ts`, `.cts`, `.mts`, `.tsx`) through tsx's programmatic
 * loader, or JavaScript (`.js`, `.cjs`, `.mjs`), CommonJS or ES module. The module exports its build
 * function as `default` or `build`; it may be async.
 */
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { UsageError } from "./command";

/** A build function: defines charts in the App it is given (may return a promise). */
export type BuildFunction = (app: import("cdk8s").App) => unknown;

/** The app module could not be loaded, or exports no build function (exit code 2). */
export class AppLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppLoadError";
  }
}

interface TsxCjsApi {
  register(): () => void;
}
interface TsxEsmApi {
  register(): () => Promise<void>;
}

let cjsRegistered = false;
let esmRegistered = false;

function hasTsHook(): boolean {
  // running under tsx (or ts-node) already: its hook compiles TypeScript
  const extensions = (require("module") as { _extensions?: Record<string, unknown> })._extensions;
  return extensions !== undefined && extensions[".ts"] !== undefined;
}

function registerCjs(): void {
  if (cjsRegistered || hasTsHook()) return;
  (require("tsx/cjs/api") as TsxCjsApi).register();
  cjsRegistered = true;
}

// a real dynamic import (TypeScript compiles `import()` to `require()` in CommonJS output)
const importModule = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

async function registerEsm(): Promise<void> {
  if (esmRegistered) return;
  // the ES module build of tsx's API (its CommonJS build cannot register the hooks from here)
  ((await importModule("tsx/esm/api")) as TsxEsmApi).register();
  esmRegistered = true;
}

const ESM_CODES = new Set(["ERR_REQUIRE_ESM", "ERR_REQUIRE_ASYNC_MODULE", "ERR_REQUIRE_CYCLE_MODULE", "ERR_UNKNOWN_FILE_EXTENSION"]);

/** True when the nearest package.json above `file` says `"type": "module"`. */
function inModulePackage(file: string): boolean {
  let dir = path.dirname(file);
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      try {
        return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { type?: unknown }).type === "module";
      } catch {
        return false;
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
}

/** True when Node treats `file` as an ES module (by extension, or by the package's `type`). */
function isEsm(file: string): boolean {
  const ext = path.extname(file);
  if (ext === ".mjs" || ext === ".mts") return true;
  if (ext === ".cjs" || ext === ".cts") return false;
  return inModulePackage(file);
}

async function loadModule(file: string): Promise<unknown> {
  if (!isEsm(file)) {
    registerCjs();
    try {
      return require(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined || !ESM_CODES.has(code)) throw error;
    }
  }
  // an ES module: imported with Node's own semantics, through tsx's ESM hooks for TypeScript (its
  // own or the files it imports)
  await registerEsm();
  return importModule(pathToFileURL(file).href);
}

function exported(mod: unknown): BuildFunction | undefined {
  if (typeof mod === "function") return mod as BuildFunction;
  if (typeof mod !== "object" || mod === null) return undefined;
  const record = mod as { default?: unknown; build?: unknown };
  if (typeof record.default === "function") return record.default as BuildFunction;
  if (typeof record.build === "function") return record.build as BuildFunction;
  return undefined;
}

/** `default` first, then `build`; also through one level of CommonJS/ESM interop (`default.default`). */
function pick(mod: unknown): BuildFunction | undefined {
  const direct = exported(mod);
  if (direct !== undefined) return direct;
  const inner = typeof mod === "object" && mod !== null ? (mod as { default?: unknown }).default : undefined;
  return typeof inner === "object" && inner !== null ? exported(inner) : undefined;
}

/**
 * Loads the app module `modulePath` (relative to the current folder) and returns its build function.
 * Throws a {@link UsageError} when the file does not exist and an {@link AppLoadError} when it cannot be
 * loaded or exports no build function.
 */
export async function loadBuildFunction(modulePath: string): Promise<BuildFunction> {
  const file = path.resolve(modulePath);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) throw new UsageError(`cannot find the app module ${modulePath} (looked for ${file})`);
  if (!stat.isFile()) throw new UsageError(`the app module ${modulePath} is not a file`);
  let mod: unknown;
  try {
    mod = await loadModule(file);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new AppLoadError(`cannot load the app module ${modulePath}: ${detail}`, { cause: error });
  }
  const build = pick(mod);
  if (build === undefined) {
    throw new AppLoadError(
      `${modulePath} exports no build function. Export a function that receives the cdk8s App and defines the charts in it, ` +
        "as `export default function build(app: App) { ... }` or `export function build(app: App) { ... }` (it may be async); " +
        "the command creates the App and writes it, so the module must not call app.synth() itself.",
    );
  }
  return build;
}
