// Copies the lint command's compact CRD schemas (src/lint/schemas/*.json) into lib/ after tsc.
const fs = require("fs");
const path = require("path");
const from = path.join(__dirname, "..", "src", "lint", "schemas");
const to = path.join(__dirname, "..", "lib", "lint", "schemas");
fs.rmSync(to, { recursive: true, force: true });
fs.mkdirSync(to, { recursive: true });
for (const f of fs.readdirSync(from)) if (f.endsWith(".json")) fs.copyFileSync(path.join(from, f), path.join(to, f));
