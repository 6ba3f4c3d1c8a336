/**
 * The components' `Args` derived from the core props, so that each prop is documented once (on the
 * core props; a homomorphic mapped type keeps its JSDoc, optionality and readonly): `Inputify<P>` is `P`
 * with the leaves a Pulumi program passes as Inputs or resources widened, at any depth.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { EnvValue, HandleKey } from "../index";
import type { EnvSource } from "../index";
import type { ConfigMapInput } from "./env";
import type { ClaimInput, SecretInput, ServiceAccountInput } from "./references";

/** An environment variable value: a string (or an Output of one, a Pulumi secret stays secret), or a reference. */
export type EnvInput = pulumi.Input<string> | EnvSource;

/** What each widened key takes in args, and the plain type it widens (a key holding anything else is kept). */
export interface Widened {
  readonly namespace: { readonly plain: string; readonly input: pulumi.Input<string> };
  readonly secretName: { readonly plain: string; readonly input: SecretInput };
  readonly pullSecret: { readonly plain: string; readonly input: SecretInput };
  readonly tokenSecret: { readonly plain: string; readonly input: SecretInput };
  readonly credentialsSecret: { readonly plain: string; readonly input: SecretInput };
  readonly apiKeySecret: { readonly plain: string; readonly input: SecretInput };
  readonly hfTokenSecret: { readonly plain: string; readonly input: SecretInput };
  readonly imagePullSecrets: { readonly plain: readonly string[]; readonly input: readonly SecretInput[] };
  readonly claimName: { readonly plain: string; readonly input: ClaimInput };
  readonly serviceAccountName: { readonly plain: string; readonly input: ServiceAccountInput };
  readonly caBundleConfigMap: { readonly plain: string; readonly input: ConfigMapInput };
  readonly env: { readonly plain: Readonly<Record<string, EnvValue>>; readonly input: Readonly<Record<string, EnvInput>> };
  readonly image: { readonly plain: string | Readonly<Partial<Record<string, string>>>; readonly input: pulumi.Input<string> | Readonly<Partial<Record<string, pulumi.Input<string>>>> };
}

/** An image (or images per target) with each image accepting an Input (distributes over a union). */
export type ImageArg<V> = V extends string ? pulumi.Input<string> : V extends undefined ? V : { readonly [P in keyof V]: pulumi.Input<string> | Extract<V[P], undefined> };

/** The arg type of key `K` whose core type is `V`. */
export type ArgOf<K, V> = K extends keyof Widened
  ? NonNullable<V> extends Widened[K]["plain"]
    ? K extends "image"
      ? ImageArg<V>
      : Widened[K]["input"]
    : Inputify<V>
  : K extends HandleKey
    ? V
    : Inputify<V>;

/**
 * Core props `T` as component args: `namespace` and `image` strings, Secret, claim, ServiceAccount and
 * ConfigMap names (also as `@pulumi/kubernetes` resources), `imagePullSecrets` items and `env` values
 * accept Inputs, at any depth; constructs, locations, requests and targets ({@link HandleKey}) are kept.
 */
export type Inputify<T> = 0 extends 1 & T
  ? T
  : unknown extends T
    ? T
    : T extends string | number | boolean | bigint | symbol | null | undefined
      ? T
      : T extends (...args: never[]) => unknown
        ? T
        : T extends readonly (infer U)[]
          ? readonly Inputify<U>[]
          : { readonly [K in keyof T]: ArgOf<K, T[K]> };
