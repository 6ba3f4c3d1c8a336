/**
 * The target platform for a cdk8s app or chart: set once, read by every construct below.
 */
import type { IConstruct } from "constructs";
import { assertTargetProps, mergeTargetProps } from "../index";
import type { TargetProps } from "../index";

const targets = new WeakMap<IConstruct, TargetProps>();

/** Sets and reads the target platform of a scope (an App, a Chart or any construct). */
export class KServeTarget {
  /**
   * Sets the target of `scope` and everything defined below it. A nested scope's target overrides its
   * parents' field by field; a construct's own `target` prop overrides both.
   *
   * @example KServeTarget.set(app, { kserveVersion: "0.15", openshiftAI: { version: "2.25" } });
   */
  public static set(scope: IConstruct, target: TargetProps): void {
    assertTargetProps(target, scope.node.path === "" ? "KServeTarget.set(app)" : `KServeTarget.set(${scope.node.path})`);
    targets.set(scope, { ...target });
  }

  /** The target in effect at `scope` (merged from the root down). */
  public static of(scope: IConstruct): TargetProps {
    return mergeTargetProps(...scope.node.scopes.map((s) => targets.get(s)));
  }

  private constructor() {}
}
