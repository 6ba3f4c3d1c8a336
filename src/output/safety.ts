/**
 * Which output paths the library may write: it only ever replaces a folder it wrote itself.
 */
import * as os from "os";
import * as path from "path";
import { OutputError } from "./errors";
import type { OutputFs } from "./fs";
import { MARKER_FILE } from "./paths";

/** Where the checks look for the home folder and the repository (tests point them elsewhere). */
export interface SafetyContext {
  /**
   * The current folder (its Git repository's root is refused).
   * @default process.cwd()
   */
  readonly cwd?: string;
  /**
   * The home folder (refused).
   * @default os.homedir()
   */
  readonly home?: string;
}

/** The root of the Git repository holding `dir` (the nearest folder with a `.git` entry), if any. */
export function gitTopLevel(fsys: OutputFs, dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    if (fsys.kind(path.join(current, ".git")) !== "missing") return current;
    const up = path.dirname(current);
    if (up === current) return undefined;
    current = up;
  }
}

function refuse(outdir: string, why: string, fix: string): never {
  throw new OutputError("refused", `refusing to write the output to ${outdir}: ${why}. Nothing was changed.\n${fix}`);
}

const CHOOSE = "Give another folder with --out (for example --out dist).";

/**
 * Throws an {@link OutputError} (`refused`) unless `outdir` (absolute) may be replaced by a synth:
 * it is missing, an empty folder, or a folder that carries the library's marker file; and it is not
 * `/`, the home folder, a repository root or a symbolic link.
 */
export function checkOutputTarget(fsys: OutputFs, outdir: string, context: SafetyContext = {}): void {
  const abs = path.resolve(outdir);
  if (path.dirname(abs) === abs) refuse(abs, "it is the root of the file system", CHOOSE);
  const home = context.home ?? os.homedir();
  if (home !== "" && path.resolve(home) === abs) refuse(abs, "it is your home folder", CHOOSE);
  const cwd = path.resolve(context.cwd ?? process.cwd());
  const top = gitTopLevel(fsys, cwd);
  if (top !== undefined && top === abs) refuse(abs, "it is the root of the Git repository you are in", CHOOSE);
  if (cwd === abs || cwd.startsWith(`${abs}${path.sep}`)) refuse(abs, "it is (or holds) the folder you are in", `${CHOOSE} Run the command from outside the output folder.`);
  const kind = fsys.kind(abs);
  if (kind === "missing") return;
  if (kind === "file" || kind === "other") refuse(abs, "it is a file, not a folder", CHOOSE);
  if (kind === "symlink") {
    refuse(abs, "it is a symbolic link (the output must stay a plain folder)", `${CHOOSE} Or point --out at the folder the link leads to.`);
  }
  const names = fsys.list(abs);
  if (names.includes(".git")) refuse(abs, "it is the root of a Git repository (it holds .git)", CHOOSE);
  if (names.length === 0) return;
  if (names.includes(MARKER_FILE) && fsys.kind(path.join(abs, MARKER_FILE)) === "file") return;
  refuse(
    abs,
    `it holds files that kserve-constructs did not write (it has no ${MARKER_FILE} marker file), and a synth replaces the whole folder`,
    `${CHOOSE} If the folder holds only manifests an earlier synth wrote, delete it, or mark it as generated with \`touch ${path.join(abs, MARKER_FILE)}\`, and run synth again.`,
  );
}
