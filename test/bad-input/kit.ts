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
import { engineProps as validEngineProps } from "../support/fixtures";

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
  return { ...validEngineProps(), ...overrides };
}

/** The minimal valid NIM props (a catalogue model with its two NGC secrets). */
export function nimProps(overrides: Props = {}): Props {
  return { model: "llama-3.1-8b-instruct", ngc: { apiKeySecret: "ngc-api", pullSecret: "ngc-secret" }, ...overrides };
}

/** Plain ModelLocation factories. */
export const Location = cdk8s.ModelLocation;

/** How one adapter defines things: a construct of a class, a storage factory, a static preset. */
interface Adapter {
  readonly adapter: Api["adapter"];
  /** The adapter's module (`kserve-constructs/cdk8s` or `kserve-constructs/pulumi`): the same names in both. */
  readonly module: typeof cdk8s | typeof pulumiApi;
  /** `new cls(...)` with the adapter's leading arguments (a scope in cdk8s, none in Pulumi). */
  construct<T>(cls: unknown, id: string, props: unknown): T;
  /** `factory(...)` with the adapter's leading arguments (`ModelStorage.s3`, `InferenceEngine.vllm`, ...). */
  call<T>(factory: unknown, id: string, props: unknown): T;
}

/** The case vocabulary over one adapter: the same table of constructs for both. */
function apiOf(a: Adapter): Api {
  const m = a.module;
  const storage = (kind: keyof typeof m.ModelStorage) => (id: string, props?: unknown): StorageLike => a.call<StorageLike>((m.ModelStorage[kind] as (...args: unknown[]) => unknown).bind(m.ModelStorage), id, props);
  return {
    adapter: a.adapter,
    engine: (id, ...props) => a.construct(m.InferenceEngine, id, props.length > 0 ? props[0] : engineProps()),
    vllm: (id, props) => a.call(m.InferenceEngine.vllm.bind(m.InferenceEngine), id, props),
    runtime: (id, props) => a.construct(m.ServingRuntime, id, props),
    s3: storage("s3"),
    pvc: storage("pvc"),
    oci: storage("oci"),
    hf: storage("huggingFace"),
    gcs: storage("gcs"),
    azure: storage("azureBlob"),
    uri: storage("uri"),
    hardware: (id, props) => a.construct<ProfileLike>(m.HardwareProfile, id, props),
    isvc: (id, props) => a.construct(m.InferenceService, id, props),
    nim: (id, ...props) => a.construct(m.Nim, id, props.length > 0 ? props[0] : nimProps()),
    nimPreset: (id, props) => a.call(m.Nim.llama31_8bInstruct.bind(m.Nim), id, props),
    nimAccount: (id, props) => a.construct(m.NimAccount, id, props),
    storageConfig: (id, props) => a.construct<StorageConfigLike>(m.StorageConfig, id, props),
    modelServing: (id, props) => a.construct(m.ModelServing, id, props),
    fleet: (id, props) => a.construct(m.ModelFleet, id, props),
    mmNamespace: (id, props) => a.construct(m.ModelMeshNamespace, id, props),
    mlserverMm: (id, props = {}) => a.construct(m.InferenceEngine, id, m.ModelMeshRuntimes.mlserver(props as never)),
  };
}

function cdk8sApi(chart: Construct): Api {
  return apiOf({
    adapter: "cdk8s",
    module: cdk8s,
    construct: <T>(cls: unknown, id: string, props: unknown) => new (cls as new (s: Construct, i: string, p: unknown) => T)(chart, id, props),
    call: <T>(factory: unknown, id: string, props: unknown) => (factory as (s: Construct, i: string, p: unknown) => T)(chart, id, props),
  });
}

function pulumiKit(): Api {
  return apiOf({
    adapter: "pulumi",
    module: pulumiApi,
    construct: <T>(cls: unknown, id: string, props: unknown) => new (cls as new (n: string, a: unknown) => T)(id, props),
    call: <T>(factory: unknown, id: string, props: unknown) => (factory as (n: string, a: unknown) => T)(id, props),
  });
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
