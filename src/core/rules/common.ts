/**
 * Rules of no single concept: Kubernetes object names (`names/*`), props that a JavaScript object cannot
 * hold (`props/reserved-key`), and what must be unique across an app (`app/unique-name`).
 */
import type { Issue, IssueDraft } from "../errors";
import { locate } from "../errors";
import type { Manifest } from "../k8s";
import type { Finding } from "./registry";
import { defineRule, runRules } from "./registry";
import { formatPath } from "../canonical";
import { DNS1035_LABEL, DNS1123_LABEL, DNS1123_SUBDOMAIN, MAX_LABEL, toDns1035 } from "../names";

/** A name to check, with its prop path and what it names (for the message). */
export interface NameSubject {
  /** The prop path of the name. */
  readonly path: string;
  /** The name. */
  readonly value: string;
  /** What it names, e.g. "a runtime name". */
  readonly what: string;
}

/** A DNS-1035 label (InferenceService and Service names). */
export const dns1035Rule = defineRule<NameSubject>({
  id: "names/dns-1035",
  severity: "error",
  on: "props",
  summary: "A name that must be a DNS-1035 label is one: lowercase letters, digits and '-', starting with a letter, ending with a letter or digit, at most 63 characters.",
  why: "Kubernetes refuses Service names (and KServe InferenceService names) that are not DNS-1035 labels.",
  fix: "use lowercase letters, digits and '-', starting with a letter",
  check: ({ path, value, what }) => {
    if (DNS1035_LABEL.test(value) && value.length <= MAX_LABEL) return [];
    const suggestion = toDns1035(value);
    return [
      {
        path,
        value,
        message: `${what} must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter, ending with a letter or digit, at most ${MAX_LABEL} characters`,
        fix: suggestion !== value ? `use a name such as "${suggestion}"` : `shorten the name to at most ${MAX_LABEL} characters`,
      },
    ];
  },
});

/** A DNS-1123 subdomain (most object names). */
export const dns1123SubdomainRule = defineRule<NameSubject>({
  id: "names/dns-1123-subdomain",
  severity: "error",
  on: "props",
  summary: "An object name is a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters.",
  why: "The API server refuses objects whose names are not DNS-1123 subdomains.",
  fix: "use lowercase letters, digits and '-'",
  check: ({ path, value, what }) => {
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
        message: `${what} must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters`,
        fix: suggestion !== "" && suggestion !== value ? `use a name such as "${suggestion}"` : "use lowercase letters, digits and '-'",
      },
    ];
  },
});

/** A DNS-1123 label (namespaces). */
export const dns1123LabelRule = defineRule<NameSubject>({
  id: "names/dns-1123-label",
  severity: "error",
  on: "props",
  summary: "A namespace name is a DNS-1123 label: lowercase letters, digits and '-', at most 63 characters.",
  why: "The API server refuses namespaces whose names are not DNS-1123 labels.",
  fix: "use lowercase letters, digits and '-', starting and ending with a letter or digit",
  check: ({ path, value, what }) => (DNS1123_LABEL.test(value) && value.length <= MAX_LABEL ? [] : [{ path, value, message: `${what} must be a DNS-1123 label: lowercase letters, digits and '-', at most ${MAX_LABEL} characters` }]),
});

/**
 * Checks a DNS-1035 label (InferenceService names, Service names).
 * @param rule - the rule id the problem is reported under (default `names/dns-1035`)
 */
export function checkDns1035(path: string, value: string, what: string, rule = "names/dns-1035"): IssueDraft[] {
  const drafts = runRules([dns1035Rule], { path, value, what });
  return rule === dns1035Rule.id ? drafts : drafts.map((d) => ({ ...d, rule }));
}

/** Checks a DNS-1123 subdomain (most object names). */
export function checkDns1123Subdomain(path: string, value: string, what: string): IssueDraft[] {
  return runRules([dns1123SubdomainRule], { path, value, what });
}

/** Checks a DNS-1123 label (namespaces). */
export function checkDns1123Label(path: string, value: string, what: string): IssueDraft[] {
  return runRules([dns1123LabelRule], { path, value, what });
}

/** The namespace of a manifest an app claims. */
export interface NamespaceSubject {
  /** The namespace. */
  readonly namespace: string;
}

/** A manifest's namespace is a DNS-1123 label. */
export const namespaceRule = defineRule<NamespaceSubject>({
  id: "names/namespace",
  severity: "error",
  on: "props",
  summary: "The namespace of every object a construct renders is a DNS-1123 label (at most 63 characters).",
  why: "The API server refuses objects in a namespace whose name is not a DNS-1123 label (such a namespace cannot exist).",
  fix: "use lowercase letters, digits and '-', at most 63 characters",
  check: ({ namespace }) =>
    DNS1123_LABEL.test(namespace) && namespace.length <= MAX_LABEL ? [] : [{ path: "namespace", value: namespace, message: "a namespace must be a DNS-1123 label: lowercase letters, digits and '-', at most 63 characters", fix: `use a namespace such as "${toDns1035(namespace)}"` }],
});

