import { reportMessages } from '../../src/i18n/report-messages.js';
import { candidatesHtml, candidatesText, coverageHtml, coverageJunit, coverageText } from './coverage-report.js';
export function evidenceLine(e, lang) {
    const say = reportMessages[lang];
    const ref = e.journal_id !== undefined ? say.journalRef(e.journal_id) : e.event_id !== undefined ? say.eventRef(e.event_id) : '';
    return [e.sim_time ? say.instant(e.sim_time) : '', e.mk6_id ?? '', ref, e.what].filter(Boolean).join('  ');
}
const counts = (v) => ({ name: v.name, passed: v.passed, failed: v.failed, notApplicable: v.not_applicable, entries: v.journal.entries, events: v.events });
/** The counts, the window, when it was judged. */
export const SUMMARY_SECTION = {
    text: (v, lang) => [reportMessages[lang].summary(counts(v))],
    html: (v, lang) => `<h1>${escapeHtml(v.name)}</h1>\n<p>${escapeHtml(reportMessages[lang].html.summary({ ...counts(v), from: v.window.from, to: v.window.to, evaluatedAt: v.evaluated_at }))}</p>`,
};
/** Each check: its status, id, kind and message; a failed one's evidence (10 in the terminal). */
export const CHECKS_SECTION = {
    text: (v, lang) => {
        const say = reportMessages[lang];
        const width = Math.max(...Object.values(say.status).map((s) => s.length));
        const lines = [];
        for (const c of v.checks) {
            lines.push(`  ${say.status[c.status].padEnd(width)}  ${c.id} (${c.kind}): ${c.message}`);
            if (c.status === 'fail')
                for (const e of c.evidence.slice(0, 10))
                    lines.push(`${' '.repeat(width + 6)}${evidenceLine(e, lang)}`);
            lines.push(...candidatesText(c, lang, ' '.repeat(width + 6)));
        }
        return lines;
    },
    html: (v, lang) => {
        const say = reportMessages[lang];
        const col = say.html.columns;
        const row = (c) => `<tr class="${c.status}"><td>${escapeHtml(say.status[c.status])}</td><td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.kind)}</td><td>${escapeHtml(c.message)}${c.evidence.length ? `<ul>${c.evidence.map((e) => `<li>${escapeHtml(evidenceLine(e, lang))}</li>`).join('')}</ul>` : ''}${candidatesHtml(c, lang)}</td></tr>`;
        return `<table><thead><tr><th>${escapeHtml(col.status)}</th><th>${escapeHtml(col.check)}</th><th>${escapeHtml(col.kind)}</th><th>${escapeHtml(col.message)}</th></tr></thead><tbody>
${v.checks.map(row).join('\n')}
</tbody></table>`;
    },
};
/** The faults each MK6 went through that day, per kind (./coverage-report.ts). */
export const COVERAGE_SECTION = { text: coverageText, html: coverageHtml };
/** The report's sections, in order. */
export const REPORT_SECTIONS = [SUMMARY_SECTION, CHECKS_SECTION, COVERAGE_SECTION];
export function verdictText(v, lang, sections = REPORT_SECTIONS) {
    return sections.flatMap((s) => s.text(v, lang)).join('\n');
}
const xml = (s) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
/** JUnit XML as Jenkins, GitLab and GitHub read it: a failed check is a <failure> with its evidence, in `lang`. */
export function verdictJunit(v, lang) {
    const suite = xml(v.name);
    const cases = v.checks.map((c) => {
        const open = `    <testcase classname="${xml(`recette.${v.name}`)}" name="${xml(`${c.id} (${c.kind})`)}" time="0">`;
        if (c.status === 'pass')
            return `${open}\n      <system-out>${xml(c.message)}</system-out>\n    </testcase>`;
        if (c.status === 'not_applicable')
            return `${open}\n      <skipped message="${xml(c.message)}"/>\n    </testcase>`;
        const body = [c.message, '', ...c.evidence.map((e) => evidenceLine(e, lang)), ...candidatesText(c, lang, '')].join('\n');
        return `${open}\n      <failure message="${xml(c.message)}" type="${xml(c.kind)}">${xml(body)}</failure>\n    </testcase>`;
    });
    const total = `tests="${v.checks.length}" failures="${v.failed}" errors="0" skipped="${v.not_applicable}"`;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${suite}" ${total} time="${v.duration_ms / 1000}">\n  <testsuite name="${suite}" ${total} timestamp="${v.evaluated_at}">\n${coverageJunit(v)}${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
export const escapeHtml = (s) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
const STYLE = `body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}
tr.pass td:first-child{background:#d4f7d4}tr.fail td:first-child{background:#f7d4d4}tr.not_applicable td:first-child{background:#eee}ul{margin:4px 0;font-size:12px;color:#444}`;
/** A self-contained page in `lang` (its `lang` attribute too): each section in order. */
export function verdictHtml(v, lang, sections = REPORT_SECTIONS) {
    const say = reportMessages[lang];
    return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(say.html.title(v.name))}</title>
<style>${STYLE}</style></head>
<body>${sections.map((s) => s.html(v, lang)).join('\n')}</body></html>
`;
}
