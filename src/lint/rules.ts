/**
 * Rules that only `lint` runs: they judge whether the input is complete (a referenced runtime,
 * ServiceAccount, PVC, Secret or hardware profile is missing) and whether its objects collide. At synth time the
 * library writes every object it references (or is told that it exists), so these rules return nothing
 * unless the subject carries `lint` assumptions.
 *
 * Also declared here: the rules of the lint command itself (`lint/parse`, `lint/schema`,
 * `lint/api-version`), which the lint engine applies before the manifest rules.
 */
import type { Manifest } from "../core/k8s";
import type { Finding, ManifestSubject } from "../core/rules/registry";
import { defineManifestRule, defineRule } from "../core/rules/registry";
import { appIndex, namespaceOf } from "../core/rules/app-index";
import { getIn, isRecord } from "../core/canonical";
import { KSERVE, ODH } from "../core/keys";
import { compareQuantities, isQuantity } from "../core/quantity";
import { candidacy, runtimeCandidates, runtimeRequest, selectRuntime } from "../core/runtime/select";
import type { RuntimeCandidate } from "../core/runtime/select";
import type { Target } from "../core/target/resolve";
import { BUILTIN_RUNTIMES, builtinRuntimes } from "./builtin-runtimes";
import { formatVersion } from "../core/target/version";

/** Every document must be a Kubernetes object (YAML syntax, apiVersion, kind, metadata.name). */
export const parseRule = defineRule<never>({
  id: "lint/parse",
  severity: "error",
  summary: "every document is valid YAML or JSON and a Kubernetes object (apiVersion, kind, metadata.name)",
  why: "kubectl, Argo CD and Flux refuse the whole file when one document cannot be read",
  fix: "fix the document's syntax, or give it apiVersion, kind and metadata.name",
  on: "manifest",
  check: () => [],
});

/** Objects of the kinds lint ships schemas for validate strictly (unknown fields are errors). */
export const schemaRule = defineRule<never>({
  id: "lint/schema",
  severity: "error",
  summary: "custom resources validate strictly against the target's CRDs, and the core kinds lint reads (Secret, ConfigMap, ServiceAccount, PersistentVolumeClaim, Service, Namespace) against the Kubernetes API (unknown fields are errors)",
  why: "the API server rejects a field of the wrong type, and prunes or (with --validate=strict) rejects an unknown one: a misspelt field silently does nothing",
  fix: "use the field names and types of the target's CRD",
  on: "manifest",
  check: () => [],
});

/** The apiVersion of a known kind must be served by the target. */
export const apiVersionRule = defineRule<never>({
  id: "lint/api-version",
  severity: "error",
  summary: "the apiVersion of a known kind is one the target's CRDs serve",
  why: "the API server has no such resource: the apply fails (for example serving.kserve.io/v1alpha1 InferenceService, or HardwareProfile v1 on OpenShift AI 2.x)",
  fix: "use an apiVersion the target serves",
  on: "manifest",
  check: () => [],
});

function id(m: Manifest): string {
  const ns = namespaceOf(m);
  return ns === "" ? `${m.kind}/${m.metadata.name}` : `${m.kind}/${ns}/${m.metadata.name}`;
}

function group(m: Manifest): string {
  const slash = m.apiVersion.indexOf("/");
  return slash < 0 ? "" : m.apiVersion.slice(0, slash);
}

/** Two objects with the same group, kind, namespace and name: the later one replaces the earlier one. */
export const duplicateObjectRule = defineManifestRule({
  id: "lint/duplicate-object",
  severity: "error",
  summary: "no two objects of the input have the same kind, namespace and name",
  why: "applied together, the later object silently replaces the earlier one (kustomize refuses the input, Argo CD reports a shared resource)",
  fix: "rename one of them, or remove the copy",
  on: "app",
  check: ({ manifest, app, lint }) => {
    if (lint === undefined) return [];
    const same = appIndex(app)
      .find(manifest.kind, namespaceOf(manifest), manifest.metadata.name)
      .filter((m) => group(m) === group(manifest));
    if (same.length < 2 || same[0] === manifest) return [];
    return [{ path: "metadata.name", value: manifest.metadata.name, message: `${id(manifest)} is defined ${same.length} times in the input; when applied, the last one replaces the others` }];
  },
});

