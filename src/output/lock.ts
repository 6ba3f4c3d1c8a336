/**
 * One synth (or recovery) at a time per output folder: a lock file beside it, created exclusively.
 * A second synth waits for the first (bounded) and then refuses; a lock whose process has died is
 * taken over.
 */
import * as os from "os";
import * as path from "path";
import { OutputError } from "./errors";
import type { OutputFs } from "./fs";

/** How long to wait for another synth. */
export interface LockOptions {
  /**
   * Milliseconds to wait for another synth holding the lock before refusing.
   * @default 30000
   */
  readonly waitMs?: number;
  /**
   * Milliseconds between two looks at the lock.
   * @default 100
   */
  readonly pollMs?: number;
  /**
   * What this process is doing (written into the lock file, shown to whoever waits).
   * @default "synth"
   */
  readonly purpose?: string;
  /**
   * Called once when the lock is held by another live process and this one starts to wait, with a
   * sentence saying who holds it.
   * @default nothing is reported
   */
  readonly onWait?: (message: string) => void;
}

/** A held lock. */
export interface HeldLock {
  /** Path of the lock file. */
  readonly file: string;
  /** Set when the lock was taken over from a process that had died: who that was. */
  readonly tookOverFrom?: string;
  /** True while the lock file is still the one this process wrote. */
  isHeld(): boolean;
  /** Removes the lock file if it is still this process's. */
  release(): void;
}

interface Owner {
  readonly pid: number;
  readonly host: string;
  readonly purpose: string;
  readonly token: string;
}

/** An empty or unreadable lock file older than this is left over from a crash. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

let counter = 0;

function parseOwner(text: string): Owner | undefined {
  try {
    const value = JSON.parse(text) as Partial<Owner>;
    if (typeof value.pid === "number" && typeof value.host === "string" && typeof value.token === "string") {
      return { pid: value.pid, host: value.host, purpose: typeof value.purpose === "string" ? value.purpose : "synth", token: value.token };
    }
  } catch {
    // an empty or half-written lock file
  }
  return undefined;
}

/** True when process `pid` on this machine is alive. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readLock(fsys: OutputFs, file: string): { text: string; owner: Owner | undefined } | undefined {
  try {
    const text = fsys.readFile(file);
    return { text, owner: parseOwner(text) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function isStale(fsys: OutputFs, file: string, owner: Owner | undefined): boolean {
  if (owner === undefined) {
    try {
      return Date.now() - fsys.mtimeMs(file) > UNREADABLE_LOCK_STALE_MS;
    } catch {
      return false;
    }
  }
  return owner.host === os.hostname() && !processAlive(owner.pid);
}

/**
 * Takes the lock file `file`, waiting (bounded) while another live process holds it. A lock left by a
 * process that has died on this machine is removed and taken. Throws an {@link OutputError} (`busy`)
 * when the wait runs out.
 */
export function acquireLock(fsys: OutputFs, file: string, options: LockOptions = {}): HeldLock {
  const waitMs = options.waitMs ?? 30_000;
  const pollMs = Math.max(1, options.pollMs ?? 100);
  const token = `${process.pid}-${Date.now()}-${counter++}`;
  const mine: Owner = { pid: process.pid, host: os.hostname(), purpose: options.purpose ?? "synth", token };
  const text = `${JSON.stringify(mine)}\n`;
  const deadline = Date.now() + waitMs;
  let seen: Owner | undefined;
  let waiting = false;
  let tookOverFrom: string | undefined;
  for (;;) {
    if (fsys.createExclusive(file, text)) break;
    const current = readLock(fsys, file);
    if (current === undefined) continue;
    seen = current.owner ?? seen;
    if (isStale(fsys, file, current.owner)) {
      // take the stale lock away atomically: only one of several waiting processes gets it
      const aside = `${file}.stale-${process.pid}-${counter++}`;
      try {
        fsys.rename(file, aside);
      } catch {
        continue;
      }
      const taken = readLock(fsys, aside);
      if (taken !== undefined && taken.text !== current.text && taken.owner !== undefined && !isStale(fsys, aside, taken.owner)) {
        // another process replaced the stale lock in between: give its lock back
        try {
          if (fsys.createExclusive(file, taken.text)) {
            fsys.remove(aside);
            continue;
          }
        } catch {
          // fall through: the live owner checks its lock before it swaps
        }
      }
      fsys.remove(aside);
      tookOverFrom = current.owner === undefined ? "an unfinished lock file" : `${current.owner.purpose} pid ${current.owner.pid}`;
      continue;
    }
    const who = seen === undefined ? "another process" : `another kserve-constructs ${seen.purpose} (pid ${seen.pid} on ${seen.host})`;
    if (!waiting && waitMs > 0 && Date.now() < deadline) {
      waiting = true;
      options.onWait?.(`waiting up to ${waitMs >= 1000 ? `${Math.round(waitMs / 1000)} s` : `${waitMs} ms`} for ${who} to release ${file}`);
    }
    if (Date.now() >= deadline) {
      throw new OutputError(
        "busy",
        `${who} is writing ${path.dirname(file)}${path.sep}${path.basename(file).replace(/^\.(.*)\.kserve-constructs-lock$/, "$1")}` +
          ` (waited ${Math.round(waitMs / 1000)} s for its lock ${file}). Nothing was changed.\n` +
          `Run the command again when it has finished. If no such process is running, delete ${file}.`,
      );
    }
    sleep(Math.min(pollMs, Math.max(1, deadline - Date.now())));
  }
  return {
    file,
    ...(tookOverFrom === undefined ? {} : { tookOverFrom }),
    isHeld: () => readLock(fsys, file)?.owner?.token === token,
    release: () => {
      if (readLock(fsys, file)?.owner?.token === token) fsys.remove(file);
    },
  };
}
