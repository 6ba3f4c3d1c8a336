/**
 * ModelMeshNamespace: a namespace the user owns, enabled for ModelMesh.
 */
import type { ApiObject } from "cdk8s";
import { Construct } from "constructs";
import { buildModelMeshNamespace } from "../index";
import type { ModelMeshNamespaceProps, NamespaceHandle } from "../index";
import { adopt, buildContext } from "./state";

/**
 * A Namespace with ModelMesh turned on (label `modelmesh-enabled: "true"`; on OpenShift AI 2.x also the
 * dashboard label). Define it only for namespaces your app owns.
 *
 * @example new ModelMeshNamespace(chart, "ns", { name: "fraud-models" });
 */
export class ModelMeshNamespace extends Construct {
  /** The namespace's name. */
  public readonly name: string;
  /** The handle. */
  public readonly namespace: NamespaceHandle;
  /** The synthesized Namespace (empty when the props have errors). */
  public readonly apiObjects: readonly ApiObject[];
  /** The namespace's name (the same as `name`; the Pulumi component's output of that name). */
  public readonly namespaceName: string;
  /** The handle (the same as `namespace`; the Pulumi component's output of that name). */
  public readonly namespaceHandle: NamespaceHandle;

  constructor(scope: Construct, id: string, props: ModelMeshNamespaceProps = {}) {
    super(scope, id);
    const result = buildModelMeshNamespace(props, buildContext(scope, id));
    this.namespace = result.handle;
    this.name = result.handle.name;
    this.namespaceName = result.handle.name;
    this.namespaceHandle = result.handle;
    this.apiObjects = adopt(this, result);
  }
}
