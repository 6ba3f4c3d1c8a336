/**
 * Secure container defaults: no privilege escalation, all capabilities dropped, the runtime's default
 * seccomp profile, and a non-root user unless the engine's image needs root.
 */
import type { SecurityContext } from "../k8s";

/** Security settings of an engine's container. */
export interface SecurityProps {
  /**
   * Require a non-root user. Set to `false` only for images that must run as root on clusters that
   * do not assign a user (OpenShift assigns one).
   * @default true
   */
  readonly runAsNonRoot?: boolean;
  /**
   * Run as this user id.
   * @default the image's user (OpenShift: a user from the namespace's range)
   */
  readonly runAsUser?: number;
  /**
   * Mount the root filesystem read-only. Most servers write caches, so give them emptyDir volumes first.
   * @default false
   */
  readonly readOnlyRootFilesystem?: boolean;
}

/** Renders the container security context. */
export function renderSecurityContext(props: SecurityProps | undefined): SecurityContext {
  const runAsNonRoot = props?.runAsNonRoot ?? true;
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ["ALL"] },
    ...(props?.readOnlyRootFilesystem !== undefined ? { readOnlyRootFilesystem: props.readOnlyRootFilesystem } : {}),
    ...(runAsNonRoot ? { runAsNonRoot: true } : {}),
    ...(props?.runAsUser !== undefined ? { runAsUser: props.runAsUser } : {}),
    seccompProfile: { type: "RuntimeDefault" },
  };
}
