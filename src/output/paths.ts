/**
 * Names of the output folder and of the library's own files beside it.
 */
import * as path from "path";

/**
 * Name of the marker file inside every output folder the library writes. Only folders that carry it
 * (or empty ones) are ever replaced. Not `.yaml`, `.yml` or `.json`, so Argo CD and Flux do not read it
 * as a manifest. Commit it with the output.
 */
export const MARKER_FILE = ".kserve-constructs";

/** What the marker file says (always the same bytes, so the output stays deterministic). */
export const MARKER_TEXT =
  "This folder is written by kserve-constructs and replaced as a whole on every synth.\n" +
  "Do not keep other files here. Keep this file: without it, synth refuses to replace the folder.\n";

/**
 * The pattern of every file the library keeps beside an output folder (lock, journal, staging and
 * previous trees). Put it in `.gitignore`.
 */
export const GITIGNORE_PATTERN = ".*.kserve-constructs-*";

/** The output folder and the library's files beside it. */
export interface OutputPaths {
  /** Absolute path of the output folder. */
  readonly outdir: string;
  /** The folder that holds it. */
  readonly parent: string;
  /** Lock file held while a synth or a recovery runs. */
  readonly lock: string;
  /** Journal of a swap in progress. */
  readonly journal: string;
  /** Journal being written (renamed to `journal` when complete). */
  readonly journalTmp: string;
  /** The new tree, written before the swap. */
  readonly staging: string;
  /** The old tree, kept during the swap. */
  readonly previous: string;
}

/** The paths for output folder `outdir` (resolved against the current folder). */
export function outputPaths(outdir: string): OutputPaths {
  const abs = path.resolve(outdir);
  const parent = path.dirname(abs);
  const base = path.basename(abs);
  const beside = (what: string): string => path.join(parent, `.${base}.kserve-constructs-${what}`);
  return {
    outdir: abs,
    parent,
    lock: beside("lock"),
    journal: beside("journal"),
    journalTmp: beside("journal.tmp"),
    staging: beside("staging"),
    previous: beside("previous"),
  };
}
