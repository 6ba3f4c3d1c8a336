/**
 * Loads every module that declares manifest-level rules, so that `manifestRules()` lists them all: the
 * library's own (KServe webhook, Knative, pod, runtime, ModelMesh, storage, release gates) and lint's.
 */
import "../core/rules/all";
import "./rules";
