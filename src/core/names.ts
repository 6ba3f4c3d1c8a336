/**
 * Kubernetes and KServe naming rules: the patterns, limits and name sanitising (the rules that report
 * names are in `./rules/common.ts`).
 */

/** DNS-1035 label: lowercase alphanumerics and '-', starting with a letter, ending alphanumeric, at most 63. */
export const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** DNS-1123 label: like DNS-1035 but may start with a digit. */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** DNS-1123 subdomain: dot-separated DNS-1123 labels, at most 253 characters. */
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Environment variable names that a shell and most servers accept (Kubernetes' C identifier rule). */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Label value: empty or up to 63 alphanumerics, '-', '_', '.', beginning and ending alphanumeric. */
export const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** The longest DNS label. */
export const MAX_LABEL = 63;

/** Turns an arbitrary string into the closest DNS-1035 label (used for suggestions and fleet names). */
export function toDns1035(raw: string): string {
  let name = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^[^a-z]+/, "")
    .replace(/-+$/, "");
  if (name.length > MAX_LABEL) name = name.slice(0, MAX_LABEL).replace(/-+$/, "");
  return name === "" ? "x" : name;
}
