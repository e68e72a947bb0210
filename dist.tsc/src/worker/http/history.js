import { errors } from '../../contract/errors.js';
import { formatIso, parseIsoTime } from '../../domain/time.js';
import { answerJson } from '../../shared/json-answer.js';
import { MAX_HISTORY_ROWS } from '../../contract/schema/plant.js';
import { parseDuration } from '../../contract/duration.js';
import { say } from '../../i18n/api-messages.js';
export const CSV_HEADER = 'time,sycode,state,pavailable_kw,pactive_kw,psetpoint_recu_kw,external_constraint_kw';
/** `30s`, `5m`, `1h30m`, `1d` (src/contract/duration.ts), or a number of seconds. */
export function parseStep(text) {
    return parseDuration(text, { bare: 's' }); // a bare number is seconds, as before the one grammar
}
/** The query, checked: from and to required (ISO), to >= from, step >= 1 s, rows within the cap. */
export function parseHistoryQuery(query, siteCount) {
    const one = (name) => {
        const v = query[name];
        if (Array.isArray(v))
            throw errors.badRequest(say('givenTwice', name), { field: name });
        return typeof v === 'string' && v !== '' ? v : undefined;
    };
    const time = (name) => {
        const text = one(name);
        if (text === undefined)
            throw errors.missingField(name);
        const t = parseIsoTime(text);
        if (t === null)
            throw errors.badRequest(say('fieldInvalidValue', name, JSON.stringify(text).slice(0, 80)), { field: name });
        return Math.floor(t / 1000) * 1000;
    };
    const from = time('from');
    const to = time('to');
    if (to < from)
        throw errors.invalidTimeRange(formatIso(from), formatIso(to));
    const stepText = one('step') ?? '60s';
    const stepMs = parseStep(stepText);
    if (stepMs === null)
        throw errors.badRequest(say('stepInvalid', JSON.stringify(stepText).slice(0, 40)), { field: 'step' });
    if (stepMs < 1000 || stepMs % 1000 !== 0)
        throw errors.invalidValue(say('stepWholeSeconds'), { field: 'step', min: 1 });
    const format = one('format') ?? 'json';
    if (format !== 'json' && format !== 'csv')
        throw errors.invalidValue(say('fieldInvalidAmong', 'format', `'${format.slice(0, 20)}'`, 'json|csv'), { field: 'format', allowed: ['json', 'csv'] });
    const sycode = one('sycode') ?? null;
    const rows = (Math.floor((to - from) / stepMs) + 1) * (sycode === null ? siteCount : 1);
    if (rows > MAX_HISTORY_ROWS) {
        throw errors.invalidValue(say('tooManyRows', rows, MAX_HISTORY_ROWS), { field: 'step', rows, max: MAX_HISTORY_ROWS });
    }
    return { from, to, stepMs, format, sycode };
}
/** The rows: every instant from..to (inclusive) every step, each site in the MK6's order (or the one asked). */
export function historyRows(mk6, q) {
    const sycodes = q.sycode === null ? mk6.siteList().map((s) => s.sycode) : [mk6.siteView(q.sycode, q.from).sycode];
    const rows = [];
    for (let t = q.from; t <= q.to; t += q.stepMs) {
        const time = formatIso(t);
        for (const sycode of sycodes) {
            const v = mk6.siteView(sycode, t);
            rows.push({
                time,
                sycode,
                state: v.state,
                pavailable: v.pavailable,
                pactive: v.pactive,
                psetpoint_recu: v.psetpoint_recu,
                external_constraint_kw: v.external_constraint?.value_kw ?? null,
            });
        }
    }
    return rows;
}
export function historyCsv(rows) {
    const lines = [CSV_HEADER];
    for (const r of rows)
        lines.push(`${r.time},${r.sycode},${r.state},${r.pavailable},${r.pactive},${r.psetpoint_recu},${r.external_constraint_kw ?? ''}`);
    return `${lines.join('\n')}\n`;
}
/** GET /mock/mk6/{id}/history */
export function answerHistory(ctx, mk6, mk6Id) {
    const q = parseHistoryQuery(ctx.query, mk6.siteList().length);
    const rows = historyRows(mk6, q);
    if (q.format === 'csv') {
        ctx.type = 'text/csv; charset=utf-8';
        ctx.set('Content-Disposition', `attachment; filename="${mk6Id}-history.csv"`);
        ctx.body = historyCsv(rows);
        return;
    }
    answerJson(ctx, { mk6_id: mk6Id, from: formatIso(q.from), to: formatIso(q.to), step_s: q.stepMs / 1000, count: rows.length, rows });
}
