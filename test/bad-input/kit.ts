/**
 * One vocabulary for defining constructs in either adapter, so that each bad-input case is written
 * once and runs through cdk8s (a chart in a fresh app) and Pulumi (components under
 * `pulumi.runtime.setMocks`), and a table of expectations (rule id, path, a fix) checked the same way.
 */
import { Chart, Testing } from "cdk8s";
import type { Construct } from "constructs";
import * as cdk8s from "kserve-constructs/cdk8s";
import * as pulumiApi from "kserve-constructs/pulumi";
import type { Issue, TargetProps } from "kserve-constructs";
import { ValidationError } from "kserve-constructs";
import { resetPulumi } from "../support/pulumi";

/** Loose props: the cases pass wrong types on purpose. */
export type Props = Record<string, unknown>;

/** A storage handle (both adapters). */
export interface StorageLike {
  path(p: unknown, options?: unknown): unknown;
}
/** A hardware profile handle (both adapters). */
export interface ProfileLike {
  request(r?: unknown): unknown;
}
/** A storage-config handle (both adapters). */
export interface StorageConfigLike {
  entry(key: unknown): unknown;
  path(key: unknown, path: unknown): unknown;
}

/** The constructs a case may define, the same in both adapters. */
export interface Api {
  readonly adapter: "cdk8s" | "pulumi";
  engine(id: string, props?: unknown): unknown;
  vllm(id: string, props?: unknown): unknown;
  runtime(id: string, props?: unknown): unknown;
  s3(id: string, props?: unknown): StorageLike;
  pvc(id: string, props?: unknown): StorageLike;
  oci(id: string, props?: unknown): StorageLike;
  hf(id: string, props?: unknown): StorageLike;
  gcs(id: string, props?: unknown): StorageLike;
  azure(id: string, props?: unknown): StorageLike;
  uri(id: string, props?: unknown): StorageLike;
  hardware(id: string, props?: unknown): ProfileLike;
  isvc(id: string, props?: unknown): unknown;
  nim(id: string, props?: unknown): unknown;
  nimPreset(id: string, props?: unknown): unknown;
  nimAccount(id: string, props?: unknown): unknown;
  storageConfig(id: string, props?: unknown): StorageConfigLike;
  modelServing(id: string, props?: unknown): unknown;
  fleet(id: string, props?: unknown): unknown;
  mmNamespace(id: string, props?: unknown): unknown;
  mlserverMm(id: string, props?: unknown): unknown;
}

/** The minimal valid engine props (an OpenAI-compatible engine for format "my-format"). */
export function engineProps(overrides: Props = {}): Props {
  return {
    versions: { "1.0.0": { image: { cpu: "registry.example/engine:1.0.0" } } },
    args: ["--model={{model_path}}", "--port={{port}}", "--name={{model_name}}"],
    protocol: "openai",
    modelFormats: [{ name: "my-format" }],
    ...overrides,
  };
}

/** The minimal valid NIM props (a catalogue model with its two NGC secrets). */
export function nimProps(overrides: Props = {}): Props {
  return { model: "llama-3.1-8b-instruct", ngc: { apiKeySecret: "ngc-api", pullSecret: "ngc-secret" }, ...overrides };
}

/** Plain ModelLocation factories. */
export const Location = cdk8s.ModelLocation;

function cdk8sApi(chart: Construct): Api {
  const c = cdk8s as unknown as Record<string, unknown>;
  const S = cdk8s.ModelStorage as unknown as Record<string, (scope: Construct, id: string, props: unknown) => StorageLike>;
  const nw = <T>(cls: unknown, id: string, props: unknown): T => new (cls as new (s: Construct, i: string, p: unknown) => T)(chart, id, props);
  const storage = (kind: string) => (id: string, props?: unknown): StorageLike => (S[kind] as (s: Construct, i: string, p: unknown) => StorageLike)(chart, id, props);
  return {
    adapter: "cdk8s",
    engine: (id, ...props) => nw(cdk8s.InferenceEngine, id, props.length > 0 ? props[0] : engineProps()),
    vllm: (id, props) => cdk8s.InferenceEngine.vllm(chart, id, props as never),
    runtime: (id, props) => nw(cdk8s.ServingRuntime, id, props),
    s3: storage("s3"),
    pvc: storage("pvc"),
    oci: storage("oci"),
    hf: storage("huggingFace"),
    gcs: storage("gcs"),
    azure: storage("azureBlob"),
    uri: storage("uri"),
    hardware: (id, props) => nw<ProfileLike>(cdk8s.HardwareProfile, id, props),
    isvc: (id, props) => nw(cdk8s.InferenceService, id, props),
    nim: (id, ...props) => nw(cdk8s.Nim, id, props.length > 0 ? props[0] : nimProps()),
    nimPreset: (id, props) => cdk8s.Nim.llama31_8bInstruct(chart, id, props as never),
    nimAccount: (id, props) => nw(cdk8s.NimAccount, id, props),
    storageConfig: (id, props) => nw<StorageConfigLike>(cdk8s.StorageConfig, id, props),
    modelServing: (id, props) => nw(cdk8s.ModelServing, id, props),
    fleet: (id, props) => nw(cdk8s.ModelFleet, id, props),
    mmNamespace: (id, props) => nw(c["ModelMeshNamespace"], id, props),
    mlserverMm: (id, props = {}) => nw(cdk8s.InferenceEngine, id, cdk8s.ModelMeshRuntimes.mlserver(props as never)),
  };
}