/** A manifest a construct claims, with the construct that already holds its kind, namespace and name (if any). */
export interface ClaimSubject {
  /** The manifest claimed. */
  readonly manifest: Manifest;
  /** The construct claiming it. */
  readonly where: string;
  /**
   * The construct that defined an object of the same group, kind, namespace and name first.
   * @default none
   */
  readonly owner?: string;
}

/** One object per group, kind, namespace and name in an app. */
export const uniqueNameRule = defineRule<ClaimSubject>({
  id: "app/unique-name",
  severity: "error",
  on: "props",
  summary: "No two constructs of an app render an object of the same group, kind, namespace and name.",
  why: "Both would be written under one name: the second overwrites the first when applied, so one construct silently does nothing.",
  fix: "give one of them another name",
  check: ({ manifest: m, where, owner }) =>
    owner !== undefined && owner !== where
      ? [{ path: "metadata.name", value: m.metadata.name, message: `${m.kind} "${m.metadata.name}"${m.metadata.namespace ? ` in namespace ${m.metadata.namespace}` : ""} is also defined by ${owner}; one would overwrite the other` }]
      : [],
});

/** An error another construct of the same app reported through its framework's own validation (cdk8s `node.addValidation`). */
export interface ForeignValidationSubject {
  /** The message the construct's validation gave (or the message of what it threw). */
  readonly message: string;
}

/** The other constructs of an app validate too: their errors are listed with the library's. */
export const foreignValidationRule = defineRule<ForeignValidationSubject>({
  id: "app/construct-validation",
  severity: "error",
  on: "props",
  summary: "Constructs of the app that are not the library's (cdk8s-plus objects, your own constructs) pass their own validation.",
  why: "cdk8s refuses to synthesize an app any of whose constructs reports a validation error; listing those errors beside the library's problems shows everything to fix in one run.",
  fix: "fix what the construct's own message says",
  check: ({ message }) => [{ path: "", value: undefined, message, fix: "fix what the construct's validation reports (see its documentation)" }],
});

/** The issues of an error another construct's validation reported (rule `app/construct-validation`). */
export function checkForeignValidation(where: string, message: string): Issue[] {
  return locate(where, runRules([foreignValidationRule], { message }));
}

/** Props given to a construct, and the prop path they sit at. */
export interface PropsInputSubject {
  /** The props as given. */
  readonly input: unknown;
  /** The prop path of the props (empty at the top). */
  readonly basePath: string;
}

/** Handles the library made itself from props it has checked already (see {@link checkedHandle}). */
const checkedHandles = new WeakSet<object>();

/**
 * Marks `handle`, an object the library builds from props whose keys it has checked already (such as the
 * `{ runtime }` a ModelFleet gives each of its InferenceServices), so the `props/reserved-key` check of a
 * build it is passed to does not walk it again (a runtime handle holds the whole rendered runtime).
 */
export function checkedHandle<T extends object>(handle: T): T {
  checkedHandles.add(handle);
  return handle;
}

/** `__proto__` cannot be a key of props. */
export const reservedKeyRule = defineRule<PropsInputSubject>({
  id: "props/reserved-key",
  severity: "error",
  on: "props",
  summary: "No plain object of the props has an own `__proto__` key (as JSON.parse or a computed key make them).",
  why: "A JavaScript object cannot hold an entry named __proto__ (assigning it replaces the object's prototype), so the entry would be silently lost.",
  fix: "use another name",
  check: ({ input, basePath }) => {
    const found: Finding[] = [];
    // the path to the value being visited (one stack for the whole walk: a path is formatted only for a finding)
    const segments: (string | number)[] = [];
    const visit = (value: unknown, depth: number): void => {
      if (depth > 32 || value === null || typeof value !== "object" || found.length >= 10 || checkedHandles.has(value)) return;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          segments.push(i);
          visit(value[i], depth + 1);
          segments.pop();
        }
        return;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return; // constructs and handles are not props data
      for (const key of Object.keys(value)) {
        segments.push(key);
        if (key === "__proto__") {
          const relative = formatPath(segments);
          found.push({
            path: basePath === "" ? relative : relative.startsWith("[") ? `${basePath}${relative}` : `${basePath}.${relative}`,
            value: key,
            message: '"__proto__" cannot be used as a name: a JavaScript object treats it as its prototype, so the entry would be lost',
          });
        } else {
          visit((value as Record<string, unknown>)[key], depth + 1);
        }
        segments.pop();
      }
    };
    visit(input, 0);
    return found;
  },
});
