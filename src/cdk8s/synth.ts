/**
 * Safe synthesis: validate and render everything, write to a staging folder beside the target, then
 * swap it into place crash-consistently (see `src/output`). A failed synth writes nothing and leaves
 * earlier output untouched (`cdk8s synth` deletes its output folder before the app even runs); a folder
 * the library did not write is never replaced.
 */
import { ApiObject, App, Chart } from "cdk8s";
import type { AppProps } from "cdk8s";
import { isError } from "../index";
import type { Issue } from "../index";
import { OutputError, markOutputFolder, prepareOutput, writeOutput } from "../output";
import type { RecoveryReport } from "../output";
import { issuesOf } from "./state";

export { OutputError, markOutputFolder };
export type { RecoveryReport };

/** Options of {@link synthAtomically}. */
export interface AtomicSynthOptions {
  /**
   * Folder the manifests end up in (replaced as a whole; it must be missing, empty, or written by an
   * earlier synth, which leaves the `.kserve-constructs` marker file in it).
   * @default "dist"
   */
  readonly outdir?: string;
  /**
   * Other App settings (output file layout, extension). `outdir` is managed here.
   * @default cdk8s defaults (one file per chart, `.k8s.yaml`)
   */
  readonly appProps?: Omit<AppProps, "outdir">;
  /**
   * Seconds to wait for another synth of the same folder to finish before refusing.
   * @default 30
   */
  readonly lockWaitSeconds?: number;
  /**
   * Called once if another synth of the same folder holds the lock and this one waits for it.
   * @default nothing is reported
   */
  readonly onLockWait?: (message: string) => void;
  /**
   * Whether the new tree is flushed to disk before it is swapped into place. With `false` the swap is
   * still atomic and recovered after a killed process, but a power loss or operating-system crash soon
   * after may leave files of the new tree empty or cut short (the command line's `--no-fsync`).
   * @default true
   */
  readonly durable?: boolean;
}

/** What a successful synth wrote. */
export interface AtomicSynthResult {
  /** Absolute path of the output folder. */
  readonly outdir: string;
  /** Files written, relative to `outdir`, sorted (the `.kserve-constructs` marker file not included). */
  readonly files: readonly string[];
  /** Number of objects written per kind, keys sorted. */
  readonly objects: Readonly<Record<string, number>>;
  /** Warnings found (they do not stop the synth). */
  readonly warnings: readonly Issue[];
  /** What the recovery of an earlier, interrupted synth did before this one (`none` mostly). */
  readonly recovery: RecoveryReport;
  /** Things to tell the user about the disk (a recovered earlier synth, a leftover removed next time). */
  readonly notes: readonly string[];
}

/** How many objects of each kind the app's charts write (keys sorted), as cdk8s assigns objects to charts. */
export function countKinds(app: App): Record<string, number> {
  const counts = new Map<string, number>();
  for (const chart of app.charts) {
    for (const node of chart.node.findAll()) {
      if (ApiObject.isApiObject(node) && Chart.of(node) === chart) counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
    }
  }
  const sorted: Record<string, number> = {};
  for (const kind of [...counts.keys()].sort()) sorted[kind] = counts.get(kind) as number;
  return sorted;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/**
 * Builds an app with `build`, validates it, writes its manifests to a staging folder beside `outdir`
 * and swaps that folder into place. Throws (a `ValidationError` for invalid specs, an
 * {@link OutputError} for a refused or busy folder or a failed write, whose message says what is on disk)
 * without touching `outdir` when anything fails. When `build` returns a promise, so does this function.
 */
export function synthAtomically(build: (app: App) => Promise<unknown>, options?: AtomicSynthOptions): Promise<AtomicSynthResult>;
export function synthAtomically(build: (app: App) => void, options?: AtomicSynthOptions): AtomicSynthResult;
export function synthAtomically(build: (app: App) => unknown, options: AtomicSynthOptions = {}): AtomicSynthResult | Promise<AtomicSynthResult> {
  const outputOptions = {
    ...(options.lockWaitSeconds === undefined ? {} : { waitMs: options.lockWaitSeconds * 1000 }),
    ...(options.onLockWait === undefined ? {} : { onWait: options.onLockWait }),
    ...(options.durable === undefined ? {} : { durable: options.durable }),
  };
  const paths = prepareOutput(options.outdir ?? "dist", outputOptions);
  const app = new App({ ...options.appProps, outdir: paths.staging });
  const finish = (): AtomicSynthResult => {
    const written = writeOutput(
      paths.outdir,
      (staging) => {
        if (staging !== app.outdir) throw new OutputError("failed", `internal: staging folder ${staging} is not the app's ${app.outdir}`);
        app.synth();
      },
      outputOptions,
    );
    return {
      outdir: written.outdir,
      files: written.files,
      objects: countKinds(app),
      warnings: issuesOf(app).filter((i) => !isError(i)),
      recovery: written.recovery,
      notes: written.notes,
    };
  };
  const built = build(app);
  if (isPromiseLike(built)) return Promise.resolve(built).then(finish);
  return finish();
}