/** For a name that other KServe releases install as a ClusterServingRuntime: which releases, in a parenthesis. */
function builtInElsewhere(name: string, target: Target): string {
  // consecutive sets that have the name form one range of releases
  const ranges: { since: string; until?: string }[] = [];
  let open = false;
  for (const set of BUILTIN_RUNTIMES) {
    const has = set.runtimes.some((r) => r.name === name);
    const last = ranges[ranges.length - 1];
    if (has && open && last !== undefined) ranges[ranges.length - 1] = { since: last.since, ...(set.until !== undefined ? { until: set.until } : {}) };
    else if (has) ranges.push({ since: set.since, ...(set.until !== undefined ? { until: set.until } : {}) });
    open = has;
  }
  if (ranges.length === 0) return "";
  const text = ranges.map((r) => (r.until === undefined ? `${r.since} and later` : r.until === r.since ? r.since : `${r.since} to ${r.until}`)).join(", ");
  return ` (KServe ${text} install${ranges.length === 1 && ranges[0]?.until === ranges[0]?.since ? "s" : ""} a ClusterServingRuntime of that name; the target is KServe ${formatVersion(target.kserve)})`;
}

/** The ServingRuntime an InferenceService names must exist (in the input, or declared with --assume-runtime). */
export const runtimeMissingRule = defineManifestRule({
  id: "lint/runtime-missing",
  severity: "error",
  summary: "the runtime an InferenceService names exists as a ServingRuntime in its namespace or a ClusterServingRuntime (of the input, or one the target's KServe release installs)",
  why: 'KServe cannot reconcile the InferenceService: its status reports "specified runtime ... does not exist" and no pod starts; the built-in ClusterServingRuntimes differ between KServe releases, and OpenShift AI installs none',
  fix: "add the ServingRuntime to the input, or declare it with --assume-runtime NAME if it is installed on the cluster",
  on: "app",
  kinds: ["InferenceService"],
  reads: ["runtime"],
  check: ({ manifest, app, target, lint }) => {
    if (lint === undefined || manifest.kind !== "InferenceService") return [];
    const runtime = getIn(manifest, ["spec", "predictor", "model", "runtime"]);
    if (typeof runtime !== "string" || lint.runtimes.has(runtime)) return [];
    const index = appIndex(app);
    if (index.find("ServingRuntime", namespaceOf(manifest), runtime).length > 0 || index.find("ClusterServingRuntime", "", runtime).length > 0) return [];
    if (builtinRuntimes(target).some((r) => r.name === runtime)) return [];
    const elsewhere = index.ofKind("ServingRuntime").filter((r) => r.metadata.name === runtime).map(namespaceOf);
    const otherReleases = target.openshiftAI !== undefined ? (BUILTIN_RUNTIMES.some((set) => set.runtimes.some((r) => r.name === runtime)) ? " (upstream KServe installs a ClusterServingRuntime of that name; OpenShift AI installs none)" : "") : builtInElsewhere(runtime, target);
    return [
      {
        path: "spec.predictor.model.runtime",
        value: runtime,
        message: `no ServingRuntime "${runtime}" in namespace ${namespaceOf(manifest) || "(none)"} and no ClusterServingRuntime "${runtime}" in the input${elsewhere.length > 0 ? ` (a ServingRuntime of that name is in ${elsewhere.map((n) => n || "(no namespace)").join(", ")}; runtimes serve only their own namespace)` : ""}${otherReleases}`,
      },
    ];
  },
});

/** A ServingRuntime with the name of a ClusterServingRuntime of the input hides it in its namespace. */
export const runtimeShadowsRule = defineManifestRule({
  id: "lint/runtime-shadows-cluster-runtime",
  severity: "warning",
  summary: "a ServingRuntime does not have the name of a ClusterServingRuntime of the input",
  why: "KServe looks a runtime name up in the namespace first: InferenceServices there silently get the namespaced copy",
  fix: "give the namespaced runtime its own name",
  on: "app",
  kinds: ["ServingRuntime"],
  check: ({ manifest, app, lint }) => {
    if (lint === undefined || manifest.kind !== "ServingRuntime") return [];
    if (appIndex(app).find("ClusterServingRuntime", "", manifest.metadata.name).length === 0) return [];
    return [{ path: "metadata.name", value: manifest.metadata.name, message: `ServingRuntime "${manifest.metadata.name}" has the name of a ClusterServingRuntime of the input; in namespace ${namespaceOf(manifest) || "(none)"} it replaces the cluster runtime for every InferenceService that names it` }];
  },
});

