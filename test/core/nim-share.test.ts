/**
 * The rule that the NIMs of one model and version share one runtime, in the core: the share key of the
 * runtime a NIM would define (`nimRuntimeShareKey`), and the decision an adapter makes when it declares
 * a NIM, before the NIM builds (`nimRuntimeSharing`, `declareNimRuntime`), which agrees with the one the
 * NIM's build makes itself with the registry.
 */
import { NgcSecrets, Registry, buildNim, declareNimRuntime, nimRuntime, nimRuntimeShareKey, nimRuntimeSharing } from "kserve-constructs";
import type { BuildContext, BuildResult, IRuntime, NimHandle, NimProps, TargetProps } from "kserve-constructs";

const ngc = { apiKeySecret: NgcSecrets.apiKey("nvidia-nim-secrets"), pullSecret: NgcSecrets.pullSecret("ngc-secret") };
const llama: NimProps = { model: "llama-3.1-8b-instruct", ngc };
const ODH: TargetProps = { kserveVersion: "0.15", openshiftAI: { version: "2.25" } };
const ctx = (where: string, extra: Partial<BuildContext> = {}): BuildContext => ({ where, defaultName: where, ...extra });

/** The share key in a build's emit plan (the runtime it defines). */
function plannedKey(result: BuildResult<unknown>): string | undefined {
  return result.plan.find((entry) => entry.shareKey !== undefined)?.shareKey;
}

