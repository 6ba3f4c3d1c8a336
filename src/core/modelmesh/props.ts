/**
 * The `multiModel` block of an InferenceEngine: what turns an engine into a ModelMesh (multi-model)
 * runtime. Models then share the runtime's pods, and ModelMesh loads and unloads them on demand.
 */
import type { EnvValue } from "../pod/env";
import type { ResourcesProps } from "../pod/resources";
import type { BuiltInServerType } from "./constants";

/** ModelMesh's built-in adapter for a known model server (injected as the `<serverType>-adapter` sidecar). */
export interface BuiltInAdapterProps {
  /** The model server: `triton`, `mlserver`, `ovms` or `torchserve`. The server container takes this name. */
  readonly serverType: BuiltInServerType;
  /**
   * The port the adapter manages the server on.
   * @default the engine's port
   */
  readonly runtimeManagementPort?: number;
  /**
   * Memory the adapter keeps free for the server, in bytes.
   * @default 134217728 (128 MiB, as the upstream runtimes)
   */
  readonly memBufferBytes?: number;
  /**
   * How long a model may take to load, in milliseconds.
   * @default 90000 (as the upstream runtimes)
   */
  readonly modelLoadingTimeoutMillis?: number;
  /**
   * Environment of the adapter sidecar.
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvValue>>;
}

/** A custom adapter: a container that implements ModelMesh's model-runtime gRPC SPI in front of the server. */
export interface AdapterContainerProps {
  /** The container (name and image; command, args, env and resources optional). */
  readonly container: {
    /** Container name (not `mm`, `rest-proxy`, `puller`, nor starting with `mm-`). */
    readonly name: string;
    /** Image of the adapter. */
    readonly image: string;
    /**
     * Command.
     * @default the image's entrypoint
     */
    readonly command?: readonly string[];
    /**
     * Arguments.
     * @default none
     */
    readonly args?: readonly string[];
    /**
     * Environment.
     * @default none
     */
    readonly env?: Readonly<Record<string, EnvValue>>;
    /**
     * Resources (ModelMesh sizes its models volume from the containers' memory limits).
     * @default none
     */
    readonly resources?: ResourcesProps;
  };
}

/** Autoscaling of a multi-model runtime's pods (ModelMesh creates an HPA from runtime annotations). */
export interface MultiModelScalingProps {
  /**
   * Fewest pods.
   * @default 1
   */
  readonly min?: number;
  /**
   * Most pods (at least `min`).
   * @default min
   */
  readonly max?: number;
  /**
   * Resource to scale on.
   * @default "cpu"
   */
  readonly metric?: "cpu" | "memory";
  /**
   * Target utilization of the metric, in percent (`target`, as in an InferenceService's `scaling`).
   * @default 80 (KServe's default CPU utilization)
   */
  readonly target?: number;
}

/** What makes an engine a ModelMesh multi-model runtime. */
export interface MultiModelProps {
  /**
   * How ModelMesh manages the server: a built-in adapter (`{ serverType }`), a custom adapter container
   * (`{ container }`), or none when the server implements ModelMesh's model-runtime SPI itself.
   * @default none (the server implements the SPI on grpcEndpoint)
   */
  readonly adapter?: BuiltInAdapterProps | AdapterContainerProps;
  /**
   * Name of the server container.
   * @default the built-in adapter's serverType, else "server"
   */
  readonly containerName?: string;
  /**
   * Model-management endpoint, `port:N` or `unix:/path` (`port:N` with a built-in adapter).
   * @default "port:8085" (the built-in adapter's port)
   */
  readonly grpcEndpoint?: string;
  /**
   * Inference endpoint of the server, `port:N` or `unix:/path`.
   * @default "port:<the engine's port>"
   */
  readonly grpcDataEndpoint?: string;
  /**
   * HTTP inference endpoint of the server, `port:N` or `unix:/path`.
   * @default none
   */
  readonly httpDataEndpoint?: string;
  /**
   * Pods of this runtime (overrides ModelMesh's `podsPerRuntime`).
   * @default ModelMesh's podsPerRuntime (2 in the upstream model-serving-config)
   */
  readonly replicas?: number;
  /**
   * Scale the runtime's pods with an HPA instead of a fixed count.
   * @default no HPA
   */
  readonly scaling?: MultiModelScalingProps;
  /**
   * Let ModelMesh's puller download models from the storage-config entries (storageHelper).
   * @default true
   */
  readonly storageHelper?: boolean;
  /**
   * OpenShift AI 2.x: create a Route to the ModelMesh REST proxy for this runtime (annotation `enable-route`).
   * @default false
   */
  readonly route?: boolean;
  /**
   * OpenShift AI 2.x: require a bearer token on that Route (annotation `enable-auth`).
   * @default false
   */
  readonly auth?: boolean;
}
