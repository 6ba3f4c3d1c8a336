/**
 * What the shared example specs need from the adapters: both the cdk8s and the Pulumi ModelStorage
 * give model locations this way.
 */
import type { ModelLocation } from "kserve-constructs";

/** A model storage, as the specs use it. */
export interface ModelSource {
  path(path: string): ModelLocation;
}
