/** One MK6 of the fleet as the supervisor sees it: its spec, its pm2 app, what it knows of its process. */
import { KILL_KINDS, RESTART_KINDS } from '../src/schema/mock-control.js';
import type { Mk6Spec } from './fleet-file.js';

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
  problem: string | null;
  /** The worker's last inventory entry: its topology, shown even while it is down. */
  last: Record<string, unknown> | null;
  /** The outage a kill imposed (refused = process stopped), until a restart. */
  outage: OutageKind | null;
  /** The pid pm2 last gave: a new one means pm2 rebooted the worker behind our back. */
  pid: number | null;
}

export function newMember(spec: Mk6Spec, added: boolean, app: string): Member {
  return { spec, added, app, status: 'starting', problem: null, last: null, outage: null, pid: null };
}
