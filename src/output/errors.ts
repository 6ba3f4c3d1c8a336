/**
 * The error of the output step.
 */

/**
 * Why the output step stopped:
 * - `refused`: the output path is not a folder the library may replace (nothing was touched);
 * - `busy`: another synth holds the lock (nothing was touched);
 * - `failed`: writing or swapping failed; the message says what is on disk;
 * - `inconsistent`: the disk is in a state the library did not leave; nothing was deleted.
 */
export type OutputErrorReason = "refused" | "busy" | "failed" | "inconsistent";

/** An output folder was refused, busy, or could not be written. Its message says what is on disk. */
export class OutputError extends Error {
  /** Why the output step stopped. */
  public readonly reason: OutputErrorReason;

  constructor(reason: OutputErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OutputError";
    this.reason = reason;
  }
}

/** The message of any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
