/**
 * `kserve-constructs lint PATH...`: runs the library's manifest rules and strict CRD validation on YAML
 * it did not write (hand-written, vendor templates, Helm or kustomize output).
 *
 * Exit codes: 0 no error, 1 errors found (warnings too with --warnings-as-errors), 2 usage or input errors.
 */
import { parseArgs } from "node:util";
import type { LintFormat } from "../lint/format";
import { formatReport, formatSummary } from "../lint/format";
import { lint, LintOptionsError } from "../lint/lint";
import { readSources } from "../lint/files";
import { readCrds } from "../lint/schema/validate";
import type { CrdSchema } from "../lint/schema/convert";
import { parseTargetName, TARGET_NAME_FORMS } from "../core/target/name";
import type { TargetProps } from "../core/target/props";

/** The help text of `lint`. */
export const LINT_HELP = `usage: kserve-constructs lint [options] PATH...

Checks Kubernetes YAML or JSON (files, folders searched for *.yaml, *.yml and *.json, or - for stdin;
multi-document streams such as helm template or kustomize build output) with the rules kserve-constructs
applies at synth time, and validates InferenceService, ServingRuntime, ClusterServingRuntime,
LLMInferenceService(Config), NIMService, NIMCache, NIM Account and HardwareProfile strictly against the
target's CRDs, and Secret, ConfigMap, ServiceAccount, PersistentVolumeClaim, Service and Namespace against
the Kubernetes API (unknown fields are errors).

options:
  --target NAME           the cluster: ${TARGET_NAME_FORMS} (default: the library's default target)
  --knative-feature FLAG  a Knative feature flag enabled on the cluster (repeatable)
  --modelmesh             the cluster runs ModelMesh Serving
  --kubernetes-version V  the cluster's Kubernetes version, e.g. 1.33 (env var names follow its API server's rules;
                          default: unknown, so the rules every supported version accepts)
  --assume-runtime NAME   a ServingRuntime or ClusterServingRuntime that exists on the cluster (repeatable)
  --assume-secret NAME    a Secret that exists on the cluster though the input lacks it (NAME or NS/NAME;
                          made by sealed secrets, External Secrets, Vault or by hand; repeatable)
  --assume KIND/[NS/]NAME another object that exists on the cluster, e.g. ServiceAccount/models/sa (repeatable)
  --crds PATH             a CRD file or folder that adds to or overrides the shipped schemas (repeatable)
  --ignore RULE           do not report this rule id (repeatable, or comma-separated; counted in the summary)
  --format FORMAT         text (default), json or sarif (SARIF 2.1.0 for code scanning)
  --warnings-as-errors    exit 1 on warnings too
  -h, --help              this help

An object suppresses rules for itself with the annotation kserve-constructs.io/ignore: "rule-id,rule-id".
exit codes: 0 no error, 1 errors found, 2 usage or input error
`;

/** Where the command writes. */
export interface LintIo {
  /** Standard output. */
  readonly stdout: (text: string) => void;
  /** Standard error. */
  readonly stderr: (text: string) => void;
  /**
   * Reads standard input (for `-`).
   * @default reads file descriptor 0
   */
  readonly stdin?: () => string;
}

const defaultIo: LintIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

function list(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}

/** Runs `lint` with command-line arguments (after the word `lint`); returns the exit code. */
export function lintCommand(argv: readonly string[], io: LintIo = defaultIo): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${LINT_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(LINT_HELP);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr(`kserve-constructs lint: give at least one PATH (or - for stdin)\n\n${LINT_HELP}`);
    return 2;
  }
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json" && format !== "sarif") {
    io.stderr(`--format ${format}: use text, json or sarif\n`);
    return 2;
  }
  const assume = list(values.assume);
  const assumeSecrets = list(values["assume-secret"]);
  const badSecret = assumeSecrets.find((a) => !/^([a-z0-9.-]+\/)?[a-z0-9.-]+$/.test(a));
  if (badSecret !== undefined) {
    io.stderr(`--assume-secret ${badSecret}: use NAME or NAMESPACE/NAME, e.g. models/minio-credentials\n`);
    return 2;
  }
  const badAssume = assume.find((a) => !/^[A-Za-z]+\/([a-z0-9.-]+\/)?[a-z0-9.-]+$/.test(a));
  if (badAssume !== undefined) {
    io.stderr(`--assume ${badAssume}: use KIND/NAME or KIND/NAMESPACE/NAME, e.g. ServiceAccount/models/storage-sa\n`);
    return 2;
  }
  try {
    const crds: CrdSchema[] = [];
    for (const location of values.crds ?? []) crds.push(...readCrds(location));
    const sources = readSources(positionals, io.stdin);
    const knativeFeatures = list(values["knative-feature"]);
    const kubernetesVersion = values["kubernetes-version"];
    if (kubernetesVersion !== undefined && !/^\d+\.\d+(\.\d+)?$/.test(kubernetesVersion)) throw new LintOptionsError(`--kubernetes-version ${JSON.stringify(kubernetesVersion)}: not a version; use major.minor, e.g. 1.33`);
    const extra: TargetProps = {
      ...(knativeFeatures.length > 0 ? { knativeFeatures } : {}),
      ...(values.modelmesh === true ? { modelMesh: true } : {}),
      ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}),
    };
    let target: string | TargetProps | undefined = values.target;
    if (Object.keys(extra).length > 0) {
      const base = values.target === undefined ? { props: {}, issues: [] } : parseTargetName(values.target);
      if (base.issues.length > 0) throw new LintOptionsError(`--target ${JSON.stringify(values.target)}: not a target name; use ${TARGET_NAME_FORMS}`);
      target = { ...base.props, ...extra };
    }
    const report = lint(sources, {
      ...(target !== undefined ? { target } : {}),
      assumeRuntimes: list(values["assume-runtime"]),
      assumeSecrets,
      assume,
      ignore: list(values.ignore),
      crds,
      warningsAsErrors: values["warnings-as-errors"] === true,
    });
    io.stdout(formatReport(report, format as LintFormat));
    if (format !== "text") io.stderr(`${formatSummary(report)}\n`);
    return report.exitCode;
  } catch (error) {
    io.stderr(`kserve-constructs lint: ${(error as Error).message}\n`);
    return 2;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      target: { type: "string" },
      "knative-feature": { type: "string", multiple: true },
      modelmesh: { type: "boolean" },
      "kubernetes-version": { type: "string" },
      "assume-runtime": { type: "string", multiple: true },
      "assume-secret": { type: "string", multiple: true },
      assume: { type: "string", multiple: true },
      crds: { type: "string", multiple: true },
      ignore: { type: "string", multiple: true },
      format: { type: "string" },
      "warnings-as-errors": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

if (require.main === module) process.exitCode = lintCommand(process.argv.slice(2));
