/**
 * The file-system operations the output step uses, behind one small interface so that tests can
 * inject failures (or a simulated kill) at every single step.
 */
import * as fs from "fs";
import * as path from "path";
import { MessageChannel, Worker, receiveMessageOnPort } from "worker_threads";

/** What is at a path. */
export type EntryKind = "missing" | "dir" | "file" | "symlink" | "other";

/**
 * File-system operations of the output step. Every change to the disk goes through one of the
 * mutating methods (`mkdir`, `writeFile`, `createExclusive`, `rename`, `remove`, `chmod`, `syncDir`,
 * `syncFile`, `syncFiles`).
 */
export interface OutputFs {
  /** What is at `p` (symbolic links are not followed). */
  kind(p: string): EntryKind;
  /** Names in folder `dir`, sorted. */
  list(dir: string): string[];
  /** Text of file `p`. */
  readFile(p: string): string;
  /** Modification time of `p` in milliseconds. */
  mtimeMs(p: string): number;
  /** Creates folder `p` and missing parents (mode 0755). */
  mkdir(p: string): void;
  /** Writes file `p` (mode 0644) and flushes it to disk. */
  writeFile(p: string, data: string): void;
  /** Creates file `p` with `data` only if nothing is there; false when something is. */
  createExclusive(p: string, data: string): boolean;
  /** Renames `from` to `to` (one atomic step on one file system). */
  rename(from: string, to: string): void;
  /** Removes `p` and everything below it; nothing when it is missing. */
  remove(p: string): void;
  /** Sets the mode of `p`. */
  chmod(p: string, mode: number): void;
  /** Flushes folder `dir`'s entries (renames, creations) to disk, where the platform allows. */
  syncDir(dir: string): void;
  /** Flushes the content of file `p` to disk. */
  syncFile(p: string): void;
  /**
   * Flushes the contents of all of `files` to disk, returning when every one is flushed (or throwing the
   * first failure). The real file system runs the flushes concurrently, which lets the disk and the
   * file system's journal take them together.
   * @default each file through {@link OutputFs.syncFile}, one after another
   */
  syncFiles?(files: readonly string[]): void;
}

/**
 * The worker that flushes files concurrently: at most `limit` flushes in flight (the thread pool runs
 * them), then it posts the first failure (or null) and wakes the waiting thread.
 */
const SYNC_WORKER = `
const { workerData } = require("worker_threads");
const fs = require("fs");
const { files, port, signal, limit } = workerData;
const state = new Int32Array(signal);
let failure = null;
let next = 0;
async function lane() {
  while (failure === null && next < files.length) {
    const file = files[next++];
    try {
      const handle = await fs.promises.open(file, "r");
      try { await handle.sync(); } finally { await handle.close(); }
      Atomics.add(state, 1, 1);
    } catch (error) {
      if (failure === null) failure = { file, code: error && error.code, message: String(error && error.message || error) };
    }
  }
}
Promise.all(Array.from({ length: Math.max(1, Math.min(limit, files.length)) }, lane))
  .catch((error) => { if (failure === null) failure = { file: "", code: undefined, message: String(error) }; })
  .finally(() => { port.postMessage(failure); Atomics.store(state, 0, 1); Atomics.notify(state, 0); });
`;

/** Flushes in flight at once (the thread pool of the worker's process runs them, four at a time by default). */
const SYNC_CONCURRENCY = 64;

/** A worker that has flushed nothing for this long is given up on. */
const SYNC_WORKER_SILENCE_MS = 120_000;

/** Below this many files one thread is as fast as starting a worker. */
const SYNC_WORKER_MIN_FILES = 8;

function syncSerially(files: readonly string[]): void {
  for (const file of files) nodeFs.syncFile(file);
}

/**
 * Flushes `files` concurrently in a worker thread while this thread waits (the output step is
 * synchronous); where a worker cannot start, one after another.
 */
function syncConcurrently(files: readonly string[]): void {
  if (files.length < SYNC_WORKER_MIN_FILES) return syncSerially(files);
  // [0]: 1 once the worker is done; [1]: files flushed so far (its sign of life)
  const signal = new SharedArrayBuffer(8);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(SYNC_WORKER, { eval: true, workerData: { files: [...files], port: port2, signal, limit: SYNC_CONCURRENCY }, transferList: [port2] });
  } catch {
    port1.close();
    return syncSerially(files);
  }
  try {
    const state = new Int32Array(signal);
    let seen = 0;
    let lastProgress = Date.now();
    while (Atomics.load(state, 0) === 0) {
      Atomics.wait(state, 0, 0, 1000);
      const done = Atomics.load(state, 1);
      if (done !== seen) {
        seen = done;
        lastProgress = Date.now();
      } else if (Date.now() - lastProgress > SYNC_WORKER_SILENCE_MS) {
        // the worker never started (or hangs): flush here instead; flushing a file twice is harmless
        return syncSerially(files);
      }
    }
    const failure = receiveMessageOnPort(port1)?.message as { file: string; code?: string; message: string } | null | undefined;
    if (failure !== null && failure !== undefined) throw Object.assign(new Error(failure.message), failure.code === undefined ? {} : { code: failure.code, path: failure.file });
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/** The real file system. */
export const nodeFs: OutputFs = {
  kind(p) {
    const stat = fs.lstatSync(p, { throwIfNoEntry: false });
    if (stat === undefined) return "missing";
    if (stat.isSymbolicLink()) return "symlink";
    if (stat.isDirectory()) return "dir";
    if (stat.isFile()) return "file";
    return "other";
  },
  list(dir) {
    return fs.readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  },
  readFile(p) {
    return fs.readFileSync(p, "utf8");
  },
  mtimeMs(p) {
    return fs.lstatSync(p).mtimeMs;
  },
  mkdir(p) {
    fs.mkdirSync(p, { recursive: true, mode: 0o755 });
  },
  writeFile(p, data) {
    const fd = fs.openSync(p, "w", 0o644);
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  },
  createExclusive(p, data) {
    let fd: number;
    try {
      fd = fs.openSync(p, "wx", 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
    try {
      fs.writeSync(fd, data);
    } finally {
      fs.closeSync(fd);
    }
    return true;
  },
  rename(from, to) {
    fs.renameSync(from, to);
  },
  remove(p) {
    fs.rmSync(p, { recursive: true, force: true });
  },
  chmod(p, mode) {
    fs.chmodSync(p, mode);
  },
  syncFiles(files) {
    syncConcurrently(files);
  },
  syncFile(p) {
    const fd = fs.openSync(p, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  },
  syncDir(dir) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(dir, "r");
      fs.fsyncSync(fd);
    } catch {
      // some platforms (Windows) cannot open or flush a folder; the renames are still atomic there
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  },
};

/** Every file below `dir` (relative, `/`-separated, sorted), and every folder. */
export function walk(fsys: OutputFs, dir: string, prefix = ""): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  for (const name of fsys.list(dir)) {
    const rel = prefix === "" ? name : `${prefix}/${name}`;
    const full = path.join(dir, name);
    if (fsys.kind(full) === "dir") {
      dirs.push(rel);
      const below = walk(fsys, full, rel);
      files.push(...below.files);
      dirs.push(...below.dirs);
    } else files.push(rel);
  }
  return { files, dirs };
}
