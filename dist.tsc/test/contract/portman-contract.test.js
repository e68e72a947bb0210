import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { after, before, test } from "node:test";
import { openapiDocument } from "../../src/contract/openapi/document.js";
import { startFleet } from "../helpers/fleet.js";
const require2 = createRequire(import.meta.url);
const PORTMAN = join(dirname(require2.resolve("@apideck/portman/package.json")), "bin/portman");
const newman = require2("newman");
function portmanConfig(doc) {
  const contractTests = [];
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) {
      const first = Object.values(op.requestBody?.content?.["application/json"]?.examples ?? {})[0];
      const status = first?.["x-status"] ?? Math.min(...Object.keys(op.responses).map(Number).filter((s) => s < 300));
      contractTests.push({
        openApiOperationId: op.operationId,
        openApiResponse: String(status),
        statusCode: { enabled: true },
        contentType: { enabled: true },
        jsonBody: { enabled: true },
        schemaValidation: { enabled: true }
      });
    }
  }
  return { version: 1, tests: { contractTests } };
}
let fleet;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), "mk6-portman-"));
  fleet = await startFleet();
});
after(async () => {
  await fleet?.stop();
  rmSync(dir, { recursive: true, force: true });
});
test("Portman + Newman: the collection generated from the document passes every contract test against a fresh fleet", async () => {
  const doc = openapiDocument("front");
  const file = (name, value) => {
    writeFileSync(join(dir, name), JSON.stringify(value));
    return join(dir, name);
  };
  const postmanConfig = { folderStrategy: "Paths", parametersResolution: "Example", requestParametersResolution: "Example", exampleParametersResolution: "Example", keepImplicitHeaders: true, enableOptionalParameters: true };
  const args = ["-l", file("openapi.json", doc), "-b", fleet.url, "-o", join(dir, "collection.json"), "--runNewman", "false", "--syncPostman", "false", "-c", file("portman.json", portmanConfig(doc)), "--postmanConfigFile", file("postman.json", postmanConfig)];
  await promisify(execFile)(process.execPath, [PORTMAN, ...args], { cwd: dir, timeout: 12e4 });
  const collection = JSON.parse(readFileSync(join(dir, "collection.json"), "utf8"));
  const summary = await new Promise(
    (resolve, reject) => newman.run({ collection, envVar: [{ key: "baseUrl", value: fleet.url }], reporters: [], timeoutRequest: 3e4 }, (err, s) => err ? reject(err) : resolve(s))
  );
  const failures = summary.run.failures.map((f) => `${f.source?.name}: ${f.error?.test} \u2014 ${String(f.error?.message).slice(0, 300)}`);
  assert.deepEqual(failures, [], "every contract test passes");
  const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  assert.equal(summary.run.stats.requests.total, operations, "one request per documented operation");
  assert.ok(summary.run.stats.assertions.total >= 200, `only ${summary.run.stats.assertions.total} assertions`);
});
export {
  portmanConfig
};
