/**
 * Loads every concept declared through the pipeline (`./pipeline.ts`), so that {@link concepts} lists
 * them all.
 */
import "./hardware/build";
import "./serving/build";
import "./modelmesh/namespace";

export { concepts } from "./pipeline";
export type { AnyConcept } from "./pipeline";
