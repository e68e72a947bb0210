import { errors } from '../../src/contract/errors.js';
import { parseTimelineText, TimelineError } from '../../src/config/timeline-file.js';
import { ChaosError, chaosOptions, generateChaos } from '../../src/chaos/generate.js';
import { readTextBody } from '../../src/shared/text-body.js';
export function chaosHandlers(fleet) {
    return {
        loadChaos: async (ctx) => {
            let text;
            let seed = null;
            let source = 'POST /mock/chaos';
            if (ctx.request.is('json')) {
                try {
                    const options = chaosOptions(asOptions(ctx.request.body));
                    text = generateChaos(chaosFleet(fleet.fleet), options).text;
                    seed = options.seed;
                    source = text.split('\n', 1)[0].replace(/^# /, '');
                }
                catch (err) {
                    if (err instanceof ChaosError)
                        throw errors.badRequest(err.text);
                    throw err;
                }
            }
            else
                text = await readTextBody(ctx);
            let events;
            try {
                events = parseTimelineText(text, 'chaos');
            }
            catch (err) {
                throw err instanceof TimelineError ? err.toMk6Error() : err;
            }
            await fleet.timeline.load(events, source);
            ctx.body = { seed, yaml: text, timeline: fleet.timeline.view() };
        },
    };
}
/** The fleet file's MK6s and sites, as the generator draws on them (the CLI reads the same file). */
export function chaosFleet(file) {
    return { name: file.name, mk6: file.mk6.map((m) => ({ id: m.id, sites: m.sites.map((s) => ({ sycode: s.sycode, pmax_kw: s.pmax_kw })) })) };
}
function asOptions(body) {
    const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {});
    const s = (v) => (v === undefined ? undefined : String(v));
    return { seed: b.seed, from: s(b.from), to: s(b.to), date: s(b.date), targets: s(b.targets), intensity: s(b.intensity), faults: Array.isArray(b.faults) ? b.faults.map(String) : typeof b.faults === 'string' ? b.faults.split(',') : undefined };
}
