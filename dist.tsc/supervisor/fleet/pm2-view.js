/** Calls `respawned` for a worker pm2 rebooted behind our back (a new pid while we thought it online). */
export function readPm2View(members, byApp, busy, respawned) {
    for (const m of members) {
        if (busy(m))
            continue;
        const p = byApp.get(m.app);
        if (!p)
            m.status = m.status === 'errored' ? 'errored' : 'stopped';
        else if (p.status === 'online') {
            if (m.status === 'online' && m.pid !== null && p.pid !== null && p.pid !== m.pid)
                respawned(m, m.pid, p.pid);
            m.status = 'online';
        }
        else if (p.status === 'stopped' || p.status === 'stopping')
            m.status = m.problem ? 'errored' : 'stopped';
        else if (p.status === 'errored')
            m.status = 'errored';
    }
}
