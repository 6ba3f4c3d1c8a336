/**
 * Kubernetes and KServe naming rules.
 */
import type { IssueDraft } from "./errors";

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

/** Checks a DNS-1035 label (InferenceService names, Service names). */
export function checkDns1035(path: string, value: string, what: string, rule = "names/dns-1035"): IssueDraft[] {
  if (DNS1035_LABEL.test(value) && value.length <= MAX_LABEL) return [];
  const suggestion = toDns1035(value);
  return [
    {
      path,
      value,
      rule,
      message: `${what} must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter, ending with a letter or digit, at most ${MAX_LABEL} characters`,
      fix: suggestion !== value ? `use a name such as "${suggestion}"` : `shorten the name to at most ${MAX_LABEL} characters`,
    },
  ];
}

/** Checks a DNS-1123 subdomain (most object names). */
export function checkDns1123Subdomain(path: string, value: string, what: string): IssueDraft[] {
  if (DNS1123_SUBDOMAIN.test(value) && value.length <= 253) return [];
  const suggestion = value
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .replace(/[^a-z0-9]+$/, "");
  return [
    {
      path,
      value,
      rule: "names/dns-1123-subdomain",
      message: `${what} must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters`,
      fix: suggestion !== "" && suggestion !== value ? `use a name such as "${suggestion}"` : "use lowercase letters, digits and '-'",
    },
  ];
}

/** Checks a DNS-1123 label (namespaces). */
export function checkDns1123Label(path: string, value: string, what: string): IssueDraft[] {
  if (DNS1123_LABEL.test(value) && value.length <= MAX_LABEL) return [];
  return [
    {
      path,
      value,
      rule: "names/dns-1123-label",
      message: `${what} must be a DNS-1123 label: lowercase letters, digits and '-', at most ${MAX_LABEL} characters`,
      fix: "use lowercase letters, digits and '-', starting and ending with a letter or digit",
    },
  ];
}
