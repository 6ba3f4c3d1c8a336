/**
 * Entry point for `cdk8s synth` (see cdk8s.yaml): the same app as `npm run synth`, written by cdk8s itself.
 * The marker file lets a later `npm run synth` replace the folder (it refuses folders it did not write).
 */
import { App } from "cdk8s";
import { markOutputFolder } from "kserve-constructs/cdk8s";
import build from "./platform";

const app = new App();
build(app);
app.synth();
markOutputFolder(app.outdir);
