/**
 * Entry point for `cdk8s synth` (see cdk8s.yaml): the same app as `npm run synth`, written by cdk8s itself.
 */
import { App } from "cdk8s";
import build from "./platform";

const app = new App();
build(app);
app.synth();
