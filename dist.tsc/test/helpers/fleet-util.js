import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { call } from "./fleet.js";
import { send } from "./http.js";
const iso = (day, hhmm) => `2026-03-${day}T${hhmm}:00Z`;
const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
function assertError(res, status, code, details) {
  assert.equal(res.status, status, `expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  assert.equal(res.body.error, code);
  assert.equal(res.body.code, status);
  assert.equal(typeof res.body.message, "string");
  assert.equal(typeof res.body.details, "object");
  if (details) for (const [k, v] of Object.entries(details)) assert.deepEqual(res.body.details[k], v, `details.${k}`);
}
function pick(obj, ...keys) {
  assert.ok(obj && typeof obj === "object", `an object is expected, got ${JSON.stringify(obj)}`);
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}
async function ok(base, method, path, body, status = 200, headers) {
  const res = await call(base, method, path, body, headers);
  assert.equal(res.status, status, `${method} ${base}${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function inventory(front) {
  const inv = await ok(front, "GET", "/mock/mk6");
  assert.equal(inv.count, inv.mk6.length);
  return Object.fromEntries(inv.mk6.map((m) => [m.mk6_id, m]));
}
async function assertRefused(url) {
  await assert.rejects(send(url, "GET", ""), (err) => {
    assert.equal(err.cause?.code, "ECONNREFUSED", String(err.cause ?? err));
    return true;
  });
}
function gone(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === "ESRCH";
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\)\s*/, "").startsWith("Z");
  } catch {
    return true;
  }
}
const PM2_BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../../node_modules/pm2/bin/pm2");
function pm2(home, ...args) {
  return execFileSync(process.execPath, [PM2_BIN, ...args], { env: { ...process.env, PM2_HOME: home }, encoding: "utf8" });
}
function pm2Apps(home) {
  const out = pm2(home, "jlist");
  return JSON.parse(out.slice(out.indexOf("["))).map((a) => ({ name: a.name, pid: a.pid, status: a.pm2_env?.status }));
}
async function scheduleTwo(base, id, sycode) {
  const day = (hhmm) => iso("01", hhmm);
  const a = await ok(base, "POST", `/api/v1/mk6/${id}/requests`, { set: "Psetpoint", site: sycode, psetpoint: 4e3, start_time: day("12:00"), end_time: day("14:00") }, 201);
  const b = await ok(base, "POST", `/api/v1/mk6/${id}/requests`, { set: "stop", site: sycode, start_time: day("15:00"), end_time: day("16:00") }, 201);
  assert.deepEqual([a.id, b.id], ["REQ-001", "REQ-002"]);
  return (await ok(base, "GET", `/api/v1/mk6/${id}/planning`)).planning;
}
export {
  ISO_Z,
  assertError,
  assertRefused,
  gone,
  inventory,
  iso,
  ok,
  pick,
  pm2,
  pm2Apps,
  scheduleTwo
};
