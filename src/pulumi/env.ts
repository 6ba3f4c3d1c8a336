/**
 * `Env` of the Pulumi adapter: the core's factories, with `fromSecret` and `fromConfigMap` also taking the
 * name as an Input or the `@pulumi/kubernetes` resource (`k8s.core.v1.Secret`, `k8s.core.v1.ConfigMap`),
 * whose `metadata.name` the component waits for. An object of another kind is a problem (`references/kind`).
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { Env as CoreEnv } from "../index";
import type { EnvSource } from "../index";
import type { SecretInput } from "./references";

/** A ConfigMap: its name (an Input), or a `k8s.core.v1.ConfigMap` resource. */
export type ConfigMapInput = pulumi.Input<string> | k8s.core.v1.ConfigMap;

/** Factories for environment values read from Secrets, ConfigMaps, the pod's fields and its resources. */
export const Env = {
  ...CoreEnv,
  /**
   * The value of `key` in a Secret: its name (an Input) or the resource (a reference; the secret never
   * appears in the output).
   *
   * @example
   * const keys = new k8s.core.v1.Secret("keys", { metadata: { name: "support-bot-keys" } });
   * env: { OPENAI_API_KEY: Env.fromSecret(keys, "api-key") }
   */
  fromSecret(secret: SecretInput, key: string, options: { optional?: boolean } = {}): EnvSource {
    // the Input or resource stays in the args until the component lifts it to its name
    return CoreEnv.fromSecret(secret as string, key, options);
  },
  /** The value of `key` in a ConfigMap: its name (an Input) or the resource. */
  fromConfigMap(configMap: ConfigMapInput, key: string, options: { optional?: boolean } = {}): EnvSource {
    return CoreEnv.fromConfigMap(configMap as string, key, options);
  },
} as const;
