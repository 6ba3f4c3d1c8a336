/**
 * A file system for the output-step tests that fails (once) or "kills the process" at a chosen
 * mutating operation: after a kill, every further operation throws without touching the disk, as if
 * the process had died there.
 */
import { nodeFs } from "../../src/output";
import type { OutputFs } from "../../src/output";

/** Thrown by the operation where the simulated kill happens, and by every operation after it. */
export class SimulatedKill extends Error {
  constructor(op: string) {
    super(`simulated kill at: ${op}`);
    this.name = "SimulatedKill";
  }
}

/** Options of {@link FaultFs}. */
export interface FaultOptions {
  /** Index of the mutating operation at which the process "dies" (that operation does not happen). */
  readonly killAt?: number;
  /** Index of the mutating operation that fails once with EIO (every other operation works). */
  readonly failAt?: number;
}

/** An {@link OutputFs} over the real one that records its mutating operations and injects faults. */
export class FaultFs implements OutputFs {
  /** Every mutating operation asked for, in order, described as `op path [-> path]`. */
  public readonly ops: string[] = [];
  /** True once the simulated kill has happened. */
  public dead = false;

  constructor(private readonly options: FaultOptions = {}, private readonly base: OutputFs = nodeFs) {}

  private read<T>(fn: () => T): T {
    if (this.dead) throw new SimulatedKill("read after death");
    return fn();
  }

  private mutate<T>(op: string, fn: () => T): T {
    if (this.dead) throw new SimulatedKill(`${op} (after death)`);
    const index = this.ops.length;
    this.ops.push(op);
    if (index === this.options.killAt) {
      this.dead = true;
      throw new SimulatedKill(op);
    }
    if (index === this.options.failAt) throw Object.assign(new Error(`EIO: i/o error (injected), ${op}`), { code: "EIO" });
    return fn();
  }

  kind(p: string) {
    return this.read(() => this.base.kind(p));
  }
  list(dir: string) {
    return this.read(() => this.base.list(dir));
  }
  readFile(p: string) {
    return this.read(() => this.base.readFile(p));
  }
  mtimeMs(p: string) {
    return this.read(() => this.base.mtimeMs(p));
  }
  mkdir(p: string) {
    this.mutate(`mkdir ${p}`, () => this.base.mkdir(p));
  }
  writeFile(p: string, data: string) {
    this.mutate(`write ${p}`, () => this.base.writeFile(p, data));
  }
  createExclusive(p: string, data: string) {
    return this.mutate(`create ${p}`, () => this.base.createExclusive(p, data));
  }
  rename(from: string, to: string) {
    this.mutate(`rename ${from} -> ${to}`, () => this.base.rename(from, to));
  }
  remove(p: string) {
    this.mutate(`remove ${p}`, () => this.base.remove(p));
  }
  chmod(p: string, mode: number) {
    this.mutate(`chmod ${p} ${mode.toString(8)}`, () => this.base.chmod(p, mode));
  }
  syncFile(p: string) {
    this.mutate(`syncfile ${p}`, () => this.base.syncFile(p));
  }
  syncFiles(files: readonly string[]) {
    this.mutate(`syncfiles ${files.length}`, () => (this.base.syncFiles !== undefined ? this.base.syncFiles(files) : files.forEach((f) => this.base.syncFile(f))));
  }
  syncDir(dir: string) {
    this.mutate(`sync ${dir}`, () => this.base.syncDir(dir));
  }
}
