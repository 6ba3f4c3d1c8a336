/**
 * `Env` of the cdk8s adapter: the core's factories, with `fromSecret` and `fromConfigMap` also taking the
 * cdk8s-plus object (`ISecret`, `IConfigMap`, or a cdk8s `ApiObject` of that kind). Only its name reaches
 * the manifests; an object of another kind is a problem (`references/kind`).
 *
 * @example
 * const keys = kplus.Secret.fromSecretName(chart, "keys", "support-bot-keys");
 * env: { OPENAI_API_KEY: Env.fromSecret(keys, "api-key") }
 */
import { envFactories } from "../index";
import type { EnvFactories } from "../index";
import type { ObjectHandle } from "./plus";

/** A ConfigMap: its name, or a cdk8s-plus `IConfigMap`. */
export type ConfigMapReference = string | ObjectHandle;

/** Factories for environment values read from Secrets (names or cdk8s-plus objects), ConfigMaps, the pod's fields and its resources. */
export const Env: EnvFactories<ObjectHandle, ObjectHandle> = envFactories<ObjectHandle, ObjectHandle>();
