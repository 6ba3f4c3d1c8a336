/**
 * The example platform as Pulumi components: the same scenarios, from the same specs
 * (examples/specs), as the cdk8s app in examples/platform.ts, so both give the same manifests.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { InferenceEngine, InferenceService, KServeTarget, ModelStorage } from "kserve-constructs/pulumi";
import type { TargetProps } from "kserve-constructs/pulumi";
import * as openai from "../specs/openai-engine-pvc";
import * as sklearn from "../specs/kserve-runtime-s3";
import * as hf from "../specs/huggingface";

/** Settings of the example platform (the Pulumi program reads them from stack config). */
export interface PlatformOptions {
  /**
   * The target platform.
   * @default { kserveVersion: "0.20" } (as the cdk8s app)
   */
  readonly target?: TargetProps;
  /**
   * One namespace for every scenario.
   * @default each scenario's own (llm-serving, fraud-detection, embeddings)
   */
  readonly namespace?: string;
  /**
   * Create the namespaces (Namespace resources, whose names the components then take as Outputs, so
   * every object waits for its namespace).
   * @default true
   */
  readonly createNamespaces?: boolean;
  /**
   * The existing Secret with the MinIO keys.
   * @default "minio-credentials"
   */
  readonly minioSecretName?: pulumi.Input<string>;
  /**
   * The existing Secret with the Hugging Face token.
   * @default "hf-token"
   */
  readonly hfTokenSecretName?: pulumi.Input<string>;
  /**
   * The Kubernetes provider.
   * @default the default provider (stack config `kubernetes:kubeconfig`, `kubernetes:context`)
   */
  readonly provider?: k8s.Provider;
}

/** What the platform exports. */
export interface Platform {
  /** The URL of each InferenceService, as KServe reports it. */
  readonly urls: Record<string, pulumi.Output<string | undefined>>;
  /** The runtimes, by name, with their kinds. */
  readonly runtimes: Record<string, string>;
  /** The namespace of each scenario. */
  readonly namespaces: Record<string, pulumi.Output<string | undefined>>;
}

/** Defines the example platform. */
export function deployPlatform(options: PlatformOptions = {}): Platform {
  KServeTarget.setDefault(options.target ?? { kserveVersion: "0.20" });
  const opts: pulumi.ComponentResourceOptions = options.provider !== undefined ? { provider: options.provider } : {};
  const created = new Map<string, pulumi.Output<string>>();
  const namespaceOf = (own: string): pulumi.Input<string> => {
    const name = options.namespace ?? own;
    if (options.createNamespaces === false) return name;
    let ns = created.get(name);
    if (ns === undefined) {
      ns = new k8s.core.v1.Namespace(name, { metadata: { name } }, opts).metadata.name;
      created.set(name, ns);
    }
    return ns;
  };

  // A custom OpenAI-compatible server, models on a new PVC.
  const llm = namespaceOf(openai.namespace);
  const chatServer = new InferenceEngine("chat-server", { ...openai.chatServer, namespace: llm }, opts);
  const modelStore = ModelStorage.pvc("model-store", { ...openai.modelStore, namespace: llm }, opts);
  const supportBot = new InferenceService("support-bot", { ...openai.supportBot(chatServer, modelStore), namespace: llm }, opts);

  // A scikit-learn runtime, models on MinIO.
  const fraud = namespaceOf(sklearn.namespace);
  const sklearnServer = new InferenceEngine("sklearn-server", { ...sklearn.sklearnServer, namespace: fraud }, opts);
  const minio = ModelStorage.s3(
    "minio",
    { ...sklearn.minio, namespace: fraud, credentials: { secretName: options.minioSecretName ?? sklearn.minio.credentials.secretName } },
    opts,
  );
  const fraudScorer = new InferenceService("fraud-scorer", { ...sklearn.fraudScorer(sklearnServer, minio), namespace: fraud }, opts);
  const fraudScorerShadow = new InferenceService("fraud-scorer-shadow", { ...sklearn.fraudScorerShadow(sklearnServer, minio), namespace: fraud }, opts);

  // Embeddings from the Hugging Face Hub, on a cluster-scoped runtime.
  const embeddings = namespaceOf(hf.namespace);
  const textEmbeddings = new InferenceEngine("text-embeddings", hf.textEmbeddings, opts);
  const hub = ModelStorage.huggingFace("hub", { ...hf.hub, namespace: embeddings, tokenSecret: options.hfTokenSecretName ?? hf.hub.tokenSecret }, opts);
  const bgeSmall = new InferenceService("bge-small", { ...hf.bgeSmall(textEmbeddings, hub), namespace: embeddings }, opts);

  const services = [supportBot, fraudScorer, fraudScorerShadow, bgeSmall];
  const runtimes = [chatServer, sklearnServer, textEmbeddings];
  return {
    urls: Object.fromEntries(services.map((s) => [s.serviceName, s.url])),
    runtimes: Object.fromEntries(runtimes.map((r) => [r.runtimeName, r.runtimeKind])),
    namespaces: { [openai.namespace]: supportBot.namespace, [sklearn.namespace]: fraudScorer.namespace, [hf.namespace]: bgeSmall.namespace },
  };
}
