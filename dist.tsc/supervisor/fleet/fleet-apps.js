export class FleetApps {
    pm;
    prefix;
    stateDir;
    constructor(pm, prefix, stateDir) {
        this.pm = pm;
        this.prefix = prefix;
        this.stateDir = stateDir;
    }
    async all() {
        return (await this.pm.list(this.prefix)).filter((p) => this.ours(p));
    }
    /** pm2's latest word (its cached list, refreshed in the background). */
    async recent() {
        return (await this.pm.listRecent(this.prefix)).filter((p) => this.ours(p));
    }
    /** Every app of that exact name: more than one is a ghost beside it. */
    async named(app) {
        return (await this.pm.list(app)).filter((p) => p.name === app);
    }
    /**
     * Deletes every app of this fleet, ghosts included, in up to three rounds while operations in
     * flight drain; stops early once pm2's daemon is gone (its workers are then ended by pid).
     */
    async deleteAll(known, drained) {
        for (let round = 0; round < 3; round++) {
            const settled = await drained();
            if (!this.pm.daemonAlive())
                return;
            const names = new Set(known);
            for (const p of await this.all().catch(() => []))
                names.add(p.name);
            await Promise.all([...names].map((name) => this.pm.delete(name).catch(() => { })));
            if (settled && (await this.all().catch(() => [])).length === 0)
                return;
        }
    }
    ours(p) {
        return !p.env.MK6_STATE_DIR || p.env.MK6_STATE_DIR === this.stateDir;
    }
}
export function groupByName(apps) {
    const out = new Map();
    for (const p of apps)
        out.set(p.name, [...(out.get(p.name) ?? []), p]);
    return out;
}
/** `run` over every item, at most `limit` at a time; results in item order. */
export async function inBatches(items, limit, run) {
    const out = new Array(items.length);
    let next = 0;
    const lane = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await run(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
    return out;
}
