/**
 * Loads every concept declared through the pipeline (`./pipeline.ts`), so that {@link concepts} lists
 * them all.
 */
import "./hardware/build";
import "./storage/build";
import "./storageconfig/build";
import "./runtime/build";
import "./engine/build";
import "./modelmesh/namespace";
import "./serving/build";
import "./service/build";
import "./fleet/build";
import "./nim/build";
import "./llm/build";

export { concepts } from "./pipeline";
export type { AnyConcept } from "./pipeline";
