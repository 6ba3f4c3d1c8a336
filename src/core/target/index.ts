export * from "./props";
export * from "./version";
export * from "./features";
export * from "./resolve";
export * from "./name";
export { assertTargetProps, checkTargetProps, resolveTarget } from "./rules";
