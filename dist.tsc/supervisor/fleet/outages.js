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
import { ExternalProcesses } from './external-processes.js';
export async function killWorker(ctx, member, kind) {
    if (kind === 'refused') {
        await ctx.pm.stop(member.app);
        member.status = 'stopped';
        member.pid = null;
    }
    else {
        if (member.status !== 'online')
            throw errors.mk6Unreachable(member.spec.id, member.status);
        const res = await requestJson(`${ctx.launcher.url(member)}/_worker/outage`, { method: 'POST', body: { kind } });
        if (res.status !== 200)
            throw errors.mk6Unreachable(member.spec.id, `outage: ${res.status}`);
    }
    member.outage = kind;
    ctx.events.record('kill', member.spec.id, { kind });
}
export async function restartWorker(ctx, member, kind) {
    member.status = 'starting';
    const marker = powerCutMarker(ctx.stateDir, member.spec.id);
    if (ctx.pm instanceof ExternalProcesses)
        return restartExternal(ctx, ctx.pm, member, kind);
    if (kind === 'cold')
        writeFileSync(marker, new Date().toISOString() + '\n');
    const apps = await ctx.apps.named(member.app);
    let problem;
    try {
        if (apps.length === 1) {
            await ctx.pm.restart(member.app);
            problem = await ctx.launcher.waitReady(member);
        }
        else {
            problem = await ctx.launcher.bringUp(member, apps); // no app (deleted from outside), or a ghost beside it
        }
    }
    catch (err) {
        if (kind === 'cold')
            rmSync(marker, { force: true }); // not restarted: no power cut for a later start
        throw err;
    }
    member.outage = null;
    ctx.events.record('restart', member.spec.id, { kind, problem: problem?.('en') ?? null }); // the event log is machine text: English
    if (problem)
        throw errors.mk6Unreachable(member.spec.id, problem);
}
/** The external engine's worker reopens its listener itself (cold: its planning dropped): no power-cut marker, its state dir is its own. */
async function restartExternal(ctx, pm, member, kind) {
    await pm.reopen(member.app, kind);
    const problem = await ctx.launcher.waitReady(member);
    member.outage = null;
    ctx.events.record('restart', member.spec.id, { kind, problem: problem?.('en') ?? null }); // the event log is machine text: English
    if (problem)
        throw errors.mk6Unreachable(member.spec.id, problem);
}