function assumed(lint: NonNullable<ManifestSubject["lint"]>, kind: string, namespace: string, name: string): boolean {
  return lint.objects.has(`${kind}/${name}`) || lint.objects.has(`${kind}/${namespace}/${name}`);
}

/** The pod-template-ish parts of the workloads lint knows: where a ServiceAccount and model storage are named. */
function workloadRefs(m: Manifest): { serviceAccount?: { path: string; name: string }; pvcs: { path: string; claim: string }[] } {
  const pvcs: { path: string; claim: string }[] = [];
  let serviceAccount: { path: string; name: string } | undefined;
  const uriOf = (path: string, uri: unknown): void => {
    const m2 = typeof uri === "string" ? /^pvc:\/\/([^/]+)/.exec(uri) : null;
    if (m2?.[1] !== undefined) pvcs.push({ path, claim: m2[1] });
  };
  if (m.kind === "InferenceService") {
    const predictor = getIn(m, ["spec", "predictor"]);
    if (isRecord(predictor)) {
      if (typeof predictor["serviceAccountName"] === "string") serviceAccount = { path: "spec.predictor.serviceAccountName", name: predictor["serviceAccountName"] };
      for (const [key, value] of Object.entries(predictor)) if (isRecord(value)) uriOf(`spec.predictor.${key}.storageUri`, value["storageUri"]);
    }
  } else if (m.kind === "LLMInferenceService") {
    uriOf("spec.model.uri", getIn(m, ["spec", "model", "uri"]));
    const sa = getIn(m, ["spec", "template", "serviceAccountName"]);
    if (typeof sa === "string") serviceAccount = { path: "spec.template.serviceAccountName", name: sa };
  }
  return { ...(serviceAccount !== undefined ? { serviceAccount } : {}), pvcs };
}

/** The ServiceAccount a workload runs as (it lists the storage credentials) exists. */
export const serviceAccountMissingRule = defineManifestRule({
  id: "lint/service-account-missing",
  severity: "warning",
  summary: "the ServiceAccount an InferenceService runs as (the holder of its storage credentials) is in the input",
  why: "the predictor pod is refused (serviceaccount not found) and never starts; the storage initializer also reads the S3 settings from this ServiceAccount's Secrets",
  fix: "add the ServiceAccount to the input, or declare it with --assume ServiceAccount/NAME",
  on: "app",
  kinds: ["InferenceService", "LLMInferenceService"],
  reads: ["serviceAccountName"],
  check: ({ manifest, app, lint }) => {
    if (lint === undefined) return [];
    const sa = workloadRefs(manifest).serviceAccount;
    if (sa === undefined || sa.name === "default") return [];
    const ns = namespaceOf(manifest);
    if (appIndex(app).find("ServiceAccount", ns, sa.name).length > 0 || assumed(lint, "ServiceAccount", ns, sa.name)) return [];
    return [{ path: sa.path, value: sa.name, message: `no ServiceAccount "${sa.name}" in namespace ${ns || "(none)"} in the input` }];
  },
});

/** The PVC a pvc:// storage URI names exists. */
export const pvcMissingRule = defineManifestRule({
  id: "lint/pvc-missing",
  severity: "warning",
  summary: "the PersistentVolumeClaim a pvc:// storage URI names is in the input",
  why: "the predictor pod stays Pending (persistentvolumeclaim not found)",
  fix: "add the PersistentVolumeClaim to the input, or declare it with --assume PersistentVolumeClaim/NAME",
  on: "app",
  kinds: ["InferenceService", "LLMInferenceService"],
  reads: ["storageUri", "uri"],
  check: ({ manifest, app, lint }) => {
    if (lint === undefined) return [];
    const ns = namespaceOf(manifest);
    const out: Finding[] = [];
    for (const { path, claim } of workloadRefs(manifest).pvcs) {
      if (appIndex(app).find("PersistentVolumeClaim", ns, claim).length > 0 || assumed(lint, "PersistentVolumeClaim", ns, claim)) continue;
      out.push({ path, value: getIn(manifest, path.split(".")), message: `no PersistentVolumeClaim "${claim}" in namespace ${ns || "(none)"} in the input` });
    }
    return out;
  },
});

