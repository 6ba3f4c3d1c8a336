/**
 * Pulumi test helpers: mocks that record every resource registration, and awaiting Outputs.
 * Import this module before the components (it sets the mocks when loaded).
 */
import * as pulumi from "@pulumi/pulumi";
import { canonicalize, KServeProgram, ValidationError } from "kserve-constructs/pulumi";
import type { Manifest } from "kserve-constructs/pulumi";

/** One resource registration the mocks saw. */
export interface Registration {
  readonly type: string;
  readonly name: string;
  /** The inputs as the engine receives them (secrets still wrapped). */
  readonly inputs: Record<string, unknown>;
  /** The provider reference (`<urn>::<id>`), when one was given. */
  readonly provider?: string;
}

const registrations: Registration[] = [];

/** The project name the example program's config uses. */
export const PROJECT = "kserve-constructs-examples";

/**
 * Waits for the previous program's registrations, then sets fresh mocks (recording registrations;
 * every custom resource echoes its inputs as state) and resets the program-wide state. `preview` runs
 * the mocks as `pulumi preview` does.
 */
export async function resetPulumi(options: { preview?: boolean; config?: Record<string, string> } = {}): Promise<void> {
  await settle();
  registrations.length = 0;
  KServeProgram.reset();
  pulumi.runtime.setAllConfig(options.config ?? {});
  void pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registrations.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown>, ...(args.provider ? { provider: args.provider } : {}) });
        return { id: `${args.name}-id`, state: args.inputs as Record<string, unknown> };
      },
      call: (args) => args.inputs as Record<string, unknown>,
    },
    PROJECT,
    "test",
    options.preview ?? false,
  );
}

/** Every registration so far. */
export function registered(): readonly Registration[] {
  return registrations;
}

const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** True for a value the engine receives as a secret. */
export function isSecretValue(value: unknown): boolean {
  return value !== null && typeof value === "object" && (value as Record<string, unknown>)["4dabf18193072939515e22adb298388d"] === SECRET_SIG;
}

function unwrapSecrets(value: unknown): unknown {
  if (isSecretValue(value)) return unwrapSecrets((value as { value: unknown }).value);
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
  return value;
}

/** The Kubernetes objects registered (inputs of `kubernetes:*` resources), secrets unwrapped, canonical, as the engine receives them. */
export function rawManifests(): Manifest[] {
  return registrations.filter((r) => r.type.startsWith("kubernetes:")).map((r) => canonicalize(unwrapSecrets(r.inputs)) as Manifest);
}

/** The Pulumi-only await annotations (`pulumi up` waits for readiness); cdk8s output has none. */
export const AWAIT_ANNOTATIONS = ["pulumi.com/waitFor", "pulumi.com/timeoutSeconds"] as const;

/** A manifest without the Pulumi-only await annotations (`annotations` dropped when nothing else is in it). */
export function withoutAwait(m: Manifest): Manifest {
  const annotations = m.metadata.annotations;
  if (annotations === undefined || !AWAIT_ANNOTATIONS.some((key) => key in annotations)) return m;
  const rest = Object.fromEntries(Object.entries(annotations).filter(([key]) => !(AWAIT_ANNOTATIONS as readonly string[]).includes(key)));
  const { annotations: _dropped, ...metadata } = m.metadata;
  return { ...m, metadata: Object.keys(rest).length > 0 ? { ...metadata, annotations: rest } : metadata };
}

/**
 * The Kubernetes objects registered, as {@link rawManifests}, without the Pulumi-only await annotations:
 * what the parity tests compare with the cdk8s output (the readiness tests read {@link rawManifests}).
 */
export function manifests(): Manifest[] {
  return rawManifests().map(withoutAwait);
}

/** The value of an Output (rejects when the Output does). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(withUnknowns?: boolean): Promise<T> }).promise(true);
}

/** Waits until every resource registration started so far has completed (Pulumi's own RPC tracking). */
export async function settle(): Promise<void> {
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

/** Runs `define` as a program and returns the Kubernetes objects it registered. */
export async function synthPulumi(define: () => void): Promise<Manifest[]> {
  define();
  await settle();
  return manifests();
}

/** The URN of a resource. */
export function urnOf(resource: pulumi.Resource): Promise<string> {
  return valueOf(resource.urn);
}

/** `Kind/namespace/name` of a manifest (the namespace empty when unset). */
export function keyOf(m: Manifest): string {
  return `${m.kind}/${m.metadata.namespace ?? ""}/${m.metadata.name}`;
}

/** Manifests sorted by kind, namespace and name (to compare sets of objects from two adapters). */
export function byKey(ms: readonly Manifest[]): Manifest[] {
  return [...ms].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

/**
 * The outputs each component of `define` registers itself (Outputs resolved), in the order `define`
 * returns the components. A component's own `registerOutputs` call comes first; ComponentResource's
 * later automatic call is ignored.
 */
export async function registeredOutputs(define: () => readonly pulumi.ComponentResource[]): Promise<Record<string, unknown>[]> {
  const calls: [unknown, Record<string, unknown>][] = [];
  const prototype = pulumi.ComponentResource.prototype as unknown as { registerOutputs(outputs: Record<string, unknown>): void };
  const original = prototype.registerOutputs;
  const spy = jest.spyOn(prototype, "registerOutputs").mockImplementation(function (this: unknown, outputs: Record<string, unknown>) {
    calls.push([this, outputs]);
    original.call(this, outputs);
  });
  let components: readonly pulumi.ComponentResource[] = [];
  try {
    components = define();
    await settle();
  } finally {
    spy.mockRestore();
  }
  return Promise.all(
    components.map(async (component) => {
      const own = calls.find(([self]) => self === component)?.[1] ?? {};
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(own)) out[key] = pulumi.Output.isInstance(value) ? await valueOf(value) : value;
      return out;
    }),
  );
}

/** The ValidationError a Pulumi definition throws at construction (fails when it throws none). */
export function pulumiError(define: () => void): ValidationError {
  try {
    define();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}
