/** Imported first by `kserve-constructs/cdk8s`: one clear error when cdk8s or constructs is missing. */
import { requirePeers } from "../peers";

requirePeers("kserve-constructs/cdk8s", ["cdk8s", "constructs"]);
