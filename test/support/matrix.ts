/**
 * The conformance matrix: a case (an example chart, a fixture chart) synthesized for one supported
 * target, and what came of it: manifests with their conformance problems against that target's CRD
 * set, or the library's refusal.
 */
import { Testing } from "cdk8s";
import type { App } from "cdk8s";
import type { Issue, Manifest, TargetProps } from "kserve-constructs";
import { KServeTarget, ValidationError } from "kserve-constructs/cdk8s";
import type { ConformanceProblem, MatrixTarget } from "./conformance";
import { crdSetFor, validateAll } from "./conformance";

/** A case of the matrix. */
export interface MatrixCase {
  readonly id: string;
  /** Defines the case's charts in `app`; `target` replaces the charts' own platform fields. */
  readonly define: (app: App, target?: TargetProps) => void;
}

/** What one case gave on one target. */
export type MatrixOutcome =
  | { readonly kind: "synthesized"; readonly manifests: readonly Manifest[]; readonly problems: readonly ConformanceProblem[] }
  | { readonly kind: "refused"; readonly issues: readonly Issue[] };

/** Synthesizes `c` for `target` and validates the output strictly against the target's CRD set. */
export function runCase(c: MatrixCase, target: MatrixTarget): MatrixOutcome {
  const app = Testing.app();
  KServeTarget.set(app, target.props);
  let manifests: Manifest[];
  try {
    c.define(app, target.props);
    manifests = app.charts.flatMap((chart) => chart.toJson() as Manifest[]);
  } catch (error) {
    if (error instanceof ValidationError) return { kind: "refused", issues: error.issues };
    throw error;
  }
  return { kind: "synthesized", manifests, problems: validateAll(manifests, crdSetFor(target.props).folders) };
}