/**
 * The hardware profile a workload is bound to: named by the `opendatahub.io/hardware-profile-name`
 * annotation, in the namespace of `opendatahub.io/hardware-profile-namespace`, which defaults to the
 * workload's own namespace (OpenShift AI's webhook stamps it so).
 */
function profileOf(manifest: Manifest, app: readonly Manifest[]): { name: string; namespace: string; declared: boolean; profile: Manifest | undefined; elsewhere: string[] } | undefined {
  const name = manifest.metadata.annotations?.[ODH.hardwareProfileName];
  if (typeof name !== "string") return undefined;
  const declaredNs = manifest.metadata.annotations?.[ODH.hardwareProfileNamespace];
  const namespace = typeof declaredNs === "string" ? declaredNs : namespaceOf(manifest);
  const index = appIndex(app);
  const profile = index.find("HardwareProfile", namespace, name)[0];
  const elsewhere = profile !== undefined ? [] : index.ofKind("HardwareProfile").filter((p) => p.metadata.name === name).map(namespaceOf);
  return { name, namespace, declared: typeof declaredNs === "string", profile, elsewhere };
}

/** A workload annotated with a hardware profile names one that exists where OpenShift AI looks for it. */
export const hardwareProfileMissingRule = defineManifestRule({
  id: "lint/hardware-profile-missing",
  severity: "warning",
  summary: "the hardware profile a workload is annotated with is in the input, in the namespace OpenShift AI looks in",
  why: "OpenShift AI's webhook rejects the InferenceService when the profile does not exist; without the opendatahub.io/hardware-profile-namespace annotation it looks in the workload's own namespace, while dashboard profiles live in the applications namespace",
  fix: "add the HardwareProfile to the input, or declare it with --assume HardwareProfile/NAMESPACE/NAME",
  on: "app",
  kinds: ["InferenceService", "LLMInferenceService", "NIMService"],
  reads: [ODH.hardwareProfileName],
  check: ({ manifest, app, lint }) => {
    if (lint === undefined) return [];
    const found = profileOf(manifest, app);
    if (found === undefined || found.profile !== undefined || assumed(lint, "HardwareProfile", found.namespace, found.name)) return [];
    if (!found.declared && found.elsewhere.length > 0) return []; // lint/hardware-profile-namespace
    return [{ path: `metadata.annotations["${ODH.hardwareProfileName}"]`, value: found.name, message: `no HardwareProfile "${found.name}" in namespace ${found.namespace || "(none)"} in the input` }];
  },
});

/** A workload bound to a profile of another namespace says which namespace. */
export const hardwareProfileNamespaceRule = defineManifestRule({
  id: "lint/hardware-profile-namespace",
  severity: "error",
  summary: "a workload bound to a hardware profile of another namespace has the opendatahub.io/hardware-profile-namespace annotation",
  why: "without the annotation OpenShift AI's webhook looks for the profile in the workload's own namespace, finds none and rejects the InferenceService",
  fix: "add the opendatahub.io/hardware-profile-namespace annotation with the profile's namespace",
  on: "app",
  kinds: ["InferenceService", "LLMInferenceService", "NIMService"],
  reads: [ODH.hardwareProfileName],
  check: ({ manifest, app, lint }) => {
    if (lint === undefined) return [];
    const found = profileOf(manifest, app);
    if (found === undefined || found.profile !== undefined || found.declared || found.elsewhere.length === 0) return [];
    const other = found.elsewhere[0] ?? "";
    return [
      {
        path: `metadata.annotations["${ODH.hardwareProfileName}"]`,
        value: found.name,
        message: `HardwareProfile "${found.name}" is in namespace ${other || "(none)"}, but without the ${ODH.hardwareProfileNamespace} annotation OpenShift AI looks for it in namespace ${found.namespace || "(none)"}`,
        fix: `add the annotation ${ODH.hardwareProfileNamespace}: ${other}`,
      },
    ];
  },
});

