/** Imported first by `kserve-constructs/pulumi`: one clear error when a Pulumi package is missing. */
import { requirePeers } from "../peers";

requirePeers("kserve-constructs/pulumi", ["@pulumi/pulumi", "@pulumi/kubernetes"]);
