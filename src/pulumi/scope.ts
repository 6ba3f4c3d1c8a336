/**
 * State of one Pulumi program run. Pulumi keeps each run's settings in a store of its own (the Automation
 * API runs every inline program in a fresh one, so several stacks can run in one process, one after the
 * other or at once); the adapter keys its own state (default target, registry, Input bookkeeping) by
 * that store, so two programs in one process never share it, and a finished program's state goes with
 * its store. Outside any program (a plain script, tests with mocks) the process-wide store is the key.
 */

/** Pulumi's runtime store of the running program (an object per run), from its runtime state module. */
interface RuntimeState {
  readonly getStore?: () => unknown;
}

let runtimeState: RuntimeState | undefined;

/** The key of the running program: Pulumi's store for it, or one process-wide object. */
function programKey(): object {
  if (runtimeState === undefined) {
    try {
      runtimeState = require("@pulumi/pulumi/runtime/state") as RuntimeState;
    } catch {
      runtimeState = {};
    }
  }
  const store = runtimeState.getStore?.();
  return typeof store === "object" && store !== null ? store : PROCESS;
}

const PROCESS: object = {};

/** A value made once per Pulumi program run (see the module's comment). */
export interface ProgramScoped<T> {
  /** The running program's value (made on first use). */
  get(): T;
  /** Forgets the running program's value (the next `get` makes a fresh one). */
  reset(): void;
}

/** A value made once per Pulumi program run with `make`. */
export function perProgram<T>(make: () => T): ProgramScoped<T> {
  const byProgram = new WeakMap<object, T>();
  return {
    get(): T {
      const key = programKey();
      let value = byProgram.get(key);
      if (value === undefined) {
        value = make();
        byProgram.set(key, value);
      }
      return value;
    },
    reset(): void {
      byProgram.delete(programKey());
    },
  };
}
