/**
 * The crash-consistent output step. A synth writes the new tree into a staging folder beside the
 * output folder, records the swap in a journal, then renames: output -> previous, staging -> output.
 * Whatever stops it (an error, a kill, a power cut), the next start rolls the swap back (while the
 * staging folder still exists, the old tree is complete in `previous` or in place) or forward (once
 * staging has become the output folder), so the folder holds either the complete old tree or the
 * complete new one, never none and never a mix.
 */
import * as path from "path";
import { OutputError, messageOf } from "./errors";
import { nodeFs, walk } from "./fs";
import type { OutputFs } from "./fs";
import { acquireLock } from "./lock";
import type { HeldLock, LockOptions } from "./lock";
import { MARKER_FILE, MARKER_TEXT, outputPaths } from "./paths";
import type { OutputPaths } from "./paths";
import { checkOutputTarget } from "./safety";
import type { SafetyContext } from "./safety";

/** Options of {@link writeOutput} and {@link recoverOutput}. */
export interface OutputOptions extends SafetyContext, LockOptions {
  /**
   * The file system (tests inject failures through it).
   * @default the real file system
   */
  readonly fs?: OutputFs;
  /**
   * Whether the new tree is flushed to disk (every file's content, then every folder) before the
   * journal records the swap. With `false` the swap is still atomic and recoverable after a killed
   * process, but a power loss or operating-system crash soon after a synth may leave files of the new
   * tree empty or cut short; flushing costs seconds per thousand files on some disks.
   * @default true
   */
  readonly durable?: boolean;
}

/** What a recovery did. */
export interface RecoveryReport {
  /**
   * - `none`: nothing was left over;
   * - `cleaned`: leftovers of a synth that had not started its swap were removed (output untouched);
   * - `rolled-back`: an interrupted swap was undone: the output folder holds the old tree;
   * - `rolled-forward`: an interrupted swap was finished: the output folder holds the new tree.
   */
  readonly action: "none" | "cleaned" | "rolled-back" | "rolled-forward";
  /** What was done, one line each. */
  readonly steps: readonly string[];
}

/** What {@link writeOutput} did. */
export interface WriteOutputResult {
  /** Absolute path of the output folder. */
  readonly outdir: string;
  /** Files written, relative to `outdir`, sorted (the marker file not included). */
  readonly files: readonly string[];
  /** What the recovery at the start found and did. */
  readonly recovery: RecoveryReport;
  /** Things the caller should tell the user (the output is complete; a leftover will be removed on the next run). */
  readonly notes: readonly string[];
}

interface Journal {
  readonly "kserve-constructs": "output-swap";
  readonly version: 1;
  readonly outdir: string;
  readonly staging: string;
  readonly previous: string;
  readonly hadPrevious: boolean;
  readonly pid: number;
}

function present(fsys: OutputFs, p: string): boolean {
  return fsys.kind(p) !== "missing";
}

function name(p: string): string {
  return path.basename(p);
}

/**
 * Rolls an interrupted swap forward or back and removes leftovers. The caller holds the lock.
 * Decides by what exists: while the staging folder exists, the swap had not happened (roll back);
 * once it is gone, the new tree is the output folder (roll forward).
 */
