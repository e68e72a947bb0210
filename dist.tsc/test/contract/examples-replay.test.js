import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openapiDocument } from "../../src/contract/openapi/document.js";
import { checkAgainstContract } from "../helpers/contract.js";
import { call, startFleet } from "../helpers/fleet-app.js";
const VERBS = ["get", "post", "patch", "delete"];
function examplesInPathOrder(doc) {
  const out = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const verb of Object.keys(item).filter((k) => VERBS.includes(k))) {
      const op = item[verb];
      let path = template;
      const query = [];
      for (const p of op.parameters ?? []) {
        if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
        else if (p.in === "query" && p.example !== void 0) query.push(`${p.name}=${encodeURIComponent(String(p.example))}`);
      }
      if (query.length) path += `?${query.join("&")}`;
      const success = Math.min(...Object.keys(op.responses).map(Number).filter((s) => s < 300));
      const examples = Object.entries(op.requestBody?.content?.["application/json"]?.examples ?? {});
      if (examples.length === 0) out.push({ method: verb.toUpperCase(), path, label: op.operationId, status: success });
      for (const [name, ex] of examples) out.push({ method: verb.toUpperCase(), path, label: `${op.operationId} ${name}`, body: ex.value, status: ex["x-status"] });
    }
  }
  return out;
}
let fleet;
before(async () => {
  fleet = await startFleet();
});
after(() => fleet?.stop());
test("every example of the document, replayed in path order against a fresh fleet on the real clock, answers its own status with a body of its schema", async () => {
  const replays = examplesInPathOrder(openapiDocument("front"));
  assert.ok(replays.length >= 55, `only ${replays.length} calls`);
  assert.ok(replays.every((r) => Number.isInteger(r.status)), "every example declares its status");
  assert.deepEqual(
    replays.filter((r) => r.label.startsWith("postRequest ")).map((r) => `${r.label} ${r.status}`),
    ["postRequest psetpoint 201", "postRequest stop_by_name 201", "postRequest with_extra 201", "postRequest main_reset 200"],
    "each example of POST \u2026/requests has its own status"
  );
  const clock = await call(fleet.url, "GET", "/supervision/api/time");
  assert.equal(clock.body.source, "system", "the fleet starts on the real clock");
  const wrong = [];
  for (const r of replays) {
    const res = await call(fleet.url, r.method, r.path, r.body);
    checkAgainstContract(r.method, r.path, res.status, res.body);
    if (res.status !== r.status) wrong.push(`${r.label}: ${r.method} ${r.path} \u2192 ${res.status} (example says ${r.status}) ${JSON.stringify(res.body)?.slice(0, 200)}`);
  }
  assert.deepEqual(wrong, [], "every example answers the status it declares");
  assert.equal(replays.filter((r) => r.method === "POST" && r.path.endsWith("/kill")).length, 1, "the fleet was killed and restarted along the way");
});
test("on the real clock alone (the clock examples left out), the examples still answer their own statuses: their instants are ahead of now", async () => {
  await call(fleet.url, "POST", "/mock/reset");
  const replays = examplesInPathOrder(openapiDocument("front")).filter((r) => !r.path.startsWith("/mock/time"));
  const wrong = [];
  for (const r of replays) {
    const res = await call(fleet.url, r.method, r.path, r.body);
    checkAgainstContract(r.method, r.path, res.status, res.body);
    if (res.status !== r.status) wrong.push(`${r.label}: ${r.method} ${r.path} \u2192 ${res.status} (example says ${r.status}) ${JSON.stringify(res.body)?.slice(0, 200)}`);
  }
  assert.deepEqual(wrong, [], "every example answers the status it declares");
});
export {
  examplesInPathOrder
};
