import { test } from "node:test";
import assert from "node:assert/strict";
import { journaledHeaders } from "../../../src/journal/entry.js";
import { harEntry } from "../../../src/journal/har.js";
import { CUT_MARK } from "../../../src/journal/journal.js";
import { compare, DEFAULT_IGNORED, diffJson, gatewayCalls, showPath } from "../../../supervisor/cli/replay.js";
import { assertValidHar } from "../../helpers/har.js";
import { harLog } from "../../../src/journal/har.js";
test("the journal keeps a few headers, Authorization masked whatever it holds", () => {
  const h = (v) => journaledHeaders(v);
  assert.deepEqual(h({ authorization: "Bearer abc", accept: "*/*", cookie: "x=1" }), { accept: "*/*", authorization: "***" });
  for (const raw of ["abc", "secret123 ", "secret123 more", "basic   zzz"]) assert.equal(h({ authorization: raw }).authorization, "***");
});
test("a journal entry as HAR: cut bodies said, query, a call never answered", async () => {
  const base = { id: 3, ts: "2026-11-27T10:00:01.000Z", method: "POST", path: "/api/v1/mk6/ROU2/requests", query: { a: ["1", "2"] }, source: "GW", endpoint: "requests", mk6_id: "ROU2", status: 201, duration_ms: 12.5, remote: null, sim_time: "2026-03-01T10:00:00Z" };
  const cut = harEntry({ ...base, req_body: "x".repeat(4096) + CUT_MARK, resp_body: { id: "REQ-001" } }, "http://127.0.0.1:9001/");
  assert.equal(cut.request.url, "http://127.0.0.1:9001/api/v1/mk6/ROU2/requests?a=1&a=2");
  assert.equal(cut.request.postData?._truncated, true);
  assert.equal(cut.response.content.text, '{"id":"REQ-001"}');
  assert.equal(cut.startedDateTime, "2026-11-27T10:00:00.987Z");
  const full = harEntry({ ...base, req_body: "x".repeat(4096) + CUT_MARK, full_req_body: { big: true }, resp_body: null, status: 444 }, "http://h");
  assert.equal(full.request.postData?.text, '{"big":true}');
  assert.equal(full.response.bodySize, -1);
  await assertValidHar(harLog([cut, full]));
});
test("the replay compares JSON field by field, leaves out the fields that may differ, skips calls never answered", () => {
  assert.deepEqual([...DEFAULT_IGNORED], ["created_at", "since"]);
  const out = diffJson({ a: { b: [1, 2], created_at: "x" }, c: 1 }, { a: { b: [1, 3], created_at: "y" }, d: 2 }, new Set(DEFAULT_IGNORED), [], []);
  assert.deepEqual(out.map((f) => showPath(f.path, "en")), ["a.b[1]", "c", "d"]);
  assert.equal(showPath(["sites", "8FV8CCX2w7X0", "pavailable"], "en"), 'sites["8FV8CCX2w7X0"].pavailable');
  const entry = (status, text, source = "GW") => ({ request: { url: "http://x/api/v1/mk6/ROU2/monitoring", method: "GET" }, response: { status, content: { text } }, _source: source, _mk6_id: "ROU2" });
  const calls = gatewayCalls({ log: { entries: [entry(200, "{}"), entry(444, ""), entry(504, "{}", "front"), entry(200, "{}", "MOCK")] } }, [], "en");
  assert.deepEqual(calls.map((c) => c.response.status), [200, 504]);
  assert.equal(compare(entry(200, '{"x":1}'), { status: 200, text: '{"x":1}', json: { x: 1 } }, /* @__PURE__ */ new Set(), "en"), null);
  assert.ok(compare(entry(200, '{"x":1}'), { status: 503, text: '{"x":1}', json: { x: 1 } }, /* @__PURE__ */ new Set(), "en"));
  assert.throws(() => gatewayCalls({ nope: 1 }, [], "en"), /log.entries/);
});
