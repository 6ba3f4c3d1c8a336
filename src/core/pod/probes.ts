/**
 * Health probes: settings as props, rendered as Kubernetes probes.
 */
import type { Probe } from "../k8s";

/** Probe settings (Kubernetes probe semantics). Unset fields take the defaults documented per probe. */
export interface ProbeSettings {
  /**
   * HTTP path to GET. Placeholders such as `{{model_name}}` are substituted.
   * @default the path the engine's protocol implies
   */
  readonly path?: string;
  /**
   * Port to probe.
   * @default the engine's container port
   */
  readonly port?: number;
  /**
   * Seconds after start before the first probe.
   * @default 0 (Kubernetes' default)
   */
  readonly initialDelaySeconds?: number;
  /**
   * Seconds before a probe attempt times out.
   * @default 5
   */
  readonly timeoutSeconds?: number;
  /**
   * Seconds between probes.
   * @default 10
   */
  readonly periodSeconds?: number;
  /**
   * Consecutive successes to count as healthy (must be 1 for liveness and startup).
   * @default 1
   */
  readonly successThreshold?: number;
  /**
   * Consecutive failures to count as unhealthy.
   * @default 3 for readiness and liveness, 60 for startup (10 minutes at the default period)
   */
  readonly failureThreshold?: number;
}

/** The defaults applied per kind of probe. */
export const PROBE_DEFAULTS = {
  readiness: { timeoutSeconds: 5, periodSeconds: 10, failureThreshold: 3 },
  liveness: { timeoutSeconds: 5, periodSeconds: 10, failureThreshold: 3 },
  startup: { timeoutSeconds: 5, periodSeconds: 10, failureThreshold: 60 },
} as const;

/** Renders a probe: HTTP when a path is known, TCP otherwise. */
export function renderProbe(kind: keyof typeof PROBE_DEFAULTS, settings: ProbeSettings, path: string | undefined, port: number): Probe {
  const defaults = PROBE_DEFAULTS[kind];
  const probePort = settings.port ?? port;
  const probe: Probe = path !== undefined ? { httpGet: { path, port: probePort } } : { tcpSocket: { port: probePort } };
  if (settings.initialDelaySeconds !== undefined) probe.initialDelaySeconds = settings.initialDelaySeconds;
  probe.timeoutSeconds = settings.timeoutSeconds ?? defaults.timeoutSeconds;
  probe.periodSeconds = settings.periodSeconds ?? defaults.periodSeconds;
  if (settings.successThreshold !== undefined) probe.successThreshold = settings.successThreshold;
  probe.failureThreshold = settings.failureThreshold ?? defaults.failureThreshold;
  return probe;
}
