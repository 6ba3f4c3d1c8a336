/**
 * `Env` of the Pulumi adapter: the core's factories, with `fromSecret` and `fromConfigMap` also taking the
 * name as an Input or the `@pulumi/kubernetes` resource (`k8s.core.v1.Secret`, `k8s.core.v1.ConfigMap`),
 * whose `metadata.name` the component waits for. An object of another kind is a problem (`references/kind`).
 *
 * @example
 * const keys = new k8s.core.v1.Secret("keys", { metadata: { name: "support-bot-keys" } });
 * env: { OPENAI_API_KEY: Env.fromSecret(keys, "api-key") }
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { envFactories } from "../index";
import type { EnvFactories } from "../index";
import type { SecretInput } from "./references";

/** A ConfigMap: its name (an Input), or a `k8s.core.v1.ConfigMap` resource. */
export type ConfigMapInput = pulumi.Input<string> | k8s.core.v1.ConfigMap;

/** Factories for environment values read from Secrets (names, Inputs or resources), ConfigMaps, the pod's fields and its resources. */
export const Env: EnvFactories<SecretInput, ConfigMapInput> = envFactories<SecretInput, ConfigMapInput>();