function recoverLocked(fsys: OutputFs, p: OutputPaths): RecoveryReport {
  const steps: string[] = [];
  // lock files set aside by a process that took over a stale lock and died before removing them
  const asidePrefix = `${name(p.lock)}.stale-`;
  for (const entry of fsys.list(p.parent)) {
    if (entry.startsWith(asidePrefix)) fsys.remove(path.join(p.parent, entry));
  }
  const journaled = present(fsys, p.journal);
  const staged = present(fsys, p.staging);
  const hasPrevious = present(fsys, p.previous);
  const hasOut = present(fsys, p.outdir);
  if (!journaled && !staged && !hasPrevious && !present(fsys, p.journalTmp)) return { action: "none", steps };

  if (hasPrevious && hasOut && (staged || !journaled)) {
    if (!journaled) {
      // a finished swap whose cleanup stopped before the journal was written cannot exist; the
      // previous tree is a leftover copy only if the output is ours
      if (!present(fsys, path.join(p.outdir, MARKER_FILE))) {
        throw new OutputError(
          "inconsistent",
          `both ${p.outdir} and ${p.previous} exist and no swap is recorded; nothing was deleted. Keep the one you want, delete the other, and run the command again.`,
        );
      }
    } else {
      throw new OutputError(
        "inconsistent",
        `an interrupted synth left ${p.outdir}, ${p.previous} and ${p.staging} at once, which the library never does; nothing was deleted. ` +
          `${p.outdir} and ${p.previous} may both hold manifests: keep the one you want, delete the others and ${p.journal}, and run the command again.`,
      );
    }
  }

  let action: RecoveryReport["action"];
  if (staged || !journaled) {
    // the swap had not completed: the old tree is in place or in `previous`
    if (hasPrevious && !hasOut) {
      fsys.rename(p.previous, p.outdir);
      syncQuietly(fsys, p.parent);
      steps.push(`restored the previous output: ${name(p.previous)} -> ${name(p.outdir)}`);
    } else if (hasPrevious) {
      fsys.remove(p.previous);
      steps.push(`removed the leftover copy ${name(p.previous)}`);
    }
    // the journal goes before the staging folder: a staging folder without a journal is a leftover
    // (and says so), while a journal without one would read as a finished swap
    if (journaled) {
      fsys.remove(p.journal);
      steps.push(`removed the journal ${name(p.journal)}`);
    }
    if (staged) {
      fsys.remove(p.staging);
      steps.push(`removed the unfinished new output ${name(p.staging)}`);
    }
    action = journaled ? "rolled-back" : "cleaned";
  } else {
    // the new tree is the output folder: finish removing the old one
    if (hasPrevious && !hasOut) {
      // the output folder was removed by hand after the swap: the previous tree is all there is
      fsys.rename(p.previous, p.outdir);
      syncQuietly(fsys, p.parent);
      steps.push(`restored the previous output (the output folder was missing): ${name(p.previous)} -> ${name(p.outdir)}`);
      action = "rolled-back";
    } else if (!hasOut) {
      // an undone first synth: there was no output folder before, and there is none now
      steps.push(`the interrupted synth had not created ${name(p.outdir)}`);
      action = "rolled-back";
    } else {
      if (hasPrevious) {
        fsys.remove(p.previous);
        steps.push(`removed the previous output ${name(p.previous)}`);
      }
      action = "rolled-forward";
    }
  }
  if (journaled && present(fsys, p.journal)) {
    fsys.remove(p.journal);
    steps.push(`removed the journal ${name(p.journal)}`);
  }
  if (present(fsys, p.journalTmp)) {
    fsys.remove(p.journalTmp);
    steps.push(`removed the unfinished journal ${name(p.journalTmp)}`);
  }
  syncQuietly(fsys, p.parent);
  return { action, steps };
}

function describeRecovery(outdir: string, report: RecoveryReport): string {
  switch (report.action) {
    case "rolled-back":
      return `recovered an interrupted synth: ${outdir} holds the previous output, complete`;
    case "rolled-forward":
      return `recovered an interrupted synth: ${outdir} holds the output of that synth, complete`;
    case "cleaned":
      return `removed the leftovers of an unfinished synth beside ${outdir} (the output was not touched)`;
    default:
      return `nothing to recover for ${outdir}`;
  }
}

/** One line that says what a recovery did, for the user. */
export function recoverySummary(outdir: string, report: RecoveryReport): string {
  return describeRecovery(outdir, report);
}

function lockFor(fsys: OutputFs, p: OutputPaths, options: OutputOptions, purpose: string): HeldLock {
  fsys.mkdir(p.parent);
  return acquireLock(fsys, p.lock, { ...options, purpose });
}

/**
 * Rolls an interrupted synth of `outdir` forward or back (the `recover` command; every synth also
 * does this first). Takes the lock, so it waits for a running synth.
 */
