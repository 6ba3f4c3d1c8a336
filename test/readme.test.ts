/**
 * The README's worked example runs as written, and the InferenceService YAML it shows is what it writes.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseAllDocuments } from "yaml";

const root = path.resolve(__dirname, "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

function block(after: string, lang: string): string {
  const start = readme.indexOf(after);
  const open = readme.indexOf("```" + lang + "\n", start);
  const close = readme.indexOf("\n```", open + 4);
  if (start < 0 || open < 0 || close < 0) throw new Error(`no ${lang} block after "${after}"`);
  return readme.slice(open + lang.length + 4, close + 1);
}

describe("README", () => {
  it("the worked example synthesizes the InferenceService it shows", () => {
    const code = block("## Worked example (cdk8s)", "ts");
    const shown = block("The InferenceService it writes:", "yaml");
    const file = path.join(root, "test", ".readme-example.ts");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kc-readme-"));
    fs.writeFileSync(file, code);
    try {
      execFileSync(process.execPath, [require.resolve("tsx/cli"), file], { cwd: root, env: { ...process.env, CDK8S_OUTDIR: out }, stdio: "pipe" });
    } finally {
      fs.rmSync(file, { force: true });
    }
    const written = fs.readFileSync(path.join(out, "llm-serving.k8s.yaml"), "utf8");
    const isvc = written.split(/^---$/m).map((d) => d.replace(/^\n/, "")).find((d) => d.includes("kind: InferenceService"));
    expect(isvc).toBe(shown);
    expect(parseAllDocuments(written).length).toBe(3);
  }, 60_000);
});
