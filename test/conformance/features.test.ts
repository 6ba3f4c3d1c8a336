/**
 * The feature table (KSERVE_FEATURES, OPENSHIFT_AI_RELEASES) and the CRDs agree: every CRD field of a
 * feature is absent from the CRD set of each target without the feature and present in each target
 * with it, upstream and in the OpenShift AI forks.
 */
import * as fs from "fs";
import { parseAllDocuments } from "yaml";
import { KSERVE_FEATURES, resolveTarget, supports } from "kserve-constructs";
import type { KServeFeature } from "kserve-constructs";
import { crdSetFor, describeIfCrds, MATRIX_TARGETS } from "../support/conformance";
import { crdIndex } from "../support/crd-schemas";

type Schema = { properties?: Record<string, Schema>; items?: Schema };

const API_VERSION: Record<string, string> = { InferenceService: "v1beta1", ServingRuntime: "v1alpha1", ClusterServingRuntime: "v1alpha1" };

const schemas = new Map<string, Schema | undefined>();

/** The openAPIV3Schema of `kind` in a CRD set (undefined when the set has no such kind). */
function crdSchema(folders: readonly string[], kind: string): Schema | undefined {
  const entry = crdIndex(folders).get(`serving.kserve.io/${kind}`);
  if (entry === undefined) return undefined;
  const key = `${entry.file}:${kind}`;
  if (!schemas.has(key)) {
    const docs = parseAllDocuments(fs.readFileSync(entry.file, "utf8")).map((d) => d.toJS({ maxAliasCount: -1 }) as { spec?: { names?: { kind?: string }; versions?: { name: string; schema?: { openAPIV3Schema?: Schema } }[] } });
    const crd = docs.find((d) => d.spec?.names?.kind === kind);
    schemas.set(key, crd?.spec?.versions?.find((v) => v.name === API_VERSION[kind])?.schema?.openAPIV3Schema);
  }
  return schemas.get(key);
}

/** True when `path` ("spec.canary[].predictor.name") exists in the schema. */
function hasPath(schema: Schema | undefined, path: string): boolean {
  let node = schema;
  for (const segment of path.split(".")) {
    const array = segment.endsWith("[]");
    node = node?.properties?.[array ? segment.slice(0, -2) : segment];
    if (array) node = node?.items;
    if (node === undefined) return false;
  }
  return true;
}

const withFields = (Object.entries(KSERVE_FEATURES) as [KServeFeature, { since: string; crd?: readonly string[] }][]).filter(([, f]) => f.crd !== undefined);

describe("the feature table", () => {
  it("names CRD fields for the features that are fields", () => {
    expect(withFields.map(([id]) => id).sort()).toEqual(
      ["autoscaler-keda", "autoscaling-external-auth", "canary-predictors", "deployment-strategy", "multi-node", "runtime-host-ipc", "runtime-image-pull-secrets", "runtime-resource-claims", "runtime-scheduler-name", "storage-spec", "storage-uris"].sort(),
    );
  });
});

describeIfCrds("the feature table agrees with each target's CRDs", () => {
  const rows = withFields.flatMap(([feature, facts]) => (facts.crd ?? []).flatMap((field) => MATRIX_TARGETS.map((t) => ({ feature, since: facts.since, field, target: t }))));

  it.each(rows.map((r) => [r.feature, r.field, r.target.name, r] as const))("%s: %s on %s", (_feature, _field, _name, { feature, field, target }) => {
    const resolved = resolveTarget(target.props).target;
    const [kind = "", path = ""] = field.split(":");
    const set = crdSetFor(target.props);
    const present = hasPath(crdSchema(set.folders, kind), path);
    expect({ feature, field, set: set.name, present }).toEqual({ feature, field, set: set.name, present: supports(resolved, feature) });
  });

  it("walks real paths (a path that is not in any CRD is absent)", () => {
    const latest = crdSetFor({ kserveVersion: "0.21" }).folders;
    expect(hasPath(crdSchema(latest, "InferenceService"), "spec.canary[].predictor.name")).toBe(true);
    expect(hasPath(crdSchema(latest, "InferenceService"), "spec.canary[].predictor.nope")).toBe(false);
    expect(hasPath(crdSchema(latest, "InferenceService"), "spec.canary.predictor")).toBe(false);
  });

  it("the 2.x fork's ServingRuntime has no spec-level schedulerName; 3.4's has", () => {
    expect(hasPath(crdSchema(crdSetFor({ openshiftAI: { version: "2.25" } }).folders, "ServingRuntime"), "spec.schedulerName")).toBe(false);
    expect(hasPath(crdSchema(crdSetFor({ openshiftAI: { version: "3.4" } }).folders, "ServingRuntime"), "spec.schedulerName")).toBe(true);
    expect(hasPath(crdSchema(crdSetFor({ openshiftAI: { version: "2.25" } }).folders, "InferenceService"), "spec.predictor.schedulerName")).toBe(true);
  });
});
