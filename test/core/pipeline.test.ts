/**
 * The generic build pipeline (src/core/pipeline.ts): phases in order (screen, parse, resolve, rules,
 * render, handle), no render when a rule finds an error, exceptions become `internal/unexpected`, and
 * the concepts declared through it.
 */
import { z } from "zod";
import type { BuildContext } from "kserve-constructs";
import {
  Registry,
  buildAzureBlobStorage,
  buildGcsStorage,
  buildHardwareProfile,
  buildHuggingFaceStorage,
  buildInferenceEngine,
  buildInferenceService,
  buildLLMInferenceService,
  buildLLMInferenceServiceConfig,
  buildModelFleet,
  buildModelMeshNamespace,
  buildModelServing,
  buildNim,
  buildNimAccount,
  buildOciStorage,
  buildPvcStorage,
  buildS3Storage,
  buildServingRuntime,
  buildStorageConfig,
  buildUriStorage,
} from "kserve-constructs";
import type { Concept, ConceptDefinition, ConceptRule } from "../../src/core/pipeline";
import { defineConcept, runConcept, specToRender } from "../../src/core/pipeline";
import { concepts } from "../../src/core/concepts";
import type { Manifest } from "../../src/core/k8s";

interface ToyProps {
  readonly name?: string;
  readonly size?: number;
}

const toySchema: z.ZodType<ToyProps> = z.strictObject({ name: z.string().optional(), size: z.number().optional() });
const ctx: BuildContext = { where: "toy", defaultName: "toy", namespace: "models" };
const configMap = (name: string): Manifest => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "models" }, data: { a: "b" } }) as Manifest;

/** A toy concept that records each phase it runs, with what it was given. */
function toy(options: { ruleFinds?: "error" | "warning"; ruleThrows?: boolean; renderThrows?: boolean } = {}) {
  const phases: string[] = [];
  const definition: ConceptDefinition<ToyProps, { name: string; size: number }, { name: string; valid: boolean; stoppedAt: string }> = {
    name: "toy",
    screen: (given) => {
      phases.push(`screen:${JSON.stringify(given)}`);
      return [];
    },
    schema: toySchema,
    resolve: (p, c) => {
      phases.push(`resolve:${JSON.stringify(p)}`);
      return { name: p.name ?? c.defaultName, size: p.size ?? 1 };
    },
    rules: [
      {
        name: "first",
        check: (spec) => {
          phases.push(`rule first:${spec.name}:${spec.size}`);
          if (options.ruleThrows === true) throw new Error("rule broke");
          return options.ruleFinds !== undefined ? [{ path: "size", value: spec.size, rule: "toy/size", message: "too big", fix: "smaller", severity: options.ruleFinds }] : [];
        },
      },
      {
        name: "second",
        check: (_spec, props) => {
          phases.push(`rule second:${JSON.stringify(props)}`);
          return [];
        },
      },
    ],
    render: (spec) => {
      phases.push("render");
      if (options.renderThrows === true) throw new Error("render broke");
      return { manifests: [configMap(spec.name)] };
    },
    handle: ({ spec, stoppedAt, valid }, c) => {
      phases.push("handle");
      return { name: spec?.name ?? c.defaultName, valid, stoppedAt: stoppedAt ?? "(rendered)" };
    },
    fallback: (c) => ({ name: c.defaultName, valid: false, stoppedAt: "(fallback)" }),
  };
  return { phases, definition };
}

