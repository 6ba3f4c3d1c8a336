/**
 * `Env` of the cdk8s adapter: the core's factories, with `fromSecret` and `fromConfigMap` also taking the
 * cdk8s-plus object (`ISecret`, `IConfigMap`, or a cdk8s `ApiObject` of that kind). Only its name reaches
 * the manifests; an object of another kind is a problem (`references/kind`).
 */
import { Env as CoreEnv } from "../index";
import type { EnvSource } from "../index";
import type { ObjectHandle, SecretReference } from "./plus";

/** A ConfigMap: its name, or a cdk8s-plus `IConfigMap`. */
export type ConfigMapReference = string | ObjectHandle;

/** Factories for environment values read from Secrets, ConfigMaps, the pod's fields and its resources. */
export const Env = {
  ...CoreEnv,
  /**
   * The value of `key` in a Secret: its name or the cdk8s-plus object (a reference; the secret never
   * appears in the output).
   *
   * @example
   * const keys = kplus.Secret.fromSecretName(chart, "keys", "support-bot-keys");
   * env: { OPENAI_API_KEY: Env.fromSecret(keys, "api-key") }
   */
  fromSecret(secret: SecretReference, key: string, options: { optional?: boolean } = {}): EnvSource {
    // the object stays in the props until the construct replaces it by its name (and checks its kind)
    return CoreEnv.fromSecret(secret as string, key, options);
  },
  /** The value of `key` in a ConfigMap: its name or the cdk8s-plus object. */
  fromConfigMap(configMap: ConfigMapReference, key: string, options: { optional?: boolean } = {}): EnvSource {
    return CoreEnv.fromConfigMap(configMap as string, key, options);
  },
} as const;
