/**
 * Atomic synthesis: validate and render everything, write to a temporary folder beside the target,
 * then swap it into place. A failed synth writes nothing and leaves earlier output untouched
 * (`cdk8s synth` deletes its output folder before the app even runs).
 */
import * as fs from "fs";
import * as path from "path";
import { App } from "cdk8s";
import type { AppProps } from "cdk8s";
import { isError } from "../index";
import type { Issue } from "../index";
import { issuesOf } from "./state";

/** Options of {@link synthAtomically}. */
export interface AtomicSynthOptions {
  /**
   * Folder the manifests end up in (replaced as a whole).
   * @default "dist"
   */
  readonly outdir?: string;
  /**
   * Other App settings (output file layout, extension). `outdir` is managed here.
   * @default cdk8s defaults (one file per chart, `.k8s.yaml`)
   */
  readonly appProps?: Omit<AppProps, "outdir">;
}

/** What a successful synth wrote. */
export interface AtomicSynthResult {
  /** Absolute path of the output folder. */
  readonly outdir: string;
  /** Files written, relative to `outdir`, sorted. */
  readonly files: readonly string[];
  /** Warnings found (they do not stop the synth). */
  readonly warnings: readonly Issue[];
}

function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}

/**
 * Builds an app with `build`, validates it, writes its manifests to a temporary folder beside
 * `outdir` and renames that folder into place. Throws (a `ValidationError` for invalid specs) without
 * touching `outdir` when anything fails.
 */
export function synthAtomically(build: (app: App) => void, options: AtomicSynthOptions = {}): AtomicSynthResult {
  const outdir = path.resolve(options.outdir ?? "dist");
  const parent = path.dirname(outdir);
  fs.mkdirSync(parent, { recursive: true });
  const staging = fs.mkdtempSync(path.join(parent, `.${path.basename(outdir)}.staging-`));
  try {
    const app = new App({ ...options.appProps, outdir: staging });
    build(app);
    app.synth();
    const warnings = issuesOf(app).filter((i) => !isError(i));
    swapInto(staging, outdir);
    return { outdir, files: listFiles(outdir), warnings };
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function swapInto(staging: string, outdir: string): void {
  if (!fs.existsSync(outdir)) {
    fs.renameSync(staging, outdir);
    return;
  }
  const retired = `${staging}.previous`;
  fs.renameSync(outdir, retired);
  try {
    fs.renameSync(staging, outdir);
  } catch (error) {
    fs.renameSync(retired, outdir);
    throw error;
  }
  fs.rmSync(retired, { recursive: true, force: true });
}
