/**
 * Inference protocols: what each implies for the runtime's protocolVersions, health paths and the
 * OpenShift AI apiProtocol.
 */

/** Protocol versions KServe knows (`protocolVersions` on a runtime, `protocolVersion` on a model). */
export type KServeProtocol = "v1" | "v2" | "grpc-v1" | "grpc-v2";

/** Protocols an engine can speak: KServe's, plus the OpenAI-compatible HTTP API. */
export type EngineProtocol = KServeProtocol | "openai";

/** All engine protocols, in KServe's order (v1 < v2 < grpc-v1 < grpc-v2), then openai. */
export const ENGINE_PROTOCOLS: readonly EngineProtocol[] = ["v1", "v2", "grpc-v1", "grpc-v2", "openai"];

/** KServe's protocol order, used when it picks the lowest protocol of a runtime. */
export const KSERVE_PROTOCOL_ORDER: readonly KServeProtocol[] = ["v1", "v2", "grpc-v1", "grpc-v2"];

/** Health paths a protocol implies (`undefined` for gRPC: probed over TCP). */
export const PROTOCOL_PATHS: Readonly<Record<EngineProtocol, { readiness?: string; liveness?: string }>> = {
  v1: { readiness: "/v1/models/{{.Name}}", liveness: "/" },
  v2: { readiness: "/v2/health/ready", liveness: "/v2/health/live" },
  "grpc-v1": {},
  "grpc-v2": {},
  openai: { readiness: "/v1/models", liveness: "/v1/models" },
};

/** True for protocols served over gRPC. */
export function isGrpc(protocol: EngineProtocol): boolean {
  return protocol.startsWith("grpc-");
}

/** The KServe protocolVersions of an engine, in KServe's order (openai maps to none). */
export function kserveProtocols(protocols: readonly EngineProtocol[]): KServeProtocol[] {
  return KSERVE_PROTOCOL_ORDER.filter((p) => protocols.includes(p));
}

/** The health paths of the first HTTP protocol in the engine's list. */
export function impliedPaths(protocols: readonly EngineProtocol[]): { readiness?: string; liveness?: string } {
  const http = protocols.find((p) => !isGrpc(p));
  return http === undefined ? {} : PROTOCOL_PATHS[http];
}

/** OpenShift AI's `opendatahub.io/apiProtocol`: REST unless the engine speaks only gRPC. */
export function odhApiProtocol(protocols: readonly EngineProtocol[]): "REST" | "gRPC" {
  return protocols.every(isGrpc) ? "gRPC" : "REST";
}
