import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { openapiDocument } from "../../src/contract/openapi/document.js";
const addFormats = addFormatsModule;
const DOC_ID = "https://mk6.invalid/openapi.json";
let cached = null;
function contract() {
  if (cached) return cached;
  const doc = openapiDocument("front");
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID });
  const routes = Object.keys(doc.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
    params: (template.match(/\{/g) ?? []).length
  })).sort((a, b) => a.params - b.params);
  cached = { ajv, doc, routes };
  return cached;
}
function templateOf(path) {
  const bare = path.split("?")[0];
  return contract().routes.find((r) => r.pattern.test(bare))?.template;
}
const pointer = (...parts) => parts.map((p) => encodeURIComponent(p.replace(/~/g, "~0").replace(/\//g, "~1"))).join("/");
function checkAgainstContract(method, path, status, body, audience = "front") {
  const { ajv, doc } = contract();
  const template = templateOf(path);
  assert.ok(template, `${method} ${path}: no such path in the OpenAPI document`);
  const verb = method.toLowerCase();
  const operation = doc.paths[template][verb];
  assert.ok(operation, `${method} ${path}: no ${verb} operation on ${template} in the document`);
  if (audience === "worker") assert.ok(templateOf(path) && workerServes(template, verb), `${method} ${template} is not in a worker's document`);
  const response = operation.responses[String(status)];
  assert.ok(response, `${method} ${path} answered ${status}, not declared (declared: ${Object.keys(operation.responses).join(", ")}); body: ${JSON.stringify(body)?.slice(0, 300)}`);
  const content = response.content?.["application/json"];
  if (!content) return;
  const validate = validatorAt("paths", template, verb, "responses", String(status), "content", "application/json", "schema");
  if (!validate(body)) {
    assert.fail(`${method} ${path} ${status}: body does not match the document:
${ajv.errorsText(validate.errors, { separator: "\n" })}
body: ${JSON.stringify(body)?.slice(0, 600)}`);
  }
}
function validatorAt(...parts) {
  const { ajv } = contract();
  const ref = `${DOC_ID}#/${pointer(...parts)}`;
  return ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
}
let workerPaths = null;
function workerServes(template, verb) {
  workerPaths ??= openapiDocument("worker").paths;
  return Boolean(workerPaths[template]?.[verb]);
}
export {
  checkAgainstContract,
  contract,
  templateOf,
  validatorAt
};
