import { chaosSay } from '../../src/i18n/chaos-messages.js';
import { formatNumber } from '../../src/i18n/format.js';
import { reportMessages } from '../../src/i18n/report-messages.js';
const coverageOf = (v) => v.coverage ?? {};
/** A verdict from before coverage (or a replayed old one) has no section. */
const hasCoverage = (v) => v.coverage !== undefined;
const hms = (iso) => (iso ? iso.slice(11, 19) : '…');
export function candidateLine(c, lang) {
    return `${c.mk6_id} ${c.fault} ${hms(c.from)}–${c.to === null ? chaosSay(lang).stillInForce : hms(c.to)} (${c.event_ids.map(reportMessages[lang].eventRef).join(', ')})`;
}
/** The lines under a failing check: the faults in force or just ended at its evidence. */
export function candidatesText(check, lang, indent = '          ') {
    const list = check.candidates ?? [];
    if (check.status !== 'fail' || list.length === 0)
        return [];
    return [`${indent}${chaosSay(lang).candidatesTitle}:`, ...list.map((c) => `${indent}  ${candidateLine(c, lang)}`)];
}
/** `  ROU2  kill.blackhole ×2, restart.cold ×1`, under a title. */
export function coverageText(v, lang) {
    if (!hasCoverage(v))
        return [];
    const say = chaosSay(lang);
    const cov = coverageOf(v);
    const ids = Object.keys(cov);
    if (ids.length === 0)
        return [`  ${say.coverageTitle}: ${say.coverageNone}`];
    const width = Math.max(...ids.map((id) => id.length));
    return [`  ${say.coverageTitle}:`, ...ids.map((id) => `    ${id.padEnd(width)}  ${Object.entries(cov[id]).map(([k, n]) => `${k} ×${formatNumber(lang, n)}`).join(', ')}`)];
}
const xml = (s) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);
/** `<properties>` of the testsuite: `coverage.<MK6>.<kind>` = times exercised. */
export function coverageJunit(v, indent = '    ') {
    const cov = coverageOf(v);
    const props = Object.entries(cov).flatMap(([id, kinds]) => Object.entries(kinds).map(([k, n]) => `${indent}  <property name="${xml(`coverage.${id}.${k}`)}" value="${n}"/>`));
    return props.length ? `${indent}<properties>\n${props.join('\n')}\n${indent}</properties>\n` : '';
}
const html = (s) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
/** A table: one row per MK6, one column per kind exercised that day. */
export function coverageHtml(v, lang) {
    if (!hasCoverage(v))
        return '';
    const say = chaosSay(lang);
    const cov = coverageOf(v);
    const kinds = [...new Set(Object.values(cov).flatMap((k) => Object.keys(k)))];
    if (kinds.length === 0)
        return `<h2>${html(say.coverageTitle)}</h2><p>${html(say.coverageNone)}</p>`;
    const head = `<tr><th>MK6</th>${kinds.map((k) => `<th>${html(k)}</th>`).join('')}</tr>`;
    const rows = Object.entries(cov).map(([id, n]) => `<tr><td>${html(id)}</td>${kinds.map((k) => `<td>${n[k] ?? ''}</td>`).join('')}</tr>`);
    return `<h2>${html(say.coverageTitle)}</h2>\n<table class="coverage"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
/** The faults named under a failing check's evidence, as an HTML list. */
export function candidatesHtml(check, lang) {
    const list = check.candidates ?? [];
    if (check.status !== 'fail' || list.length === 0)
        return '';
    return `<p class="candidates">${html(chaosSay(lang).candidatesTitle)}:</p><ul>${list.map((c) => `<li>${html(candidateLine(c, lang))}</li>`).join('')}</ul>`;
}
