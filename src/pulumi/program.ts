/**
 * Program-wide state of the Pulumi adapter: the default target and the registry for the checks across
 * components (unique object names, runtimes competing for a model format), kept per Pulumi program run
 * (see ./scope), so two programs in one process (the Automation API) never share it; tests reset it
 * with {@link KServeProgram.reset}.
 */
import { Registry, ValidationError, assertTargetProps, isError } from "../index";
import type { Issue, TargetProps } from "../index";
import { resetInputs } from "./inputs";
import { perProgram } from "./scope";

interface ProgramState {
  defaultTarget: TargetProps;
  readonly registry: Registry;
  /** The problems collected by {@link KServeProgram.collect} while it runs (`undefined`: not collecting). */
  collected: Issue[] | undefined;
}

const program = perProgram<ProgramState>(() => ({ defaultTarget: {}, registry: new Registry(), collected: undefined }));

/** The target platform of a Pulumi program. */
export class KServeTarget {
  /**
   * Sets the target every component of the program uses; a component's own `target` arg overrides it
   * field by field (as a chart's target overrides the app's in cdk8s). Call it before creating components.
   *
   * @example KServeTarget.setDefault({ kserveVersion: "0.15", openshiftAI: { version: "2.25" } });
   */
  public static setDefault(target: TargetProps): void {
    assertTargetProps(target, "KServeTarget.setDefault");
    program.get().defaultTarget = { ...target };
  }

  /** The program's default target (`{}` until set: the core's defaults apply). */
  public static getDefault(): TargetProps {
    return program.get().defaultTarget;
  }

  private constructor() {}
}

/** The program-wide state shared by the components. */
export class KServeProgram {
  /**
   * The registry every component records its objects and runtimes in, with real values: names must
   * be unique per kind and namespace, and runtimes must not auto-select the same format.
   */
  public static get registry(): Registry {
    return program.get().registry;
  }

  /**
   * Forgets the default target, the registry and the Input bookkeeping, as a new program would start.
   * For tests that create components in several independent "programs" in one process.
   */
  public static reset(): void {
    program.reset();
    resetInputs();
  }

  /**
   * Runs `program` (the code that creates the components; it may be async) and reports the problems of
   * all of its components together: a component with problems records them and creates no child
   * resources instead of throwing, the others are created as usual, and when `program` has returned (or
   * its promise has settled) one `ValidationError` lists every problem of every component. Returns what
   * `program` returns.
   *
   * What it cannot collect, by Pulumi's design: problems that depend on Output values are found once the
   * values are known, inside Pulumi's `apply`, and fail the resources concerned one by one (in `preview`
   * when the values are known then, else in `up`); an error thrown by other code stops the program at
   * once; and Pulumi is not transactional, so in `pulumi up` the valid components registered before the
   * error may be created (run `pulumi preview` first: it creates nothing). Nested calls report with the
   * outermost one.
   *
   * @example
   * export const urls = KServeProgram.collect(() => {
   *   const a = new InferenceService("a", { ... });
   *   const b = new InferenceService("b", { ... });
   *   return { a: a.url, b: b.url };
   * });
   */
  public static collect<T>(define: () => T): T {
    const state = program.get();
    if (state.collected !== undefined) return define();
    const issues: Issue[] = [];
    state.collected = issues;
    const finish = (): void => {
      if (state.collected === issues) state.collected = undefined;
      if (issues.some(isError)) throw new ValidationError(issues);
    };
    let result: T;
    try {
      result = define();
    } catch (error) {
      if (state.collected === issues) state.collected = undefined;
      if (error instanceof ValidationError) throw new ValidationError([...issues, ...error.issues]);
      throw error;
    }
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          finish();
          return value;
        },
        (error: unknown) => {
          if (state.collected === issues) state.collected = undefined;
          throw error instanceof ValidationError ? new ValidationError([...issues, ...error.issues]) : error;
        },
      ) as T;
    }
    finish();
    return result;
  }

  /**
   * Records a component's problems when {@link KServeProgram.collect} is running (true), else does
   * nothing (false: the component throws them itself).
   */
  public static record(issues: readonly Issue[]): boolean {
    const collected = program.get().collected;
    if (collected === undefined) return false;
    collected.push(...issues);
    return true;
  }

  private constructor() {}
}
