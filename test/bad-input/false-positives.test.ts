/**
 * Valid input must get no error: Knative mode, reviewed restriction by restriction against what KServe
 * and Knative do (see ../shared/reference/kserve.md: Knative validates the Service it is given; KServe's
 * pod mutator adds the model's PVC volume afterwards, at pod admission). Each case runs in both adapters
 * and checks the rendered InferenceService.
 */
import type { Manifest } from "kserve-constructs";
import type { Api, Props } from "./kit";
import { engineProps, Location, runCdk8s, runPulumi } from "./kit";
import { resetPulumi, synthPulumi } from "../support/pulumi";
import { synthChart } from "../support/synth";
import * as cdk8s from "kserve-constructs/cdk8s";
import * as P from "kserve-constructs/pulumi";

interface Accepted {
  readonly name: string;
  readonly isvc: (api: Api) => Props;
  readonly engine?: Props;
  readonly knativeFeatures?: readonly string[];
  /** What the rendered predictor must hold. */
  readonly expect: (predictor: Record<string, unknown>) => void;
}

const CASES: readonly Accepted[] = [
  {
    name: "a pvc:// model (no Knative flag: KServe mounts the claim after Knative's validation)",
    isvc: (api) => ({ model: api.pvc("store", { claimName: "models-pvc" }).path("granite/") }),
    expect: (p) => expect((p["model"] as Record<string, unknown>)["storageUri"]).toBe("pvc://models-pvc/granite/"),
  },
  {
    name: "a pvc:// model from ModelLocation.fromUri",
    isvc: () => ({ model: Location.fromUri("pvc://models-pvc/granite") }),
    expect: (p) => expect((p["model"] as Record<string, unknown>)["storageUri"]).toBe("pvc://models-pvc/granite"),
  },
  {
    name: "an emptyDir volume (Knative allows emptyDir by default)",
    isvc: () => ({ model: Location.fromUri("s3://models/granite/") }),
    engine: { volumes: [{ name: "cache", mountPath: "/cache", emptyDir: {} }] },
    expect: (p) => expect(p["tolerations"]).toBeUndefined(),
  },
  {
    name: "tolerations with the Knative flag enabled",
    isvc: () => ({ model: Location.fromUri("s3://models/granite/"), tolerations: [{ key: "dedicated", operator: "Equal", value: "ml", effect: "NoSchedule" }] }),
    knativeFeatures: ["kubernetes.podspec-tolerations"],
    expect: (p) => expect(p["tolerations"]).toEqual([{ key: "dedicated", operator: "Equal", value: "ml", effect: "NoSchedule" }]),
  },
  {
    name: "a node selector with the Knative flag enabled",
    isvc: () => ({ model: Location.fromUri("s3://models/granite/"), nodeSelector: { pool: "gpu" } }),
    knativeFeatures: ["kubernetes.podspec-nodeselector"],
    expect: (p) => expect(p["nodeSelector"]).toEqual({ pool: "gpu" }),
  },
  {
    name: "scale to zero (Knative's own feature)",
    isvc: () => ({ model: Location.fromUri("s3://models/granite/"), scaling: { min: 0, max: 3 } }),
    expect: (p) => expect(p["minReplicas"]).toBe(0),
  },
  {
    name: "a secret-backed env var named like a credential (a reference, not a literal)",
    isvc: () => ({ model: Location.fromUri("s3://models/granite/"), env: { HF_TOKEN: cdk8s.Env.fromSecret("hf", "token") } }),
    expect: (p) => expect((p["model"] as Record<string, unknown>)["env"]).toEqual([{ name: "HF_TOKEN", valueFrom: { secretKeyRef: { name: "hf", key: "token" } } }]),
  },
  {
    name: "credential-like names that hold no credential (a file path, a switch, a token count)",
    isvc: () => ({ model: Location.fromUri("s3://models/granite/"), env: { GOOGLE_APPLICATION_CREDENTIALS: "/var/secrets/gcs.json", HF_HUB_DISABLE_TOKEN: "1", MAX_TOKENS: "4096", TOKENIZER_MODE: "auto" } }),
    expect: (p) => expect(((p["model"] as Record<string, unknown>)["env"] as unknown[]).length).toBe(4),
  },
];

function predictorOf(manifests: readonly Manifest[]): Record<string, unknown> {
  const isvc = manifests.find((m) => m.kind === "InferenceService") as Manifest;
  return (isvc["spec"] as Record<string, Record<string, unknown>>)["predictor"] as Record<string, unknown>;
}

describe("Knative mode accepts what KServe and Knative accept", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("cdk8s: %s", (_n, c) => {
    const outcome = runCdk8s((api) => void api.isvc("granite", { engine: api.engine("engine", engineProps({ protocol: "v1", ...c.engine })), deploymentMode: "Knative", ...c.isvc(api) }), { knativeFeatures: [...(c.knativeFeatures ?? [])] });
    expect(outcome.issues.filter((i) => i.severity !== "warning")).toEqual([]);
    const manifests = synthChart((chart) => {
      const api = { pvc: (id: string, props: unknown) => cdk8s.ModelStorage.pvc(chart, id, props as never) } as unknown as Api;
      new cdk8s.InferenceService(chart, "granite", { engine: new cdk8s.InferenceEngine(chart, "engine", engineProps({ protocol: "v1", ...c.engine }) as never), deploymentMode: "Knative", ...(c.isvc(api) as object) } as never);
    }, { target: { knativeFeatures: [...(c.knativeFeatures ?? [])] } });
    c.expect(predictorOf(manifests));
  });

  it.each(CASES.map((c) => [c.name, c] as const))("pulumi: %s", async (_n, c) => {
    const outcome = await runPulumi((api) => void api.isvc("granite", { engine: api.engine("engine", engineProps({ protocol: "v1", ...c.engine })), deploymentMode: "Knative", ...c.isvc(api) }), { knativeFeatures: [...(c.knativeFeatures ?? [])] });
    expect(outcome.issues.filter((i) => i.severity !== "warning")).toEqual([]);
    await resetPulumi();
    P.KServeTarget.setDefault({ knativeFeatures: [...(c.knativeFeatures ?? [])] });
    const manifests = await synthPulumi(() => {
      const api = { pvc: (id: string, props: unknown) => P.ModelStorage.pvc(id, props as never) } as unknown as Api;
      new P.InferenceService("granite", { engine: new P.InferenceEngine("engine", engineProps({ protocol: "v1", ...c.engine }) as never), deploymentMode: "Knative", ...(c.isvc(api) as object) } as never);
    });
    c.expect(predictorOf(manifests));
  });
});