describe("nimRuntimeShareKey", () => {
  it("is the share key the NIM's build gives its runtime; it claims no names and records no runtime", () => {
    const registry = new Registry();
    const key = nimRuntimeShareKey(llama, ctx("a", { namespace: "models", registry }));
    expect(key).toMatch(/^serving\.kserve\.io\/ClusterServingRuntime\/nvidia-nim-llama-3\.1-8b-instruct-1\.13\.1@[0-9a-f]{16}$/);
    expect(key).toBe(plannedKey(buildNim(llama, ctx("a", { namespace: "models" }))));
    expect(registry.runtimes).toEqual([]);
    // the build after it claims the names itself, as if nothing had run before
    const built = buildNim(llama, ctx("a", { namespace: "models", registry }));
    expect([built.issues, plannedKey(built)]).toEqual([[], key]);
  });

  it("a namespaced runtime's key names its namespace; a namespace known later counts by its placeholder", () => {
    const odh = { ...llama, target: ODH };
    const inModels = nimRuntimeShareKey(odh, ctx("a", { namespace: "models" }));
    expect(inModels).toBe(plannedKey(buildNim(odh, ctx("a", { namespace: "models" }))));
    expect(inModels).toMatch(/^serving\.kserve\.io\/ServingRuntime\/models\/nvidia-nim-llama-3\.1-8b-instruct-1\.13\.1@/);
    const deferred = nimRuntimeShareKey(odh, ctx("a", { deferredNamespace: "x--1--x" }));
    expect(deferred).toBe(nimRuntimeShareKey({ ...odh, namespace: "x--1--x" }, ctx("a")));
    expect(deferred).toMatch(/^serving\.kserve\.io\/ServingRuntime\/x--1--x\//);
    expect(nimRuntimeShareKey(odh, ctx("b", { deferredNamespace: "x--1--x" }))).toBe(deferred);
    expect(nimRuntimeShareKey(odh, ctx("b", { deferredNamespace: "x--2--x" }))).not.toBe(deferred);
    // the props' namespace, then the context's, come first
    expect(nimRuntimeShareKey({ ...odh, namespace: "models" }, ctx("a", { deferredNamespace: "x--1--x" }))).toBe(inModels);
    expect(nimRuntimeShareKey(odh, ctx("a", { namespace: "models", deferredNamespace: "x--1--x" }))).toBe(inModels);
    // a cluster-scoped runtime has no namespace: NIMs of every namespace share it
    expect(nimRuntimeShareKey(llama, ctx("a", { deferredNamespace: "x--1--x" }))).toBe(nimRuntimeShareKey(llama, ctx("a", { namespace: "models" })));
  });

  it("other NGC Secrets, another version or another scope are another runtime", () => {
    const key = nimRuntimeShareKey(llama, ctx("a"));
    const others = [
      { ...llama, ngc: { ...ngc, pullSecret: NgcSecrets.pullSecret("other-pull") } },
      { ...llama, version: "1.12.0" },
      { ...llama, runtimeScope: "namespace" as const, namespace: "models" },
    ].map((props) => nimRuntimeShareKey(props, ctx("b")));
    for (const other of others) expect([other !== undefined, other === key]).toEqual([true, false]);
  });

  it("none when the NIM defines no runtime of its own, or a rule finds an error", () => {
    const given = buildNim(llama, ctx("first")).handle;
    const none: [string, unknown][] = [
      ["given a runtime", { ...llama, runtime: { runtime: nimRuntime(given) } }],
      ["on the NIM Operator", { ...llama, platform: "nim-operator" }],
      ["an unknown model", { ...llama, model: "no-such-model" }],
      ["mixed-up Secrets", { ...llama, ngc: { apiKeySecret: ngc.pullSecret, pullSecret: ngc.apiKeySecret } }],
      ["a target that is not one", { ...llama, target: { kserveVersion: 15 } }],
      ["props that are not an object", undefined],
    ];
    expect(none.map(([what, props]) => [what, nimRuntimeShareKey(props as NimProps, ctx("b"))])).toEqual(none.map(([what]) => [what, undefined]));
    // each of them is a build without a share key too
    expect(none.map(([, props]) => plannedKey(buildNim(props as NimProps, ctx("b"))))).toEqual(none.map(() => undefined));
  });
});

/** A stand-in for the construct an adapter declares (what other NIMs get as `runtime`). */
function holderOf(handle: NimHandle): IRuntime {
  return { runtime: nimRuntime(handle) };
}

/** The props of a NIM as an adapter builds it after `nimRuntimeSharing`. */
function withSharing(props: NimProps, sharesWith: IRuntime | undefined): NimProps {
  return sharesWith !== undefined ? { ...props, runtime: sharesWith } : props;
}

describe("nimRuntimeSharing and declareNimRuntime", () => {
  it("the first NIM declared with a runtime defines it, the NIMs declared after it with the same key share it, the others define theirs", () => {
    const registry = new Registry();
    const declare = (name: string, props: NimProps): { readonly sharesWith?: IRuntime; readonly key?: string; readonly holder: IRuntime; readonly built: BuildResult<NimHandle> } => {
      const c = ctx(name, { namespace: "models", registry });
      const sharing = nimRuntimeSharing(props, c);
      const built = buildNim(withSharing(props, sharing.sharesWith), ctx(name, { namespace: "models" }));
      const holder = holderOf(built.handle);
      declareNimRuntime(sharing, holder, built.handle, c);
      return { ...sharing, holder, built };
    };
    const a = declare("a", llama);
    expect([a.sharesWith, a.key]).toEqual([undefined, nimRuntimeShareKey(llama, ctx("a", { namespace: "models" }))]);
    expect(registry.declaredRuntime(a.key as string)).toBe(a.holder);
    const b = declare("b", llama);
    expect([b.sharesWith, b.key]).toEqual([a.holder, undefined]);
    expect(b.built.plan.map((e) => e.id)).toEqual(["InferenceService-b"]);
    expect(b.built.handle.runtime).toBe(a.built.handle.runtime);
    // other Secrets: another runtime, defined by the first NIM of it
    const other = { ...llama, ngc: { ...ngc, pullSecret: NgcSecrets.pullSecret("other-pull") } };
    const c = declare("c", other);
    expect([c.sharesWith, c.key !== undefined, c.key === a.key]).toEqual([undefined, true, false]);
    expect(declare("d", other).sharesWith).toBe(c.holder);
    // a NIM given a runtime neither shares nor holds one
    expect(nimRuntimeSharing({ ...llama, runtime: a.holder }, ctx("e", { registry }))).toEqual({});
  });

  it("a NIM whose build is not valid, or that has no runtime, holds none for the NIMs after it", () => {
    const registry = new Registry();
    const c = ctx("a", { namespace: "models", registry });
    const sharing = nimRuntimeSharing(llama, c);
    const built = buildNim(llama, ctx("a", { namespace: "models" }));
    declareNimRuntime(sharing, holderOf(built.handle), { ...built.handle, valid: false }, c);
    const { runtime: _runtime, ...withoutRuntime } = built.handle;
    declareNimRuntime(sharing, holderOf(built.handle), withoutRuntime, c);
    expect(nimRuntimeSharing(llama, ctx("b", { namespace: "models", registry }))).toEqual(sharing);
    // without a registry nothing is recorded, and nothing shared
    declareNimRuntime(sharing, holderOf(built.handle), built.handle, ctx("a"));
    expect(nimRuntimeSharing(llama, ctx("b"))).toEqual(sharing);
  });

  it("decides as the NIM's build does with the registry: the same NIMs define the runtimes, the same NIMs share them", () => {
    const nims: [string, NimProps][] = [
      ["a", { ...llama, target: ODH, namespace: "team" }],
      ["b", { ...llama, target: ODH, namespace: "team" }],
      ["c", { ...llama, target: ODH, namespace: "other" }],
      ["d", { ...llama, target: ODH, namespace: "third", ngc: { ...ngc, pullSecret: NgcSecrets.pullSecret("other-pull") } }],
      ["e", { ...llama, target: ODH, namespace: "other" }],
      ["f", { ...llama, target: ODH, namespace: "team", platform: "nim-operator" }],
      ["g", { ...llama, target: ODH, namespace: "third", ngc: { ...ngc, pullSecret: NgcSecrets.pullSecret("other-pull") } }],
      ["i", { ...llama, target: ODH, namespace: "third", version: "1.12.0" }],
      ["h", { ...llama, model: "mistral-7b-instruct-v03", target: ODH, namespace: "team" }],
    ];
    // the build's own rule (cdk8s): each NIM built in turn with the app's registry
    const inBuild = new Registry();
    const built = nims.map(([name, props]) => buildNim(props, ctx(name, { registry: inBuild })));
    // the rule at declaration (Pulumi): decided first, then built without the registry
    const declared = new Registry();
    const decided = nims.map(([name, props]) => {
      const c = ctx(name, { registry: declared });
      const sharing = nimRuntimeSharing(props, c);
      const result = buildNim(withSharing(props, sharing.sharesWith), ctx(name));
      declareNimRuntime(sharing, holderOf(result.handle), result.handle, c);
      return result;
    });
    const runtimeOf = (result: BuildResult<NimHandle>): string | undefined => result.handle.runtime?.where;
    expect(decided.map(runtimeOf)).toEqual(built.map(runtimeOf));
    expect(built.map(runtimeOf)).toEqual(["a/runtime", "a/runtime", "c/runtime", "d/runtime", "c/runtime", undefined, "d/runtime", "i/runtime", "h/runtime"]);
    expect(decided.map((r) => r.manifests)).toEqual(built.map((r) => r.manifests));
    expect(built.every((r) => r.issues.length === 0)).toBe(true);
  });
});
