/**
 * The resolved `multiModel` block: defaults applied here, in one place.
 */
import type { EnvValue } from "../pod/env";
import type { AdapterContainerProps, MultiModelProps } from "./props";
import type { BuiltInServerType } from "./constants";
import { ADAPTER_DEFAULTS, DEFAULT_GRPC_ENDPOINT } from "./constants";

/** A multi-model runtime with defaults applied. */
export interface MultiModelSpec {
  readonly containerName: string;
  readonly builtInAdapter?: {
    readonly serverType: BuiltInServerType;
    readonly runtimeManagementPort: number;
    readonly memBufferBytes: number;
    readonly modelLoadingTimeoutMillis: number;
    readonly env: Readonly<Record<string, EnvValue>>;
  };
  readonly adapterContainer?: AdapterContainerProps["container"];
  readonly grpcEndpoint: string;
  readonly grpcDataEndpoint: string;
  readonly httpDataEndpoint?: string;
  readonly replicas?: number;
  readonly scaling?: { readonly min: number; readonly max: number; readonly metric: "cpu" | "memory"; readonly target: number };
  readonly storageHelper: boolean;
  readonly route: boolean;
  readonly auth: boolean;
}

/** Applies the defaults of a `multiModel` block; `port` is the engine's port. */
export function resolveMultiModel(props: MultiModelProps, port: number): MultiModelSpec {
  const adapter = props.adapter;
  const builtIn = adapter !== undefined && "serverType" in adapter ? adapter : undefined;
  const custom = adapter !== undefined && "container" in adapter ? adapter.container : undefined;
  const a = props.scaling;
  return {
    containerName: props.containerName ?? builtIn?.serverType ?? "server",
    ...(builtIn !== undefined
      ? {
          builtInAdapter: {
            serverType: builtIn.serverType,
            runtimeManagementPort: builtIn.runtimeManagementPort ?? port,
            memBufferBytes: builtIn.memBufferBytes ?? ADAPTER_DEFAULTS.memBufferBytes,
            modelLoadingTimeoutMillis: builtIn.modelLoadingTimeoutMillis ?? ADAPTER_DEFAULTS.modelLoadingTimeoutMillis,
            env: builtIn.env ?? {},
          },
        }
      : {}),
    ...(custom !== undefined ? { adapterContainer: custom } : {}),
    grpcEndpoint: props.grpcEndpoint ?? DEFAULT_GRPC_ENDPOINT,
    grpcDataEndpoint: props.grpcDataEndpoint ?? `port:${port}`,
    ...(props.httpDataEndpoint !== undefined ? { httpDataEndpoint: props.httpDataEndpoint } : {}),
    ...(props.replicas !== undefined ? { replicas: props.replicas } : {}),
    ...(a !== undefined ? { scaling: { min: a.min ?? 1, max: a.max ?? a.min ?? 1, metric: a.metric ?? "cpu", target: a.target ?? 80 } } : {}),
    storageHelper: props.storageHelper ?? true,
    route: props.route ?? false,
    auth: props.auth ?? false,
  };
}