export function recoverOutput(outdir: string, options: OutputOptions = {}): RecoveryReport & { readonly outdir: string; readonly summary: string } {
  const fsys = options.fs ?? nodeFs;
  const p = outputPaths(outdir);
  if (path.dirname(p.outdir) === p.outdir) throw new OutputError("refused", `${p.outdir} is the root of the file system; there is nothing to recover there.`);
  if (!present(fsys, p.parent)) return { outdir: p.outdir, action: "none", steps: [], summary: describeRecovery(p.outdir, { action: "none", steps: [] }) };
  const lock = lockFor(fsys, p, options, "recover");
  try {
    const found = recoverLocked(fsys, p);
    const report: RecoveryReport =
      lock.tookOverFrom === undefined ? found : { action: found.action, steps: [`took over the lock left by a ${lock.tookOverFrom} that has ended`, ...found.steps] };
    return { outdir: p.outdir, ...report, summary: describeRecovery(p.outdir, report) };
  } finally {
    lock.release();
  }
}

/**
 * Checks that `outdir` may be written (see {@link checkOutputTarget}) and returns its paths; the
 * staging folder is where {@link writeOutput} will have the new tree written.
 */
export function prepareOutput(outdir: string, options: OutputOptions = {}): OutputPaths {
  const p = outputPaths(outdir);
  checkOutputTarget(options.fs ?? nodeFs, p.outdir, options);
  return p;
}

/**
 * Sets modes 0755/0644 on the new tree and, when `durable`, flushes it: every file's content (all at
 * once, see {@link OutputFs.syncFiles}), then every folder's entries, deepest first, so that it is on
 * disk before the journal says the tree is complete (a power cut must not leave empty files).
 */
function normalizePermissions(fsys: OutputFs, dir: string, durable: boolean): string[] {
  fsys.chmod(dir, 0o755);
  const { files, dirs } = walk(fsys, dir);
  for (const d of dirs) fsys.chmod(path.join(dir, d), 0o755);
  const full = files.map((f) => path.join(dir, f));
  files.forEach((f, i) => {
    if (fsys.kind(full[i] as string) !== "file") {
      throw new OutputError("failed", `the new output holds ${f}, which is not a plain file (the output must be plain files and folders)`);
    }
    fsys.chmod(full[i] as string, 0o644);
  });
  if (durable) {
    if (fsys.syncFiles !== undefined) fsys.syncFiles(full);
    else for (const f of full) fsys.syncFile(f);
    for (const d of [...dirs].reverse()) fsys.syncDir(path.join(dir, d));
    fsys.syncDir(dir);
  }
  return files;
}

/**
 * Writes a new output folder crash-consistently. In order: refuses a folder the library may not
 * replace; takes the lock (waiting, bounded, for another synth); recovers an interrupted earlier
 * synth; has `write` fill the staging folder; adds the marker file and sets modes 0755/0644; records
 * the swap in the journal; renames the old folder aside and the staging folder into place; removes the
 * old tree and the journal; releases the lock.
 *
 * If `write` throws, the staging folder is removed and the error is rethrown: the output folder is
 * untouched. A failure during the swap is undone before an {@link OutputError} reports it; its
 * message says what is on disk.
 */
export function writeOutput(outdir: string, write: (staging: string) => void, options: OutputOptions = {}): WriteOutputResult {
  const fsys = options.fs ?? nodeFs;
  const p = prepareOutput(outdir, options);
  const lock = lockFor(fsys, p, options, "synth");
  try {
    const recovery = recoverLocked(fsys, p);
    checkOutputTarget(fsys, p.outdir, options);
    const notes: string[] = recovery.action === "none" ? [] : [describeRecovery(p.outdir, recovery)];
    if (lock.tookOverFrom !== undefined) notes.push(`took over the lock left by a ${lock.tookOverFrom} that has ended`);
    let files: string[];
    try {
      fsys.mkdir(p.staging);
      write(p.staging);
      fsys.writeFile(path.join(p.staging, MARKER_FILE), MARKER_TEXT);
      files = normalizePermissions(fsys, p.staging, options.durable ?? true).filter((f) => f !== MARKER_FILE);
    } catch (error) {
      removeQuietly(fsys, p.staging);
      throw error;
    }
    swap(fsys, p, lock, notes);
    return { outdir: p.outdir, files, recovery, notes };
  } finally {
    try {
      lock.release();
    } catch {
      // a lock left behind is stale once this process ends, and the next synth takes it over
    }
  }
}

/** Flushes a folder's entries; a failure only weakens durability against power loss, so it is ignored. */
function syncQuietly(fsys: OutputFs, dir: string): void {
  try {
    fsys.syncDir(dir);
  } catch {
    // the renames themselves are atomic; see OutputFs.syncDir
  }
}

