/**
 * pm2's word on each member's process, read into the member's status: what pm2 says wins, except
 * for an MK6 whose queue is busy (the operation in progress owns its status).
 */
import type { Member } from './member.js';
import type { AppStatus } from './process-manager.js';

/** Calls `respawned` for a worker pm2 rebooted behind our back (a new pid while we thought it online). */
export function readPm2View(members: Iterable<Member>, byApp: Map<string, AppStatus>, busy: (m: Member) => boolean, respawned: (m: Member, oldPid: number, newPid: number) => void): void {
  for (const m of members) {
    if (busy(m)) continue;
    const p = byApp.get(m.app);
    if (!p) m.status = m.status === 'errored' ? 'errored' : 'stopped';
    else if (p.status === 'online') {
      if (m.status === 'online' && m.pid !== null && p.pid !== null && p.pid !== m.pid) respawned(m, m.pid, p.pid);
      m.status = 'online';
    } else if (p.status === 'stopped' || p.status === 'stopping') m.status = m.problem ? 'errored' : 'stopped';
    else if (p.status === 'errored') m.status = 'errored';
  }
}
