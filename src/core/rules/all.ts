/**
 * Loads every rule module of the library, so that {@link ruleCatalogue} and {@link manifestRules} list the
 * whole catalogue (for `lint`, the docs generator and the catalogue tests). Importing the library's
 * builds loads them too; this module only makes the set explicit.
 *
 * The runtime presets' rules (`src/presets/rules.ts`, `preset/*`) are not loaded here: the presets build
 * on the core, so the core does not import them. They load with the presets (the package entry point).
 */
import "../kubernetes/rules";
import "../pod/rules";
import "../target/rules";
import "../storage/rules";
import "../runtime/rules";
import "../modelmesh/rules";
import "../service/rules";
import "../engine/rules";
import "../hardware/rules";
import "../nim/rules";
import "../storageconfig/rules";
import "../gitops";
import "../readiness";
import "../llm/rules";
import "./common";
import "../schema";
import "../references";
import "../serving/rules";
import "../fleet/rules";

export { manifestRules, ruleCatalogue, ruleMeta, runRules } from "./registry";
