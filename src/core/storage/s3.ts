/**
 * S3 settings resolved from props (defaults only, nothing reported): the endpoint parsed into host and
 * scheme, and the KServe S3 annotations the storage writes. The rules on them are in `./rules.ts`.
 */
import { KSERVE } from "../keys";
import type { S3StorageProps } from "./props";

/** Parses an S3 endpoint into host[:port] and the scheme, or explains what is wrong with it. */
export function parseEndpoint(endpoint: string): { host: string; https?: boolean; problem?: string } {
  const m = /^(?:(https?):\/\/)?([^/\s?#]+)(.*)$/i.exec(endpoint.trim());
  if (m === null || (m[2] ?? "") === "") return { host: endpoint, problem: "is not a host name" };
  const scheme = m[1]?.toLowerCase();
  const rest = m[3] ?? "";
  const host = m[2] as string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) && scheme === undefined) return { host, problem: "has a scheme other than http or https" };
  if (rest !== "" && rest !== "/") return { host, ...(scheme ? { https: scheme === "https" } : {}), problem: `has a path (${rest}); KServe adds the bucket and key itself` };
  return { host, ...(scheme ? { https: scheme === "https" } : {}) };
}

/** The credential sources an S3 storage gives (exactly one is valid). */
export function s3CredentialModes(props: S3StorageProps): ("secretName" | "storageConfigKey" | "irsaRoleArn")[] {
  return (["secretName", "storageConfigKey", "irsaRoleArn"] as const).filter((k) => props.credentials[k] !== undefined);
}

/** The KServe S3 settings (annotations) of an S3 storage, in the order they are written. */
export function s3Settings(p: S3StorageProps): Record<string, string> {
  const settings: Record<string, string> = {};
  if (p.endpoint !== undefined) {
    const parsed = parseEndpoint(p.endpoint);
    settings[KSERVE.s3Endpoint] = parsed.host;
    const https = parsed.https ?? p.useHttps;
    if (https !== undefined) settings[KSERVE.s3UseHttps] = https ? "1" : "0";
  } else if (p.useHttps !== undefined) {
    settings[KSERVE.s3UseHttps] = p.useHttps ? "1" : "0";
  }
  if (p.verifySsl !== undefined) settings[KSERVE.s3VerifySsl] = p.verifySsl ? "1" : "0";
  if (p.caBundleConfigMap !== undefined) settings[KSERVE.s3CaBundleConfigMap] = p.caBundleConfigMap;
  if (p.region !== undefined) settings[KSERVE.s3Region] = p.region;
  if (p.virtualHostedBuckets !== undefined) settings[KSERVE.s3UseVirtualBucket] = p.virtualHostedBuckets ? "true" : "false";
  return settings;
}

/** Whether the S3 endpoint is reached over HTTPS (the default when nothing says otherwise). */
export function s3Https(p: S3StorageProps): boolean {
  return s3Settings(p)[KSERVE.s3UseHttps] !== "0";
}
