/**
 * Program-wide state of the Pulumi adapter: the default target and the registry for the checks across
 * components (unique object names, runtimes competing for a model format). A Pulumi program is one
 * Node.js process, so this state is module state; tests reset it with {@link KServeProgram.reset}.
 */
import { Registry, assertTargetProps } from "../index";
import type { TargetProps } from "../index";
import { resetInputs } from "./inputs";

let defaultTarget: TargetProps = {};
let registry = new Registry();

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
    defaultTarget = { ...target };
  }

  /** The program's default target (`{}` until set: the core's defaults apply). */
  public static getDefault(): TargetProps {
    return defaultTarget;
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
    return registry;
  }

  /**
   * Forgets the default target, the registry and the Input bookkeeping, as a new program would start.
   * For tests that create components in several independent "programs" in one process.
   */
  public static reset(): void {
    defaultTarget = {};
    registry = new Registry();
    resetInputs();
  }

  private constructor() {}
}
