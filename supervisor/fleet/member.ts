/** One MK6 of the fleet as the supervisor sees it: its spec, its pm2 app, what it knows of its process. */
import { readFileSync } from 'node:fs';
import { isRunning } from './pids.js';
import { KILL_KINDS, RESTART_KINDS } from '../../src/contract/schema/mock-control.js';
import type { Mk6Spec } from '../../src/config/fleet-file.js';
import type { ApiText } from '../../src/i18n/api-messages.js';
import { setMk6Clock, type Mk6Clock } from '../../src/domain/mk6-clock.js';

export type MemberStatus = 'starting' | 'online' | 'stopped' | 'errored';

/** The kinds of a kill (`refused` stops the process) and of a restart: one list, in the schema. */
export const OUTAGE_KINDS = KILL_KINDS;
export type OutageKind = (typeof OUTAGE_KINDS)[number];
export { RESTART_KINDS };
export type RestartKind = (typeof RESTART_KINDS)[number];

export interface Member {
  spec: Mk6Spec;
  /** Added by provisioning after start: removed again by /mock/reset. */
  added: boolean;
  app: string;
  status: MemberStatus;
  /** Why it is errored (e.g. a corrupt state file), shown in the inventory. */
  problem: ApiText | null;
  /** The worker's last inventory entry: its topology, shown even while it is down. */
  last: Record<string, unknown> | null;
  /** The outage a kill imposed (refused = process stopped), until a restart. */
  outage: OutageKind | null;
  /** The pid pm2 last gave: a new one means pm2 rebooted the worker behind our back. */
  pid: number | null;
  /** The MK6's own clock as its worker last said it (health, a clock call): the event log's `mk6_time`, /readyz. */
  clock: Mk6Clock | null;
}

export function newMember(spec: Mk6Spec, added: boolean, app: string): Member {
  return { spec, added, app, status: 'starting', problem: null, last: null, outage: null, pid: null, clock: null };
}

/** After /mock/reset: no outage, and the fleet file's clock from now (the fleet clock is released: fleet time is real time). */
export function afterReset(member: Member): void {
  member.outage = null; // the workers' reset lifts a blackhole or reset
  member.clock = setMk6Clock(member.spec.clock ?? null, Date.now());
}

/**
 * Ends the workers of a fleet whose pm2 daemon is gone (killed, crashed): nobody else will.
 * Each is ended by the pid it last reported, and only if that process is still this MK6's
 * worker of this state dir (its environment says so): a pid the system gave to another
 * process since is left alone. SIGTERM first (a worker closes its state file), SIGKILL after.
 */
export async function stopOrphans(members: Iterable<Member>, stateDir: string, graceMs = 3000): Promise<number[]> {
  const ours = [...members].filter((m) => m.pid !== null && isWorkerOf(m.pid, m.spec.id, stateDir)).map((m) => m.pid as number);
  for (const pid of ours) signal(pid, 'SIGTERM');
  for (const until = Date.now() + graceMs; ours.some(isRunning) && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
  for (const pid of ours.filter(isRunning)) signal(pid, 'SIGKILL');
  return ours;
}

function isWorkerOf(pid: number, id: string, stateDir: string): boolean {
  try {
    const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    return env.includes(`MK6_ID=${id}`) && env.includes(`MK6_STATE_DIR=${stateDir}`);
  } catch {
    return false; // gone, or not ours to read
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}
