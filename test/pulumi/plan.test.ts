/**
 * The Pulumi adapter reads the emit plan: a patch is the kind's `Patch` resource because the plan says
 * so (not because of the object's shape), and Nims share a runtime when its share key is the same.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import * as cdk8s from "kserve-constructs/cdk8s";
import type { TargetProps } from "kserve-constructs";
import { KServeTarget, ModelStorage, Nim, NgcSecrets } from "kserve-constructs/pulumi";
import { byKey, registered, resetPulumi, settle, synthPulumi } from "../support/pulumi";
import { synthChart } from "../support/synth";
import { emitResource } from "../../src/pulumi/emit";

beforeEach(() => resetPulumi());

const ngc = { apiKeySecret: NgcSecrets.apiKey("nvidia-nim-secrets"), pullSecret: NgcSecrets.pullSecret("ngc-secret") };
const ODH: TargetProps = { kserveVersion: "0.15", openshiftAI: { version: "2.25" } };

describe("ownership", () => {
  it("a patch in the plan is a SecretPatch; an owned Secret, even without data, is a Secret", async () => {
    const metadata = { name: "creds", annotations: { "serving.kserve.io/s3-endpoint": "minio:9000" } };
    const patch = emitResource("patch", "v1", "Secret", { metadata }, {}, { kind: "patch", strategy: "secret-annotations" });
    const owned = emitResource("owned", "v1", "Secret", { metadata }, {});
    expect([patch instanceof k8s.core.v1.SecretPatch, owned instanceof k8s.core.v1.Secret, owned instanceof k8s.core.v1.SecretPatch]).toEqual([true, true, false]);
    expect(() => emitResource("x", "example.com/v1", "Widget", { metadata }, {}, { kind: "patch", strategy: "secret-annotations" })).toThrow("kserve-constructs: @pulumi/kubernetes has no patch resource for example.com/v1 Widget");
    await settle();
  });

  it("a ModelStorage's S3 settings overlay is patched, its ServiceAccount owned", async () => {
    ModelStorage.s3("minio", { namespace: "models", bucket: "models", endpoint: "https://minio.minio.svc:9000", region: "us-east-1", credentials: { secretName: "minio-credentials" } });
    await settle();
    expect(registered().map((r) => `${r.type} ${r.name}`)).toEqual(expect.arrayContaining(["kubernetes:core/v1:SecretPatch minio-Secret-minio-credentials", "kubernetes:core/v1:ServiceAccount minio-ServiceAccount-minio-sa"]));
  });
});

describe("shared NIM runtimes (share keys)", () => {
  it("on OpenShift AI (a namespaced runtime) Nims in the same Output namespace share it; Nims in other namespaces each define theirs", async () => {
    const expected = synthChart((chart) => {
      cdk8s.Nim.llama31_8bInstruct(chart, "a", { ngc, namespace: "team" });
      cdk8s.Nim.llama31_8bInstruct(chart, "b", { ngc, namespace: "team" });
      cdk8s.Nim.llama31_8bInstruct(chart, "c", { ngc, namespace: "other" });
    }, { target: ODH });
    expect(expected.filter((m) => m.kind === "ServingRuntime").map((m) => m.metadata.namespace)).toEqual(["team", "other"]);
    KServeTarget.setDefault(ODH);
    const team = pulumi.output("team");
    let a!: Nim, b!: Nim, c!: Nim;
    const actual = await synthPulumi(() => {
      a = Nim.llama31_8bInstruct("a", { ngc, namespace: team });
      b = Nim.llama31_8bInstruct("b", { ngc, namespace: team });
      c = Nim.llama31_8bInstruct("c", { ngc, namespace: "other" });
    });
    expect(byKey(actual)).toEqual(byKey(expected));
    expect([a.resources.length, b.resources.length, c.resources.length]).toEqual([2, 1, 2]);
  });
});
