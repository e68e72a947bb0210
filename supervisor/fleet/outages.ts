/**
 * A kill and a restart of one MK6's process, run inside its lifecycle queue by the supervisor.
 * `refused` stops the process (its port refuses); `blackhole` / `reset` keep it and ask the
 * worker to answer nothing / reset every connection, until a restart. A cold restart leaves a
 * power-cut marker the worker reads as it starts: its planning is lost.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { errors } from '../../src/contract/errors.js';
import { requestJson } from '../../src/shared/http-client.js';
import { powerCutMarker } from '../../src/worker/runtime.js';
import type { EventLog } from '../session/events.js';
import type { FleetApps } from './fleet-apps.js';
import type { WorkerLauncher } from './launcher.js';
import type { Member, OutageKind, RestartKind } from './member.js';
import { ExternalProcesses, type Engine } from './external-processes.js';
import type { ApiText } from '../../src/i18n/api-messages.js';

export interface OutageContext {
  pm: Engine;
  apps: FleetApps;
  launcher: WorkerLauncher;
  events: EventLog;
  stateDir: string;
}

export async function killWorker(ctx: OutageContext, member: Member, kind: OutageKind): Promise<void> {
  if (kind === 'refused') {
    await ctx.pm.stop(member.app);
    member.status = 'stopped';
    member.pid = null;
  } else {
    if (member.status !== 'online') throw errors.mk6Unreachable(member.spec.id, member.status);
    const res = await requestJson(`${ctx.launcher.url(member)}/_worker/outage`, { method: 'POST', body: { kind } });
    if (res.status !== 200) throw errors.mk6Unreachable(member.spec.id, `outage: ${res.status}`);
  }
  member.outage = kind;
  ctx.events.record('kill', member.spec.id, { kind });
}

export async function restartWorker(ctx: OutageContext, member: Member, kind: RestartKind): Promise<void> {
  member.status = 'starting';
  const marker = powerCutMarker(ctx.stateDir, member.spec.id);
  if (ctx.pm instanceof ExternalProcesses) return restartExternal(ctx, ctx.pm, member, kind);
  if (kind === 'cold') writeFileSync(marker, new Date().toISOString() + '\n');
  const apps = await ctx.apps.named(member.app);
  let problem: ApiText | null;
  try {
    if (apps.length === 1) {
      await ctx.pm.restart(member.app);
      problem = await ctx.launcher.waitReady(member);
    } else {
      problem = await ctx.launcher.bringUp(member, apps); // no app (deleted from outside), or a ghost beside it
    }
  } catch (err) {
    if (kind === 'cold') rmSync(marker, { force: true }); // not restarted: no power cut for a later start
    throw err;
  }
  member.outage = null;
  ctx.events.record('restart', member.spec.id, { kind, problem: problem?.('en') ?? null }); // the event log is machine text: English
  if (problem) throw errors.mk6Unreachable(member.spec.id, problem);
}

/** The external engine's worker reopens its listener itself (cold: its planning dropped): no power-cut marker, its state dir is its own. */
async function restartExternal(ctx: OutageContext, pm: ExternalProcesses, member: Member, kind: RestartKind): Promise<void> {
  await pm.reopen(member.app, kind);
  const problem = await ctx.launcher.waitReady(member);
  member.outage = null;
  ctx.events.record('restart', member.spec.id, { kind, problem: problem?.('en') ?? null }); // the event log is machine text: English
  if (problem) throw errors.mk6Unreachable(member.spec.id, problem);
}
