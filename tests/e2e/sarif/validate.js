// Validates SARIF files against the SARIF 2.1.0 schema, formats included.
// Usage: node validate.js NODE_MODULES FILE...
const path = require("path");
const fs = require("fs");
const modules = process.argv[2];
const Ajv = require(path.join(modules, "ajv-draft-04"));
const addFormats = require(path.join(modules, "ajv-formats"));
const schema = require(path.join(modules, "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"));

// unicodeRegExp off: the schema's `language` pattern is valid only without the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let failed = false;
for (const file of process.argv.slice(3)) {
  const log = JSON.parse(fs.readFileSync(file, "utf8"));
  if (validate(log)) {
    console.log(`${file}: valid SARIF 2.1.0 (${log.runs[0].results.length} results)`);
  } else {
    failed = true;
    console.log(`${file}: invalid`);
    for (const error of validate.errors.slice(0, 20))
      console.log(`  ${error.instancePath} ${error.message}`);
  }
}
process.exit(failed ? 1 : 0);
