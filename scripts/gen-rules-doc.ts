/**
 * Writes docs/rules.md from the rule registry (`npm run docs:rules`).
 * `--check` only reports whether the file is current (exit 1 when not); `--inline` prints the ids raised
 * inline without a registry entry (test/rules/catalogue.test.ts requires there be none), one a line.
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT, inlineRuleIds, renderRulesDoc } from "./rules-doc";

const file = path.join(ROOT, "docs", "rules.md");
const args = process.argv.slice(2);
if (args.includes("--inline")) {
  for (const id of inlineRuleIds().keys()) console.log(`  "${id}",`);
} else {
  const text = renderRulesDoc();
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  if (args.includes("--check")) {
    if (current !== text) {
      console.error("docs/rules.md is out of date: run npm run docs:rules");
      process.exit(1);
    }
    console.log("docs/rules.md is current");
  } else if (current === text) {
    console.log("docs/rules.md is current");
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`wrote docs/rules.md`);
  }
}