describe("the build pipeline", () => {
  test("runs screen, parse, resolve (on the parsed props), the rules in order, render, then the handle", () => {
    const { phases, definition } = toy();
    const result = runConcept(definition, { name: "a", size: 3 }, ctx);
    expect(phases).toEqual(['screen:{"name":"a","size":3}', 'resolve:{"name":"a","size":3}', "rule first:a:3", 'rule second:{"name":"a","size":3}', "render", "handle"]);
    expect(result.manifests.map((m) => m.metadata.name)).toEqual(["a"]);
    expect(result.handle).toEqual({ name: "a", valid: true, stoppedAt: "(rendered)" });
    expect(result.issues).toEqual([]);
  });

  test("props that do not fit the schema stop before resolve: props/shape, an invalid handle", () => {
    const { phases, definition } = toy();
    const result = runConcept(definition, { size: "big" } as unknown as ToyProps, ctx);
    expect(phases).toEqual(['screen:{"size":"big"}', "handle"]);
    expect(result.issues.map((i) => [i.rule, i.path, i.where])).toEqual([["props/shape", "size", "toy"]]);
    expect(result.handle).toEqual({ name: "toy", valid: false, stoppedAt: "parse" });
  });

  test("without a prepare step, undefined props go to the schema (what is missing is reported)", () => {
    const { phases, definition } = toy();
    const result = runConcept(definition, undefined as unknown as ToyProps, ctx);
    expect(phases).toEqual(["screen:undefined", "handle"]);
    expect(result.issues.map((i) => [i.rule, i.message])).toEqual([["props/shape", "required object is missing"]]);
    expect(result.handle).toEqual({ name: "toy", valid: false, stoppedAt: "parse" });
  });

  test("an entry that does not stop the render: its error is reported with the rendered rules' findings, nothing is emitted", () => {
    const { phases, definition } = toy({ ruleFinds: "error" });
    const lenient: ConceptDefinition<ToyProps, { name: string; size: number }, { name: string; valid: boolean; stoppedAt: string }> = {
      ...definition,
      rules: definition.rules.map((r) => ({ ...r, stopsRender: false })),
      renderedRules: [{ name: "manifest", check: () => [{ path: "", value: undefined, rule: "toy/manifest", message: "also wrong", fix: "fix it" }] }],
    };
    const result = runConcept(lenient, { size: 9 }, ctx);
    expect(phases).toContain("render");
    expect(result.issues.map((i) => i.rule)).toEqual(["toy/size", "toy/manifest"]);
    expect(result.manifests).toEqual([]);
    expect(result.handle).toEqual({ name: "toy", valid: false, stoppedAt: "rendered" });
  });

  test("a spec the concept cannot render stops before render, invalid without a finding", () => {
    const { phases, definition } = toy();
    const result = runConcept({ ...definition, renderable: (spec) => spec.size < 5 }, { size: 7 }, ctx);
    expect(phases).not.toContain("render");
    expect(result.issues).toEqual([]);
    expect(result.manifests).toEqual([]);
    expect(result.handle).toEqual({ name: "toy", valid: false, stoppedAt: "rules" });
  });

  test("a screen finding stops before parsing", () => {
    const { phases, definition } = toy();
    const screened: ConceptDefinition<ToyProps, { name: string; size: number }, { name: string; valid: boolean; stoppedAt: string }> = {
      ...definition,
      screen: () => [{ path: "name", value: "***", rule: "toy/screen", message: "masked", fix: "unmask" }],
    };
    const result = runConcept(screened, { name: 3 } as unknown as ToyProps, ctx);
    expect(result.issues.map((i) => i.rule)).toEqual(["toy/screen"]);
    expect(phases).toEqual(["handle"]);
    expect(result.handle).toEqual({ name: "toy", valid: false, stoppedAt: "screen" });
  });

  test("an error from a rule: every rule still runs, nothing is rendered, the handle is invalid", () => {
    const { phases, definition } = toy({ ruleFinds: "error" });
    const result = runConcept(definition, { size: 9 }, ctx);
    expect(phases).toEqual(['screen:{"size":9}', 'resolve:{"size":9}', "rule first:toy:9", 'rule second:{"size":9}', "handle"]);
    expect(result.manifests).toEqual([]);
    expect(result.issues).toEqual([{ where: "toy", path: "size", value: 9, rule: "toy/size", message: "too big", fix: "smaller", severity: "error" }]);
    expect(result.handle).toEqual({ name: "toy", valid: false, stoppedAt: "rules" });
  });

  test("an entry that does not run after errors: skipped once an error stopped the render, run after warnings", () => {
    const lenientSecond = (ruleFinds: "error" | "warning") => {
      const { phases, definition } = toy({ ruleFinds });
      const [first, second] = definition.rules as [ConceptRule<ToyProps, { name: string; size: number }>, ConceptRule<ToyProps, { name: string; size: number }>];
      return { phases, result: runConcept({ ...definition, rules: [first, { ...second, runsAfterErrors: false }] }, { size: 9 }, ctx) };
    };
    const stopped = lenientSecond("error");
    expect(stopped.phases).toEqual(['screen:{"size":9}', 'resolve:{"size":9}', "rule first:toy:9", "handle"]);
    expect(stopped.result.issues.map((i) => i.rule)).toEqual(["toy/size"]);
    expect(stopped.result.handle).toEqual({ name: "toy", valid: false, stoppedAt: "rules" });
    const warned = lenientSecond("warning");
    expect(warned.phases).toEqual(['screen:{"size":9}', 'resolve:{"size":9}', "rule first:toy:9", 'rule second:{"size":9}', "render", "handle"]);
    expect(warned.result.handle).toEqual({ name: "toy", valid: true, stoppedAt: "(rendered)" });
  });

  test("a warning from a rule does not stop the render", () => {
    const { phases, definition } = toy({ ruleFinds: "warning" });
    const result = runConcept(definition, {}, ctx);
    expect(phases).toContain("render");
    expect(result.manifests).toHaveLength(1);
    expect(result.issues.map((i) => i.severity)).toEqual(["warning"]);
    expect(result.handle.valid).toBe(true);
  });

  test("the registry claims what is rendered: a name taken by another construct invalidates the build after render", () => {
    const registry = new Registry();
    const { definition } = toy();
    expect(runConcept(definition, { name: "same" }, { ...ctx, where: "first", registry }).issues).toEqual([]);
    const second = runConcept(definition, { name: "same" }, { ...ctx, where: "second", registry });
    expect(second.manifests).toEqual([]);
    expect(second.issues.map((i) => i.where)).toEqual(["second"]);
    expect(second.handle).toEqual({ name: "same", valid: false, stoppedAt: "(rendered)" });
  });

  test.each([
    ["a rule", { ruleThrows: true }, "rule broke"],
    ["render", { renderThrows: true }, "render broke"],
  ] as const)("an exception in %s becomes internal/unexpected with the fallback handle", (_what, options, message) => {
    const { definition } = toy(options);
    const concept = defineConcept({ ...definition, name: `toy-${message}` });
    const result = concept.build({ name: "a" }, ctx);
    expect(result.issues).toEqual([expect.objectContaining({ where: "toy", path: "", rule: "internal/unexpected", message: `kserve-constructs failed unexpectedly (${message})` })]);
    expect(result.manifests).toEqual([]);
    expect(result.plan).toEqual([]);
    expect(result.handle).toEqual({ name: "toy", valid: false, stoppedAt: "(fallback)" });
  });

  test("a build through the pipeline has its emit plan", () => {
    const { definition } = toy();
    const concept = defineConcept({ ...definition, name: "toy-plan" });
    const result = concept.build({ name: "p" }, ctx);
    expect(result.plan.map((e) => [e.id, e.ownership.kind])).toEqual([["ConfigMap-p", "owned"]]);
  });

  test("prepare turns the input into props, its warnings go on; no props stops the build with an invalid handle", () => {
    const { phases, definition } = toy();
    const prepared: ConceptDefinition<ToyProps, { name: string; size: number }, { name: string; valid: boolean; stoppedAt: string }, { preset: string }> = {
      ...definition,
      prepare: (input) =>
        input.preset === "big"
          ? { props: { name: "big", size: 9 }, issues: [{ path: "preset", value: "big", rule: "toy/preset", message: "old preset", fix: "newer", severity: "warning" }] }
          : { issues: [] },
    };
    const good = runConcept(prepared, { preset: "big" }, ctx);
    expect(phases).toEqual(['screen:{"name":"big","size":9}', 'resolve:{"name":"big","size":9}', "rule first:big:9", 'rule second:{"name":"big","size":9}', "render", "handle"]);
    expect(good.issues.map((i) => [i.rule, i.severity])).toEqual([["toy/preset", "warning"]]);
    expect(good.manifests.map((m) => m.metadata.name)).toEqual(["big"]);
    phases.length = 0;
    const none = runConcept(prepared, { preset: "unknown" }, ctx);
    expect(phases).toEqual(["handle"]);
    expect(none.manifests).toEqual([]);
    expect(none.handle).toEqual({ name: "toy", valid: false, stoppedAt: "prepare" });
  });

  test("prepare: undefined leaves the input as the props; an error with props stops before render, after every rule ran; resolve sees the origin prepare found", () => {
    const { phases, definition } = toy();
    type Input = ToyProps | { preset: string };
    const origins: (string | undefined)[] = [];
    const prepared: ConceptDefinition<ToyProps, { name: string; size: number }, { name: string; valid: boolean; stoppedAt: string }, Input> = {
      ...definition,
      prepare: (input) => ("preset" in input ? { props: { name: input.preset }, issues: [{ path: "preset", value: input.preset, rule: "toy/preset", message: "wrong kind", fix: "another" }], origin: `preset ${input.preset}` } : undefined),
      resolve: (p, c, origin) => {
        origins.push(origin);
        return definition.resolve(p, c, origin);
      },
    };
    const plain = runConcept(prepared, { name: "plain" }, ctx);
    expect(plain.manifests.map((m) => m.metadata.name)).toEqual(["plain"]);
    expect(origins).toEqual([undefined]);
    phases.length = 0;
    const bad = runConcept(prepared, { preset: "p" }, ctx);
    expect(phases).toEqual(['screen:{"name":"p"}', 'resolve:{"name":"p"}', "rule first:p:1", 'rule second:{"name":"p"}', "handle"]);
    expect(origins).toEqual([undefined, "preset p"]);
    expect(bad.issues.map((i) => i.rule)).toEqual(["toy/preset"]);
    expect(bad.manifests).toEqual([]);
    expect(bad.handle).toEqual({ name: "p", valid: false, stoppedAt: "rules" });
  });

  test("rendered rules run on the rendered manifests: an error emits nothing, the handle sees what was rendered", () => {
    const { phases, definition } = toy();
    const seen: string[] = [];
    const checked: ConceptDefinition<ToyProps, { name: string; size: number }, { name: string; valid: boolean; stoppedAt: string }> = {
      ...definition,
      renderedRules: [
        {
          name: "manifest",
          check: (rendered, spec) => {
            phases.push(`rendered rule:${rendered.manifests.map((m) => m.metadata.name).join(",")}`);
            return spec.size > 5 ? [{ path: "size", value: spec.size, rule: "toy/manifest", message: "manifest too big", fix: "smaller" }] : [];
          },
        },
      ],
      handle: (outcome, c) => {
        seen.push(`${outcome.stoppedAt ?? "(emitted)"}:${outcome.rendered?.manifests.length ?? "-"}`);
        return definition.handle(outcome, c);
      },
    };
    const registry = new Registry();
    const bad = runConcept(checked, { name: "x", size: 9 }, { ...ctx, registry });
    expect(phases).toEqual(['screen:{"name":"x","size":9}', 'resolve:{"name":"x","size":9}', "rule first:x:9", 'rule second:{"name":"x","size":9}', "render", "rendered rule:x", "handle"]);
    expect(bad.manifests).toEqual([]);
    expect(bad.issues.map((i) => i.rule)).toEqual(["toy/manifest"]);
    expect(bad.handle).toEqual({ name: "x", valid: false, stoppedAt: "rendered" });
    // nothing emitted, so the name is still free
    expect(runConcept(checked, { name: "x", size: 1 }, { ...ctx, where: "other", registry }).issues).toEqual([]);
    expect(seen).toEqual(["rendered:1", "(emitted):1"]);
  });

  test("record runs once for a valid build, after the registry's claim, and never for an invalid one; it sees what was rendered", () => {
    const { definition } = toy();
    const recorded: string[] = [];
    const recording: ConceptDefinition<ToyProps, { name: string; size: number }, { name: string; valid: boolean; stoppedAt: string }> = {
      ...definition,
      record: (handle, spec, _c, rendered) => recorded.push(`${handle.name}:${spec.size}:${String(handle.valid)}:${rendered.manifests.map((m) => m.metadata.name).join(",")}`),
    };
    const registry = new Registry();
    runConcept(recording, { name: "r", size: 2 }, { ...ctx, registry });
    runConcept(recording, { name: "r", size: 3 }, { ...ctx, where: "taken", registry });
    runConcept(recording, { size: "no" } as unknown as ToyProps, { ...ctx, registry });
    expect(recorded).toEqual(["r:2:true:r"]);
  });

  test("a render that runs other builds: their issues follow the rules' findings, their claims stand, their handles reach the handle", () => {
    type Parts = readonly string[];
    const registry = new Registry();
    const composite: ConceptDefinition<ToyProps, { name: string; size: number }, { names: Parts; valid: boolean }, ToyProps, Parts> = {
      name: "composite",
      schema: toySchema,
      resolve: (p, c) => ({ name: p.name ?? c.defaultName, size: p.size ?? 1 }),
      rules: [{ name: "size", stopsRender: false, check: (spec) => (spec.size > 2 ? [{ path: "size", value: spec.size, rule: "toy/size", message: "too big", fix: "smaller", severity: "warning" }] : []) }],
      render: (spec, _p, c) => {
        const parts = Array.from({ length: spec.size }, (_, i) => `${spec.name}-${i}`);
        const manifests = parts.map(configMap);
        // the parts claim their own names, under their own construct paths
        const issues = manifests.flatMap((m) => c.registry?.claim(`${c.where}/${m.metadata.name}`, [m]) ?? []);
        return { manifests, issues, claimed: true, parts };
      },
      handle: ({ rendered, valid }) => ({ names: rendered?.parts ?? [], valid }),
      fallback: () => ({ names: [], valid: false }),
    };
    const result = runConcept(composite, { name: "c", size: 3 }, { ...ctx, registry });
    expect(result.issues.map((i) => [i.rule, i.where])).toEqual([["toy/size", "toy"]]);
    expect(result.manifests.map((m) => m.metadata.name)).toEqual(["c-0", "c-1", "c-2"]);
    expect(result.handle).toEqual({ names: ["c-0", "c-1", "c-2"], valid: true });
    // a part's name taken by another construct: its issue is the build's, nothing is emitted, the handle still lists the parts
    registry.claim("someone/else", [configMap("d-1")]);
    const clash = runConcept(composite, { name: "d", size: 2 }, { ...ctx, registry });
    expect(clash.issues.map((i) => [i.rule, i.where])).toEqual([["app/unique-name", "toy/d-1"]]);
    expect(clash.manifests).toEqual([]);
    expect(clash.handle).toEqual({ names: ["d-0", "d-1"], valid: false });
  });

  test("a concept name is declared once", () => {
    const { definition } = toy();
    defineConcept({ ...definition, name: "toy-once" });
    expect(() => defineConcept({ ...definition, name: "toy-once" })).toThrow("concept toy-once is declared twice");
  });
});

