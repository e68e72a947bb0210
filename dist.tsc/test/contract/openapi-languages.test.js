import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openapiDocument } from "../../src/contract/openapi/document.js";
const SENTENCES = ["post /mock/time/release", "post /supervision/mode", "post /mock/reset", "delete /api/v1/debug/requests"];
describe("OpenAPI: Accept-Language and Content-Language", () => {
  for (const audience of ["front", "worker"]) {
    it(`${audience}: every operation takes Accept-Language; every error answer and every sentence says Content-Language`, () => {
      const doc = openapiDocument(audience, "ROU2");
      assert.equal(doc.components.parameters.AcceptLanguage.in, "header");
      assert.deepEqual(doc.components.headers.ContentLanguage.schema.enum, ["fr", "en"]);
      let operations = 0;
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          operations++;
          assert.ok(op.parameters.some((p) => p.$ref === "#/components/parameters/AcceptLanguage"), `${method} ${path}`);
          for (const [status, answer] of Object.entries(op.responses)) {
            const error = answer.content?.["application/json"]?.schema?.$ref === "#/components/schemas/Error";
            const sentence = SENTENCES.includes(`${method} ${path}`) && status === "200";
            if (error || sentence) assert.ok(answer.headers?.["Content-Language"], `${method} ${path} ${status}`);
          }
        }
      }
      assert.ok(operations > 10);
    });
  }
});