/** The containers of a workload whose resources a hardware profile bounds, with their paths. */
function boundContainers(m: Manifest): { path: string; resources: Record<string, unknown> }[] {
  const out: { path: string; resources: Record<string, unknown> }[] = [];
  const add = (path: string, c: unknown): void => {
    if (isRecord(c) && isRecord(c["resources"])) out.push({ path: `${path}.resources`, resources: c["resources"] });
  };
  if (m.kind === "InferenceService") {
    const predictor = getIn(m, ["spec", "predictor"]);
    if (isRecord(predictor)) {
      for (const [key, value] of Object.entries(predictor)) if (key !== "containers" && isRecord(value)) add(`spec.predictor.${key}`, value);
      const containers = predictor["containers"];
      if (Array.isArray(containers)) containers.forEach((c, i) => add(`spec.predictor.containers[${i}]`, c));
    }
  } else if (m.kind === "LLMInferenceService") {
    const containers = getIn(m, ["spec", "template", "containers"]);
    if (Array.isArray(containers)) containers.forEach((c, i) => add(`spec.template.containers[${i}]`, c));
  } else if (m.kind === "NIMService") {
    add("spec", getIn(m, ["spec"]));
  }
  return out;
}

/** Requests of a workload annotated with a hardware profile lie within the profile's bounds. */
export const hardwareProfileBoundsRule = defineManifestRule({
  id: "lint/hardware-profile-bounds",
  severity: "error",
  summary: "a workload annotated with a hardware profile requests what the profile allows (minCount to maxCount of each identifier)",
  why: "the profile's bounds are what the platform team allows for workloads of this profile; OpenShift AI's webhook fills in the profile's defaults but does not check the bounds, so a request outside them is scheduled as written and goes unnoticed",
  fix: "request within the profile's bounds, or use a profile that allows more",
  on: "app",
  kinds: ["InferenceService", "LLMInferenceService", "NIMService"],
  reads: [ODH.hardwareProfileName],
  check: ({ manifest, app, lint }) => {
    if (lint === undefined) return [];
    const profile = profileOf(manifest, app)?.profile;
    if (profile === undefined) return [];
    const identifiers = getIn(profile, ["spec", "identifiers"]);
    if (!Array.isArray(identifiers)) return [];
    const out: Finding[] = [];
    for (const { path, resources } of boundContainers(manifest)) {
      for (const identifier of identifiers) {
        if (!isRecord(identifier) || typeof identifier["identifier"] !== "string") continue;
        const resource = identifier["identifier"];
        const min = identifier["minCount"];
        const max = identifier["maxCount"];
        for (const side of ["requests", "limits"] as const) {
          const values = resources[side];
          const value = isRecord(values) ? values[resource] : undefined;
          if ((typeof value !== "string" && typeof value !== "number") || !isQuantity(value)) continue;
          const below = (typeof min === "string" || typeof min === "number") && isQuantity(min) && compareQuantities(value, min) < 0;
          const above = (typeof max === "string" || typeof max === "number") && isQuantity(max) && compareQuantities(value, max) > 0;
          if (!below && !above) continue;
          const range = max !== undefined ? `${String(min)} to ${String(max)}` : `at least ${String(min)}`;
          out.push({
            path: `${path}.${side}["${resource}"]`,
            value,
            message: `hardware profile "${profile.metadata.name}" allows ${range} ${resource}; ${String(value)} is ${below ? "below the minimum" : "above the maximum"}`,
            fix: below ? `request at least ${String(min)}` : `request at most ${String(max)}, or use a profile that allows more`,
          });
        }
      }
    }
    return out;
  },
});

const candidatesCache = new WeakMap<readonly Manifest[], RuntimeCandidate[]>();

