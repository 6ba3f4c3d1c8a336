/**
 * Readiness: the status condition that says a served model is up, and the settings of a deployment tool
 * that waits for it (the Pulumi components wait in `pulumi up`; cdk8s output carries nothing of it).
 */
import type { IssueDraft } from "./errors";
import { defineRule, runRules } from "./rules/registry";
import type { Finding } from "./rules/registry";

/** The status condition that is `True` once an object of each kind serves (KServe sets `Ready`). */
export const READY_CONDITIONS: Readonly<Record<string, string>> = {
  InferenceService: "Ready",
  LLMInferenceService: "Ready",
};

/** How long a deployment waits for readiness unless told otherwise, in seconds (10 minutes). */
export const DEFAULT_READY_TIMEOUT_SECONDS = 600;

/** Whether and how long a deployment waits until the served objects are ready. */
export interface ReadinessProps {
  /**
   * Wait until each InferenceService or LLMInferenceService reports its `Ready` condition before the
   * deployment goes on (and fail it when the timeout passes first).
   * @default true
   */
  readonly waitForReady?: boolean;
  /**
   * How long to wait for readiness, in seconds (a whole number, at least 1). Large models take long to
   * download and load: give them time.
   * @default 600
   */
  readonly readyTimeoutSeconds?: number;
}

const readinessRule = defineRule<{ readonly props: ReadinessProps }>({
  id: "readiness/settings",
  severity: "error",
  summary: "waitForReady is a boolean and readyTimeoutSeconds a whole number of seconds, given only when waiting",
  why: "the timeout is written as an integer annotation the deployment tool parses; a timeout without waiting would be silently ignored",
  fix: "give waitForReady true or false, and readyTimeoutSeconds a whole number of seconds (at least 1) only when waiting",
  on: "props",
  check: ({ props }) => {
    const findings: Finding[] = [];
    const { waitForReady, readyTimeoutSeconds } = props as { waitForReady?: unknown; readyTimeoutSeconds?: unknown };
    if (waitForReady !== undefined && typeof waitForReady !== "boolean") {
      findings.push({ path: "waitForReady", value: waitForReady, message: "waitForReady is true or false", fix: "use true or false" });
    }
    if (readyTimeoutSeconds !== undefined) {
      if (typeof readyTimeoutSeconds !== "number" || !Number.isSafeInteger(readyTimeoutSeconds) || readyTimeoutSeconds < 1) {
        findings.push({ path: "readyTimeoutSeconds", value: readyTimeoutSeconds, message: "readyTimeoutSeconds is a whole number of seconds, at least 1", fix: `give a whole number such as ${DEFAULT_READY_TIMEOUT_SECONDS}` });
      } else if (waitForReady === false) {
        findings.push({ path: "readyTimeoutSeconds", value: readyTimeoutSeconds, message: "readyTimeoutSeconds has no effect with waitForReady: false", fix: "remove readyTimeoutSeconds, or wait for readiness" });
      }
    }
    return findings;
  },
});

/** Problems with readiness settings. */
export function checkReadiness(props: ReadinessProps): IssueDraft[] {
  return runRules([readinessRule], { props });
}

/**
 * The condition to wait for on `kind` and the timeout, under `props`; `undefined` when the kind has no
 * readiness condition or waiting is off.
 */
export function readinessOf(kind: string, props: ReadinessProps): { readonly condition: string; readonly timeoutSeconds: number } | undefined {
  const condition = READY_CONDITIONS[kind];
  if (condition === undefined || props.waitForReady === false) return undefined;
  return { condition, timeoutSeconds: props.readyTimeoutSeconds ?? DEFAULT_READY_TIMEOUT_SECONDS };
}