function removeQuietly(fsys: OutputFs, p: string): boolean {
  try {
    fsys.remove(p);
    return true;
  } catch {
    return false;
  }
}

function swap(fsys: OutputFs, p: OutputPaths, lock: HeldLock, notes: string[]): void {
  const unchanged = `${p.outdir} is unchanged`;
  if (!lock.isHeld()) {
    removeQuietly(fsys, p.staging);
    throw new OutputError("busy", `another process took over the lock ${p.lock} during this synth; ${unchanged} and the new output was discarded. Run synth again.`);
  }
  const hadPrevious = present(fsys, p.outdir);
  const journal: Journal = {
    "kserve-constructs": "output-swap",
    version: 1,
    outdir: name(p.outdir),
    staging: name(p.staging),
    previous: name(p.previous),
    hadPrevious,
    pid: process.pid,
  };
  try {
    fsys.writeFile(p.journalTmp, `${JSON.stringify(journal, null, 2)}\n`);
    fsys.rename(p.journalTmp, p.journal);
  } catch (error) {
    removeQuietly(fsys, p.journalTmp);
    const cleaned = removeQuietly(fsys, p.journal) && removeQuietly(fsys, p.staging);
    throw new OutputError(
      "failed",
      `could not record the swap in ${p.journal} (${messageOf(error)}); ${unchanged}` +
        (cleaned ? "." : `; leftovers beside it are removed by the next synth or by \`kserve-constructs recover\`.`),
      { cause: error },
    );
  }
  if (hadPrevious) {
    try {
      fsys.rename(p.outdir, p.previous);
    } catch (error) {
      const cleaned = removeQuietly(fsys, p.journal) && removeQuietly(fsys, p.staging);
      throw new OutputError(
        "failed",
        `could not move the previous output aside (${messageOf(error)}); ${unchanged}` +
          (cleaned ? "." : `; leftovers beside it are removed by the next synth or by \`kserve-constructs recover\`.`),
        { cause: error },
      );
    }
  }
  syncQuietly(fsys, p.parent);
  try {
    fsys.rename(p.staging, p.outdir);
  } catch (error) {
    // undo: put the old tree back before reporting
    let restored = !hadPrevious;
    if (hadPrevious) {
      try {
        if (!present(fsys, p.outdir)) fsys.rename(p.previous, p.outdir);
        restored = true;
      } catch {
        restored = false;
      }
    }
    if (!restored) {
      throw new OutputError(
        "failed",
        `could not move the new output into place (${messageOf(error)}), nor the previous output back: ${p.outdir} is missing; ` +
          `the previous output is complete in ${p.previous} and the new one in ${p.staging}. ` +
          `Run \`kserve-constructs recover --out ${p.outdir}\` (or the next synth) to put the previous output back.`,
        { cause: error },
      );
    }
    const cleaned = removeQuietly(fsys, p.journal) && removeQuietly(fsys, p.staging);
    throw new OutputError(
      "failed",
      `could not move the new output into place (${messageOf(error)}); ` +
        (hadPrevious ? `the previous output was put back: ${unchanged}` : `${p.outdir} was not created`) +
        (cleaned ? "." : `; leftovers beside it are removed by the next synth or by \`kserve-constructs recover\`.`),
      { cause: error },
    );
  }
  // committed: the new tree is the output folder
  syncQuietly(fsys, p.parent);
  if (hadPrevious && !removeQuietly(fsys, p.previous)) {
    notes.push(`the new output is in place, but the previous one could not be removed from ${p.previous}; the next synth removes it`);
    return;
  }
  if (!removeQuietly(fsys, p.journal)) notes.push(`the new output is in place; the journal ${p.journal} could not be removed (the next synth removes it)`);
  else syncQuietly(fsys, p.parent);
}

/**
 * Writes the marker file into `dir`, a folder some other writer (the `cdk8s synth` CLI) filled with
 * this library's output, so that later synths may replace it.
 */
export function markOutputFolder(dir: string, fsys: OutputFs = nodeFs): void {
  fsys.writeFile(path.join(path.resolve(dir), MARKER_FILE), MARKER_TEXT);
}