/** The runtimes an InferenceService of `app` may get: the input's, and the built-ins of the target's KServe release (none on OpenShift AI). */
export function lintRuntimeCandidates(app: readonly Manifest[], target: Target): RuntimeCandidate[] {
  let own = candidatesCache.get(app);
  if (own === undefined) {
    own = runtimeCandidates(appIndex(app).ofKind("ServingRuntime").concat(appIndex(app).ofKind("ClusterServingRuntime")));
    candidatesCache.set(app, own);
  }
  const builtIn = builtinRuntimes(target);
  if (builtIn.length === 0) return own;
  const names = new Set(own.filter((r) => r.kind === "ClusterServingRuntime").map((r) => r.name));
  return [...own, ...builtIn.filter((r) => !names.has(r.name))];
}

/** An InferenceService that names no runtime gets one by format, protocol and autoSelect: some runtime must match. */
export const noRuntimeRule = defineManifestRule({
  id: "lint/no-runtime",
  severity: "error",
  summary: "an InferenceService that names no runtime matches one by format (name and version, autoSelect), protocol, mode and multi-node",
  why: 'KServe reports "No runtime found to support predictor" and never creates a pod; an unset protocolVersion counts as v1, so v2-only runtimes are never picked for it, and versions match as exact strings',
  fix: "name the runtime in spec.predictor.model.runtime, or add a ServingRuntime that lists the format with autoSelect: true and speaks the protocol",
  on: "app",
  kinds: ["InferenceService"],
  check: ({ manifest, app, target, lint }) => {
    if (lint === undefined || manifest.kind !== "InferenceService" || lint.runtimes.size > 0) return [];
    const request = runtimeRequest(manifest);
    if (request === undefined || request.runtime !== undefined || request.multiModel) return [];
    const namespace = namespaceOf(manifest);
    const candidates = lintRuntimeCandidates(app, target);
    const { selected, rejected } = selectRuntime(request, namespace, candidates);
    if (selected !== undefined) return [];
    const asked = `format ${request.format}${request.version !== undefined ? ` version "${request.version}"` : ""}, protocol ${request.protocol}${request.multiNode ? ", multi-node" : ""}`;
    const listsFormat = (r: RuntimeCandidate): boolean => Array.isArray(r.spec["supportedModelFormats"]) && r.spec["supportedModelFormats"].some((f) => isRecord(f) && f["name"] === request.format);
    const near = rejected.filter((r) => listsFormat(r.runtime)).slice(0, 3);
    const where = `the ServingRuntimes of namespace ${namespace || "(none)"} and the ClusterServingRuntimes of the input${target.openshiftAI !== undefined ? " (OpenShift AI installs no ClusterServingRuntimes)" : ` and the ones KServe ${formatVersion(target.kserve)} installs`}`;
    const elsewhere = candidates.filter((r) => r.kind === "ServingRuntime" && r.namespace !== namespace && !("reason" in candidacy(request, r)));
    const why =
      near.length > 0
        ? `: ${near.map((r) => `${r.runtime.kind === "ServingRuntime" ? "ServingRuntime" : "ClusterServingRuntime"} ${r.runtime.name}: ${r.reason}`).join("; ")}`
        : elsewhere.length > 0
          ? `; ${elsewhere.map((r) => `ServingRuntime ${r.name} in namespace ${r.namespace || "(none)"}`).join(", ")} would serve it, but a ServingRuntime serves only its own namespace`
          : "";
    return [{ path: request.field === "model" ? "spec.predictor.model.modelFormat" : `spec.predictor.${request.field}`, value: { name: request.format, ...(request.version !== undefined ? { version: request.version } : {}) }, message: `no runtime would be selected for ${asked} among ${where}${why}` }];
  },
});

/** A Secret an object needs: where it is named, its name and namespace, and what it is for. */
interface SecretRef {
  readonly path: string;
  readonly name: string;
  readonly namespace: string;
  readonly what: string;
  /**
   * The value at `path`.
   * @default the name
   */
  readonly value?: unknown;
}

/** The namespace the referenced Secrets of `m` live in; undefined for cluster-scoped objects (resolved per workload). */
function secretNamespace(m: Manifest): string | undefined {
  return m.kind === "ClusterServingRuntime" ? undefined : namespaceOf(m);
}

