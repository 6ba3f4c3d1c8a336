/**
 * ModelMeshNamespace: a namespace the program owns, enabled for ModelMesh.
 */
import type * as pulumi from "@pulumi/pulumi";
import { buildModelMeshNamespace } from "../index";
import type { ModelMeshNamespaceProps, NamespaceHandle } from "../index";
import { KServeComponent } from "./component";

/** Args of a {@link ModelMeshNamespace}: the core's {@link ModelMeshNamespaceProps}, `name` accepting an Input. */
export interface ModelMeshNamespaceArgs extends Omit<ModelMeshNamespaceProps, "name"> {
  /**
   * The namespace's name.
   * @default the resource name
   */
  readonly name?: pulumi.Input<string>;
}

/**
 * A Namespace with ModelMesh turned on (label `modelmesh-enabled: "true"`; on OpenShift AI 2.x also the
 * dashboard label). Define it only for namespaces the program owns; give `namespaceName` to the
 * components in it, so they wait for it.
 *
 * Registered outputs: `namespaceName`, `objects`.
 *
 * @example
 * const ns = new ModelMeshNamespace("fraud-models", {}, { provider });
 * new InferenceEngine("mlserver", { ...ModelMeshRuntimes.mlserver(), namespace: ns.namespaceName }, { provider });
 */
export class ModelMeshNamespace extends KServeComponent<NamespaceHandle> {
  /** The handle (Output leaves are placeholders in it). */
  public readonly namespaceHandle: NamespaceHandle;
  /** The namespace's name, known once the Namespace is created (components given it wait for it). */
  public readonly namespaceName: pulumi.Output<string>;

  constructor(name: string, args: ModelMeshNamespaceArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:ModelMeshNamespace", name, args, opts, buildModelMeshNamespace);
    this.namespaceHandle = this.handle;
    const namespace = this.resourceOfKind("Namespace") as { metadata?: pulumi.Output<{ name: string }> } | undefined;
    this.namespaceName = namespace?.metadata !== undefined ? namespace.metadata.apply((m) => m.name) : this.resolvedHandle.apply((h) => h.name);
    this.registerAll({ namespaceName: this.namespaceName });
  }
}
