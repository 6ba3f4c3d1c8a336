/**
 * The file-system operations the output step uses, behind one small interface so that tests can
 * inject failures (or a simulated kill) at every single step.
 */
import * as fs from "fs";
import * as path from "path";

/** What is at a path. */
export type EntryKind = "missing" | "dir" | "file" | "symlink" | "other";

/**
 * File-system operations of the output step. Every change to the disk goes through one of the
 * mutating methods (`mkdir`, `writeFile`, `createExclusive`, `rename`, `remove`, `chmod`, `syncDir`,
 * `syncFile`).
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
