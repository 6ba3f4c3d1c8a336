/**
 * GitOps settings of a cdk8s app or chart: set once, read when the constructs below emit their objects.
 */
import type { IConstruct } from "constructs";
import { assertSyncWaves } from "../index";
import type { SyncWaves } from "../index";

/** GitOps settings of a scope. */
export interface GitOpsProps {
  /**
   * Argo CD sync waves per kind (`argocd.argoproj.io/sync-wave`): `true` for the defaults
   * ({@link DEFAULT_SYNC_WAVES}: the namespace at -2; ServiceAccounts, Secret overlays, ConfigMaps, RBAC,
   * hardware profiles and runtimes at -1; claims, Jobs and the services at 0), or `{ Kind: wave }` to
   * override some of them. Objects of other kinds, and objects that set the annotation themselves, are
   * left as they are.
   * @default no sync-wave annotations
   */
  readonly syncWaves?: SyncWaves;
}

const settings = new WeakMap<IConstruct, GitOpsProps>();

/** Sets and reads the GitOps settings of a scope (an App, a Chart or any construct). cdk8s only: Pulumi orders objects by their dependencies. */
export class GitOps {
  /**
   * Sets the GitOps settings of `scope` and everything defined below it (before the constructs are
   * created; a nested scope's settings override its parents').
   *
   * @example GitOps.set(app, { syncWaves: true });
   */
  public static set(scope: IConstruct, props: GitOpsProps): void {
    const where = scope.node.path === "" ? "GitOps.set(app)" : `GitOps.set(${scope.node.path})`;
    if (props.syncWaves !== undefined) assertSyncWaves(props.syncWaves, where);
    settings.set(scope, { ...props });
  }

  /** The settings in effect at `scope` (the nearest scope's settings win). */
  public static of(scope: IConstruct): GitOpsProps {
    return scope.node.scopes.reduce<GitOpsProps>((merged, s) => ({ ...merged, ...settings.get(s) }), {});
  }

  private constructor() {}
}