/**
 * Walks pod-template-shaped parts (containers, env, envFrom, volumes, imagePullSecrets) anywhere under
 * `value` and collects the Secrets they need; optional references (`optional: true`) are skipped.
 */
function podSecrets(value: unknown, path: string, namespace: string, out: SecretRef[], depth = 0): void {
  if (depth > 32) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => podSecrets(v, `${path}[${i}]`, namespace, out, depth + 1));
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const at = path === "" ? key : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
    if (key === "secretKeyRef" && isRecord(child)) {
      if (typeof child["name"] === "string" && child["optional"] !== true) out.push({ path: `${at}.name`, name: child["name"], namespace, what: "an env secretKeyRef" });
      continue;
    }
    if (key === "secretRef" && isRecord(child) && path.includes("envFrom")) {
      if (typeof child["name"] === "string" && child["optional"] !== true) out.push({ path: `${at}.name`, name: child["name"], namespace, what: "an envFrom secretRef" });
      continue;
    }
    if (key === "imagePullSecrets" && Array.isArray(child)) {
      child.forEach((s, i) => {
        if (isRecord(s) && typeof s["name"] === "string") out.push({ path: `${at}[${i}].name`, name: s["name"], namespace, what: "an image pull secret" });
      });
      continue;
    }
    if (key === "secret" && isRecord(child)) {
      // a secret volume (secretName) or a projected volume's secret source (name)
      const name = typeof child["secretName"] === "string" ? { field: "secretName", value: child["secretName"] } : path.includes("sources") && typeof child["name"] === "string" ? { field: "name", value: child["name"] } : undefined;
      if (name !== undefined && child["optional"] !== true) out.push({ path: `${at}.${name.field}`, name: name.value, namespace, what: "a secret volume" });
      continue;
    }
    podSecrets(child, at, namespace, out, depth + 1);
  }
}

/** The Secrets an object of the input needs, with the field that names each. */
export function referencedSecrets(m: Manifest, target: Target): SecretRef[] {
  const namespace = secretNamespace(m);
  if (namespace === undefined) return [];
  const out: SecretRef[] = [];
  const spec = getIn(m, ["spec"]);
  switch (m.kind) {
    case "ServiceAccount": {
      const secrets = (m as unknown as Record<string, unknown>)["secrets"];
      if (Array.isArray(secrets)) secrets.forEach((s, i) => {
        if (isRecord(s) && typeof s["name"] === "string") out.push({ path: `secrets[${i}].name`, name: s["name"], namespace: typeof s["namespace"] === "string" ? s["namespace"] : namespace, what: "storage credentials the ServiceAccount lists" });
      });
      const pull = (m as unknown as Record<string, unknown>)["imagePullSecrets"];
      if (Array.isArray(pull)) pull.forEach((s, i) => {
        if (isRecord(s) && typeof s["name"] === "string") out.push({ path: `imagePullSecrets[${i}].name`, name: s["name"], namespace, what: "an image pull secret of the ServiceAccount" });
      });
      return out;
    }
    case "InferenceService": {
      const annotated = m.metadata.annotations?.[KSERVE.storageSecretName];
      if (typeof annotated === "string" && annotated !== "") out.push({ path: `metadata.annotations["${KSERVE.storageSecretName}"]`, name: annotated, namespace, what: "the storage credentials the serving.kserve.io/storageSecretName annotation names" });
      const predictor = getIn(m, ["spec", "predictor"]);
      if (typeof annotated !== "string" && isRecord(predictor) && target.openshiftAI === undefined) {
        for (const [key, value] of Object.entries(predictor)) {
          if (isRecord(value) && isRecord(value["storage"])) out.push({ path: `spec.predictor.${key}.storage`, name: "storage-config", namespace, what: "the storage-config Secret that storage.key and storage.path are read from", value: value["storage"] });
        }
      }
      podSecrets(spec, "spec", namespace, out);
      return out;
    }
    case "NIMService":
    case "NIMCache": {
      const authAt = m.kind === "NIMService" ? ["authSecret"] : [];
      for (const field of authAt) {
        const v = isRecord(spec) ? spec[field] : undefined;
        if (typeof v === "string" && v !== "") out.push({ path: `spec.${field}`, name: v, namespace, what: "the NGC API key (authSecret)" });
      }
      const pullSecrets = getIn(m, ["spec", "image", "pullSecrets"]);
      if (Array.isArray(pullSecrets)) pullSecrets.forEach((s, i) => {
        if (typeof s === "string") out.push({ path: `spec.image.pullSecrets[${i}]`, name: s, namespace, what: "an image pull secret" });
      });
      const source = getIn(m, ["spec", "source"]);
      if (isRecord(source)) {
        for (const [kind, body] of Object.entries(source)) {
          if (!isRecord(body)) continue;
          if (typeof body["authSecret"] === "string" && body["authSecret"] !== "") out.push({ path: `spec.source.${kind}.authSecret`, name: body["authSecret"], namespace, what: "the model source's credentials (authSecret)" });
          if (typeof body["pullSecret"] === "string" && body["pullSecret"] !== "") out.push({ path: `spec.source.${kind}.pullSecret`, name: body["pullSecret"], namespace, what: "the model puller's image pull secret" });
        }
      }
      if (isRecord(spec) && Array.isArray(spec["env"])) podSecrets({ env: spec["env"] }, "spec", namespace, out);
      return out;
    }
    case "Account": {
      const ref = getIn(m, ["spec", "apiKeySecret"]);
      if (isRecord(ref) && typeof ref["name"] === "string") out.push({ path: "spec.apiKeySecret.name", name: ref["name"], namespace: typeof ref["namespace"] === "string" ? ref["namespace"] : namespace, what: "the NGC API key (apiKeySecret)" });
      return out;
    }
    default:
      podSecrets(spec, "spec", namespace, out);
      return out;
  }
}

