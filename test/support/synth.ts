/**
 * Test helpers: synthesize charts and apps, and catch validation errors.
 */
import { App, Chart, Testing } from "cdk8s";
import type { ChartProps } from "cdk8s";
import type { Manifest, TargetProps } from "kserve-constructs";
import { KServeTarget, ValidationError } from "kserve-constructs/cdk8s";

/** Builds a chart in a fresh app and returns its manifests (validation runs, like in a real synth). */
export function synthChart(define: (chart: Chart) => void, options: { target?: TargetProps; chart?: ChartProps } = {}): Manifest[] {
  const app = Testing.app();
  if (options.target) KServeTarget.set(app, options.target);
  const chart = new Chart(app, "test", { namespace: "models", ...options.chart });
  define(chart);
  return chart.toJson() as Manifest[];
}

/** Builds a whole app and returns every chart's manifests. */
export function synthApp(define: (app: App) => void): Manifest[] {
  const app = Testing.app();
  define(app);
  return app.charts.flatMap((c) => c.toJson() as Manifest[]);
}

/** The ValidationError a chart definition produces (fails the test when there is none). */
export function validationError(define: (chart: Chart) => void, options: { target?: TargetProps; chart?: ChartProps } = {}): ValidationError {
  try {
    synthChart(define, options);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError, but the chart synthesized");
}

/** The rules of the problems a chart definition produces. */
export function ruleIds(define: (chart: Chart) => void, options: { target?: TargetProps; chart?: ChartProps } = {}): string[] {
  return validationError(define, options).issues.map((i) => i.rule);
}

/** Finds one manifest by kind (and name). */
export function find(manifests: readonly Manifest[], kind: string, name?: string): Manifest {
  const found = manifests.find((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  if (found === undefined) throw new Error(`no ${kind}${name ? ` ${name}` : ""} among ${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(", ")}`);
  return found;
}
