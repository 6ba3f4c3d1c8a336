/**
 * Images that run as root: `imageUser` on engines, and the warning for imported engines that do not
 * declare it on upstream Kubernetes targets (rule engine/image-user).
 */
import { buildInferenceEngine, gpuStackPreset, chariotPreset, ruleMeta } from "kserve-constructs";
import type { BuildContext, Manifest, TargetProps } from "kserve-constructs";
import { engineProps } from "../support/fixtures";
import * as gpustack from "../../examples/specs/gpustack-backends";

const ctx = (target?: TargetProps): BuildContext => ({ where: "app/engine", defaultName: "engine", namespace: "models", ...(target !== undefined ? { target } : {}) });
const securityOf = (m: Manifest | undefined): Record<string, unknown> => ((m?.spec as { containers: { securityContext: Record<string, unknown> }[] }).containers[0]?.securityContext ?? {});
const hardening = { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } };

describe("engine/image-user", () => {
  it("warns for an imported engine without imageUser on upstream Kubernetes, naming the prop", () => {
    const result = buildInferenceEngine(gpuStackPreset(gpustack.tensorRtLlm), ctx());
    expect(result.issues).toEqual([
      {
        where: "app/engine",
        path: "imageUser",
        value: undefined,
        rule: "engine/image-user",
        message: "the user the imported engine's image runs as is not declared, and runAsNonRoot: true makes the kubelet refuse to start it if it runs as root",
        fix: 'set imageUser: "root" for an image that runs as root, or imageUser: <uid> for one that runs as a non-root user',
        severity: "warning",
      },
    ]);
    expect(result.manifests).toHaveLength(1);
    expect(securityOf(result.manifests[0])).toEqual({ ...hardening, runAsNonRoot: true });
    expect(ruleMeta("engine/image-user")).toMatchObject({ severity: "warning", on: "props" });
    expect(buildInferenceEngine(chariotPreset({ name: "e", version: "1", container_image_cpu: "r/e:1" }), ctx()).issues.map((i) => i.rule)).toEqual(["engine/image-user"]);
  });

  it("does not warn on OpenShift AI, with a declaration, with security settings, or for hand-written engines", () => {
    expect(buildInferenceEngine(gpuStackPreset(gpustack.tensorRtLlm), ctx({ openshiftAI: true })).issues).toEqual([]);
    expect(buildInferenceEngine(gpuStackPreset(gpustack.tensorRtLlm, { imageUser: "root" }), ctx()).issues).toEqual([]);
    expect(buildInferenceEngine(gpuStackPreset(gpustack.tensorRtLlm, { security: { runAsUser: 1001 } }), ctx()).issues).toEqual([]);
    expect(buildInferenceEngine(gpuStackPreset(gpustack.tensorRtLlm, { security: { runAsNonRoot: false } }), ctx()).issues).toEqual([]);
    expect(buildInferenceEngine(engineProps(), ctx()).issues).toEqual([]);
  });
});

describe("imageUser", () => {
  it('"root" (or 0) drops runAsNonRoot on upstream Kubernetes and keeps the rest of the hardening', () => {
    expect(securityOf(buildInferenceEngine(engineProps({ imageUser: "root" }), ctx()).manifests[0])).toEqual(hardening);
    expect(securityOf(buildInferenceEngine(engineProps({ imageUser: 0 }), ctx()).manifests[0])).toEqual(hardening);
  });

  it("a uid sets runAsUser on upstream Kubernetes, unless security gives one", () => {
    expect(securityOf(buildInferenceEngine(engineProps({ imageUser: 1001 }), ctx()).manifests[0])).toEqual({ ...hardening, runAsNonRoot: true, runAsUser: 1001 });
    expect(securityOf(buildInferenceEngine(engineProps({ imageUser: 1001, security: { runAsUser: 2000 } }), ctx()).manifests[0])).toEqual({ ...hardening, runAsNonRoot: true, runAsUser: 2000 });
  });

  it("changes nothing on OpenShift AI (the restricted SCC assigns the user)", () => {
    for (const imageUser of ["root", 1001] as const) {
      expect(securityOf(buildInferenceEngine(engineProps({ imageUser }), ctx({ openshiftAI: true })).manifests[0])).toEqual({ ...hardening, runAsNonRoot: true });
    }
  });

  it("is a uid or \"root\"", () => {
    const result = buildInferenceEngine(engineProps({ imageUser: -1 }), ctx());
    expect(result.issues.map((i) => [i.rule, i.path])).toEqual([["props/shape", "imageUser"]]);
  });
});