/** True when the input has the Secret, or an object that creates it (SealedSecret, ExternalSecret). */
function secretInInput(app: readonly Manifest[], namespace: string, name: string): boolean {
  const index = appIndex(app);
  if (index.find("Secret", namespace, name).length > 0 || index.find("SealedSecret", namespace, name).length > 0) return true;
  return index.ofKind("ExternalSecret").some((e) => namespaceOf(e) === namespace && (getIn(e, ["spec", "target", "name"]) ?? e.metadata.name) === name);
}

/** The Secrets an object needs are in the input, created by a SealedSecret or ExternalSecret of the input, or declared. */
export const secretMissingRule = defineManifestRule({
  id: "lint/secret-missing",
  severity: "warning",
  summary: "the Secrets an object needs (storage credentials of a ServiceAccount or of serving.kserve.io/storageSecretName, storage-config, NGC API keys, env secretKeyRef and envFrom, secret volumes, image pull secrets) are in the input, created by a SealedSecret or ExternalSecret of the input, or declared as existing",
  why: "without the Secret the pod does not start (CreateContainerConfigError for env, FailedMount for a volume, ErrImagePull for a private image) or the storage initializer finds no credentials; a warning, not an error, because Secrets are usually created outside Git (sealed secrets, External Secrets, Vault, the console), so their absence from the input is common: declare those with --assume-secret and the warnings that remain point at real gaps",
  fix: "add the Secret (or the SealedSecret or ExternalSecret that creates it) to the input, or declare it with --assume-secret NAME (or NAMESPACE/NAME)",
  on: "app",
  kinds: ["InferenceService", "ServingRuntime", "LLMInferenceService", "NIMService", "NIMCache", "Account", "ServiceAccount"],
  reads: ["secrets", "imagePullSecrets", KSERVE.storageSecretName, "storage", "secretKeyRef", "secretRef", "secret", "authSecret", "pullSecrets", "pullSecret", "apiKeySecret"],
  check: ({ manifest, app, target, lint }) => {
    if (lint === undefined) return [];
    const out: Finding[] = [];
    for (const ref of referencedSecrets(manifest, target)) {
      if (secretInInput(app, ref.namespace, ref.name) || assumed(lint, "Secret", ref.namespace, ref.name)) continue;
      out.push({ path: ref.path, value: ref.value ?? ref.name, message: `no Secret "${ref.name}" in namespace ${ref.namespace || "(none)"} in the input: ${ref.what}` });
    }
    return out;
  },
});