function pulumiKit(): Api {
  const P = pulumiApi;
  const S = P.ModelStorage as unknown as Record<string, (name: string, args: unknown) => StorageLike>;
  const nw = <T>(cls: unknown, id: string, props: unknown): T => new (cls as new (n: string, a: unknown) => T)(id, props);
  const storage = (kind: string) => (id: string, props?: unknown): StorageLike => (S[kind] as (n: string, a: unknown) => StorageLike)(id, props);
  return {
    adapter: "pulumi",
    engine: (id, ...props) => nw(P.InferenceEngine, id, props.length > 0 ? props[0] : engineProps()),
    vllm: (id, props) => P.InferenceEngine.vllm(id, props as never),
    runtime: (id, props) => nw(P.ServingRuntime, id, props),
    s3: storage("s3"),
    pvc: storage("pvc"),
    oci: storage("oci"),
    hf: storage("huggingFace"),
    gcs: storage("gcs"),
    azure: storage("azureBlob"),
    uri: storage("uri"),
    hardware: (id, props) => nw<ProfileLike>(P.HardwareProfile, id, props),
    isvc: (id, props) => nw(P.InferenceService, id, props),
    nim: (id, ...props) => nw(P.Nim, id, props.length > 0 ? props[0] : nimProps()),
    nimPreset: (id, props) => P.Nim.llama31_8bInstruct(id, props as never),
    nimAccount: (id, props) => nw(P.NimAccount, id, props),
    storageConfig: (id, props) => nw<StorageConfigLike>(P.StorageConfig, id, props),
    modelServing: (id, props) => nw(P.ModelServing, id, props),
    fleet: (id, props) => nw(P.ModelFleet, id, props),
    mmNamespace: (id, props) => nw(P.ModelMeshNamespace, id, props),
    mlserverMm: (id, props = {}) => nw(P.InferenceEngine, id, P.ModelMeshRuntimes.mlserver(props as never)),
  };
}

/** What defining a case produced: the problems of its ValidationError (none when it synthesized). */
export interface Outcome {
  readonly issues: readonly Issue[];
  readonly message: string;
}

/** Runs `define` in a fresh cdk8s app (chart "test", namespace "models"). Other exceptions propagate. */
export function runCdk8s(define: (api: Api) => void, target?: TargetProps): Outcome {
  const app = Testing.app();
  try {
    if (target) cdk8s.KServeTarget.set(app, target);
    const chart = new Chart(app, "test", { namespace: "models" });
    define(cdk8sApi(chart));
    app.synthYaml();
  } catch (error) {
    if (error instanceof ValidationError) return { issues: error.issues, message: error.message };
    throw error;
  }
  return { issues: [], message: "" };
}

/** Runs `define` as a fresh Pulumi program under mocks. Other exceptions propagate. */
export async function runPulumi(define: (api: Api) => void, target?: TargetProps): Promise<Outcome> {
  await resetPulumi();
  try {
    if (target) pulumiApi.KServeTarget.setDefault(target);
    define(pulumiKit());
  } catch (error) {
    if (error instanceof ValidationError) return { issues: error.issues, message: error.message };
    throw error;
  }
  return { issues: [], message: "" };
}

/** One bad input: what to define, and the problem it must produce. */
export interface BadCase {
  /** What the case is, for the test name. */
  readonly name: string;
  /** The rule id expected. */
  readonly rule: string;
  /** The path expected (a prop path, or a manifest path for manifest rules). */
  readonly path: string;
  /** Defines the constructs (the last one is usually the bad one). */
  readonly define: (api: Api) => void;
  /** The target of the app. @default none */
  readonly target?: TargetProps;
  /** Text that must not appear anywhere in the error (a secret). */
  readonly secret?: string;
  /** Runs in one adapter only (with the reason in the case name). @default both */
  readonly only?: "cdk8s" | "pulumi";
}

/** A problem's summary for matching and failure output: `rule @ path`. */
export function summary(issue: Pick<Issue, "rule" | "path">): string {
  return `${issue.rule} @ ${issue.path}`;
}

/** Checks one case's outcome: the expected rule at the expected path, with a fix; no internal error; no secret echoed. */
export function expectCase(c: BadCase, outcome: Outcome): void {
  const seen = outcome.issues.map(summary);
  expect(seen).toContain(summary(c));
  expect(seen.filter((s) => s.startsWith("internal/"))).toEqual([]);
  const issue = outcome.issues.find((i) => i.rule === c.rule && i.path === c.path) as Issue;
  expect(issue.fix.trim().length).toBeGreaterThan(0);
  expect(issue.message.trim().length).toBeGreaterThan(0);
  if (c.secret !== undefined) {
    expect(outcome.message).not.toContain(c.secret);
    expect(JSON.stringify(outcome.issues)).not.toContain(c.secret);
  }
}

/** Registers every case of `table` as tests in both adapters (grouped under `group`). */
export function runTable(group: string, table: readonly BadCase[]): void {
  describe(group, () => {
    describe("cdk8s", () => {
      const cases = table.filter((c) => c.only !== "pulumi");
      it.each(cases.map((c) => [`${c.name} -> ${c.rule} @ ${c.path}`, c] as const))("%s", (_name, c) => {
        expectCase(c, runCdk8s(c.define, c.target));
      });
    });
    describe("pulumi", () => {
      const cases = table.filter((c) => c.only !== "cdk8s");
      it.each(cases.map((c) => [`${c.name} -> ${c.rule} @ ${c.path}`, c] as const))("%s", async (_name, c) => {
        expectCase(c, await runPulumi(c.define, c.target));
      });
    });
  });
}

/** An InferenceService on the minimal engine and an s3:// model, with `overrides`. */
export function isvcWith(api: Api, overrides: Props = {}, engineOverrides?: Props): unknown {
  const engine = engineOverrides === undefined && overrides["engine"] !== undefined ? overrides["engine"] : api.engine("engine", engineProps(engineOverrides));
  return api.isvc("granite", { engine, model: Location.fromUri("s3://models/granite/"), ...overrides });
}
