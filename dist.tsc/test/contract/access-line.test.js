import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createLogger, logRequestLine } from "../../src/shared/log.js";
const withoutTime = (line) => line.replace(/"time":\d+,/, "");
describe("the access log line", () => {
  it("is the line pino writes, for any path, id and base fields", () => {
    fc.assert(
      fc.property(
        fc.record({ req_id: fc.string(), method: fc.constantFrom("GET", "POST", "DELETE"), path: fc.string({ unit: "binary" }), status: fc.integer({ min: 100, max: 599 }), duration_ms: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
        fc.string({ unit: "grapheme" }),
        (fields, mk6Id) => {
          const lines = [];
          const logger = createLogger({ level: "info", destination: { write: (l) => lines.push(l) }, base: { mk6_id: mk6Id } });
          logRequestLine(logger, "info", fields);
          logger.info(fields, "request");
          assert.equal(lines.length, 2);
          assert.equal(withoutTime(lines[0]), withoutTime(lines[1]));
          assert.deepEqual(JSON.parse(lines[0]).path, fields.path);
        }
      ),
      { numRuns: 500 }
    );
  });
  it("leaves other levels to pino", () => {
    const lines = [];
    const logger = createLogger({ level: "debug", destination: { write: (l) => lines.push(l) } });
    logRequestLine(logger, "error", { req_id: "r", method: "GET", path: "/x", status: 500, duration_ms: 1 });
    logRequestLine(logger, "debug", { req_id: "r", method: "GET", path: "/_worker/health", status: 200, duration_ms: 1 });
    assert.deepEqual(lines.map((l) => JSON.parse(l).level), [50, 20]);
  });
});
