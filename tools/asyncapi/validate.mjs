// Validates AsyncAPI documents with the official parser: `node validate.mjs FILE...`.
// Prints one JSON line per diagnostic and exits 1 if any has severity "error"
// (the parser's severity 0), 2 on a usage error; 0 otherwise.
import { readFile } from "node:fs/promises";
import { Parser, DiagnosticSeverity } from "@asyncapi/parser";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs FILE...");
  process.exit(2);
}
const parser = new Parser();
let errors = 0;
for (const file of files) {
  const diagnostics = await parser.validate(await readFile(file, "utf8"), { source: file });
  for (const d of diagnostics) {
    const severity = DiagnosticSeverity[d.severity].toLowerCase();
    if (d.severity === DiagnosticSeverity.Error) errors += 1;
    console.log(JSON.stringify({ file, severity, code: d.code, path: d.path.join("."), message: d.message }));
  }
}
process.exit(errors > 0 ? 1 : 0);
