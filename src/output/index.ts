/**
 * The output step of a synth, with no dependency on cdk8s: it only ever replaces a folder it wrote
 * (marker file), one synth at a time (lock file), and crash-consistently (journal and recovery).
 */
export { OutputError, messageOf } from "./errors";
export type { OutputErrorReason } from "./errors";
export { nodeFs, walk } from "./fs";
export type { EntryKind, OutputFs } from "./fs";
export { acquireLock, processAlive } from "./lock";
export type { HeldLock, LockOptions } from "./lock";
export { GITIGNORE_PATTERN, MARKER_FILE, MARKER_TEXT, outputPaths } from "./paths";
export type { OutputPaths } from "./paths";
export { checkOutputTarget, gitTopLevel } from "./safety";
export type { SafetyContext } from "./safety";
export { markOutputFolder, prepareOutput, recoverOutput, recoverySummary, writeOutput } from "./swap";
export type { OutputOptions, RecoveryReport, WriteOutputResult } from "./swap";
