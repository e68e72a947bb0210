/** Small shared pieces of the fleet tests: contract error checks, calls, processes. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, type Answer } from './fleet.js';
import { send } from './http.js';
import { packageRoot } from '../../src/shared/package-root.js';

export const iso = (day: string, hhmm: string) => `2026-03-${day}T${hhmm}:00Z`;
export const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Every error answer: the contract's body, and (when given) its details. */
export function assertError(res: Answer, status: number, code: string, details?: Record<string, unknown>): void {
  assert.equal(res.status, status, `expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  assert.equal(res.body.error, code);
  assert.equal(res.body.code, status);
  assert.equal(typeof res.body.message, 'string');
  assert.equal(typeof res.body.details, 'object');
  if (details) for (const [k, v] of Object.entries(details)) assert.deepEqual(res.body.details[k], v, `details.${k}`);
}

export function pick(obj: any, ...keys: string[]): Record<string, unknown> {
  assert.ok(obj && typeof obj === 'object', `an object is expected, got ${JSON.stringify(obj)}`);
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

/** A call that must answer `status` (200 unless told); its body. */
export async function ok(base: string, method: string, path: string, body?: unknown, status = 200, headers?: Record<string, string>): Promise<any> {
  const res = await call(base, method, path, body, headers);
  assert.equal(res.status, status, `${method} ${base}${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The fleet inventory (GET /mock/mk6 on the front), by MK6 id. */
export async function inventory(front: string): Promise<Record<string, any>> {
  const inv = await ok(front, 'GET', '/mock/mk6');
  assert.equal(inv.count, inv.mk6.length);
  return Object.fromEntries(inv.mk6.map((m: any) => [m.mk6_id, m]));
}

/** A connection to this URL is refused: nothing listens on that port any more. */
export async function assertRefused(url: string): Promise<void> {
  await assert.rejects(send(url, 'GET', ''), (err: any) => {
    assert.equal(err.cause?.code, 'ECONNREFUSED', String(err.cause ?? err));
    return true;
  });
}

/**
 * A process that has ended: kill(pid, 0) says ESRCH, or it is a zombie nobody reaps (the
 * init of this VM does not reap orphans; a zombie holds no port, memory or file).
 */
export function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)\s*/, '').startsWith('Z');
  } catch {
    return true;
  }
}

const PM2_BIN = join(packageRoot(import.meta.url), 'node_modules/pm2/bin/pm2');
/** The pm2 CLI on one isolated PM2_HOME (ours), as a recette engineer would run `npx pm2 …`. */
export function pm2(home: string, ...args: string[]): string {
  return execFileSync(process.execPath, [PM2_BIN, ...args], { env: { ...process.env, PM2_HOME: home }, encoding: 'utf8' });
}

/** pm2's own list of apps for that PM2_HOME (`pm2 jlist`). */
export function pm2Apps(home: string): { name: string; pid: number; status: string }[] {
  const out = pm2(home, 'jlist');
  return (JSON.parse(out.slice(out.indexOf('['))) as any[]).map((a) => ({ name: a.name, pid: a.pid, status: a.pm2_env?.status }));
}

/** Two requests on one site of an MK6 (via `base`), REQ-001 at 12–14 and REQ-002 at 15–16; its planning. */
export async function scheduleTwo(base: string, id: string, sycode: string): Promise<any[]> {
  const day = (hhmm: string) => iso('01', hhmm);
  const a = await ok(base, 'POST', `/api/v1/mk6/${id}/requests`, { set: 'Psetpoint', site: sycode, psetpoint: 4000, start_time: day('12:00'), end_time: day('14:00') }, 201);
  const b = await ok(base, 'POST', `/api/v1/mk6/${id}/requests`, { set: 'stop', site: sycode, start_time: day('15:00'), end_time: day('16:00') }, 201);
  assert.deepEqual([a.id, b.id], ['REQ-001', 'REQ-002']);
  return (await ok(base, 'GET', `/api/v1/mk6/${id}/planning`)).planning;
}