describe("the spec a build would render (specToRender)", () => {
  type Toy = ReturnType<typeof toy>["definition"];
  const concept = (definition: Toy): Concept<ToyProps, { name: string; size: number }, { name: string; valid: boolean; stoppedAt: string }> => ({ name: definition.name, definition, build: () => ({ manifests: [], issues: [], handle: definition.fallback(ctx), plan: [] }) });

  test("runs the steps before render as the build does, and renders nothing", () => {
    const { phases, definition } = toy();
    expect(specToRender(concept(definition), { name: "a", size: 3 }, ctx)).toEqual({ spec: { name: "a", size: 3 }, props: { name: "a", size: 3 } });
    expect(phases).toEqual(['screen:{"name":"a","size":3}', 'resolve:{"name":"a","size":3}', "rule first:a:3", 'rule second:{"name":"a","size":3}']);
    // a warning does not stop the render
    expect(specToRender(concept(toy({ ruleFinds: "warning" }).definition), { name: "a" }, ctx)?.spec).toEqual({ name: "a", size: 1 });
  });

  test("none when a step before render stops the build: props that do not parse, a rule's error, a spec that cannot be rendered, the props' own target", () => {
    expect(specToRender(concept(toy().definition), { size: "big" } as unknown as ToyProps, ctx)).toBeUndefined();
    expect(specToRender(concept(toy({ ruleFinds: "error" }).definition), { name: "a" }, ctx)).toBeUndefined();
    expect(specToRender(concept({ ...toy().definition, renderable: () => false }), { name: "a" }, ctx)).toBeUndefined();
    const { phases, definition } = toy();
    expect(specToRender(concept(definition), { name: "a", target: { kserveVersion: 15 } } as unknown as ToyProps, ctx)).toBeUndefined();
    expect(phases).toEqual([]);
  });

  test("a step that throws throws (the build reports it as internal/unexpected)", () => {
    expect(() => specToRender(concept(toy({ ruleThrows: true }).definition), { name: "a" }, ctx)).toThrow("rule broke");
  });
});

describe("concepts declared through the pipeline", () => {
  const byName = new Map(concepts().map((c) => [c.name, c.build]));

  test.each([
    ["hardware-profile", buildHardwareProfile],
    ["storage-s3", buildS3Storage],
    ["storage-pvc", buildPvcStorage],
    ["storage-oci", buildOciStorage],
    ["storage-hf", buildHuggingFaceStorage],
    ["storage-gcs", buildGcsStorage],
    ["storage-azure", buildAzureBlobStorage],
    ["storage-uri", buildUriStorage],
    ["storage-config", buildStorageConfig],
    ["serving-runtime", buildServingRuntime],
    ["inference-engine", buildInferenceEngine],
    ["serving", buildModelServing],
    ["modelmesh-namespace", buildModelMeshNamespace],
    ["inference-service", buildInferenceService],
    ["model-fleet", buildModelFleet],
    ["nim", buildNim],
    ["nim-account", buildNimAccount],
    ["llm-inference-service", buildLLMInferenceService],
    ["llm-inference-service-config", buildLLMInferenceServiceConfig],
  ] as const)("%s: the library's build is the concept's", (name, build) => {
    expect(byName.get(name)).toBe(build);
  });
});
