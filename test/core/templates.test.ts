import { checkTemplate, substitutePlaceholders } from "kserve-constructs";

describe("placeholders", () => {
  it("substitutes the library's placeholders, with or without spaces", () => {
    expect(substitutePlaceholders("--model={{model_path}} --port={{ port }} --name={{model_name}}", { port: 8000 })).toBe(
      "--model=/mnt/models --port=8000 --name={{.Name}}",
    );
  });

  it("leaves KServe's own template forms and $(VAR) alone", () => {
    const text = '{{.Name}} {{.Namespace}} {{.Labels.modelClass}} {{index .Annotations "serving.kserve.io/x"}} $(POD_IP)';
    expect(substitutePlaceholders(text, { port: 1 })).toBe(text);
    expect(checkTemplate("args[0]", text)).toEqual([]);
  });

  it("rejects any other double-brace form with a fix listing the valid ones", () => {
    const issues = checkTemplate("spec.containers[0].args[1]", "--tp={{gpu_count}} --ip={{ worker_ip }}");
    expect(issues).toHaveLength(2);
    expect(issues[0]).toEqual({
      path: "spec.containers[0].args[1]",
      value: "--tp={{gpu_count}} --ip={{ worker_ip }}",
      rule: "runtime/template",
      message: '"{{gpu_count}}" is not a placeholder KServe substitutes; the InferenceService would fail to reconcile',
      fix: "use {{model_path}}, {{port}} or {{model_name}} (substituted by the library), or {{.Name}}, {{.Namespace}}, {{.Labels.key}}, {{.Annotations.key}}; for environment variables use $(VAR)",
    });
    expect(issues[1]?.message).toContain('"{{ worker_ip }}"');
  });

  it("rejects an unclosed action", () => {
    expect(checkTemplate("p", "--x={{.Name")[0]?.message).toBe('an unclosed "{{" makes the Go template invalid');
  });

  it("accepts single braces (JSON in an argument)", () => {
    expect(checkTemplate("p", '--config={"a": {"b": 1}}')).toEqual([]);
  });
});
