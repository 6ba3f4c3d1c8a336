/**
 * Loads every module that declares manifest-level rules, so that `manifestRules()` lists them all.
 */
import "./rules";
