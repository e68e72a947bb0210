/**
 * A verdict as people and CI servers read it: text, JUnit XML (one testcase per check), HTML.
 * Pure. Every word in the reader's language (`lang`, from src/i18n/report-messages.ts); the
 * checks' messages come with the verdict, asked in the same language. The text and HTML
 * reports are a list of sections rendered in order (REPORT_SECTIONS): a new part of the
 * verdict is one more section.
 */
import type { EvidenceItem, VerdictValue } from '../../src/contract/schema/recette.js';
import type { Lang } from '../../src/i18n/lang.js';
import { reportMessages, type VerdictCounts } from '../../src/i18n/report-messages.js';
import { candidatesHtml, candidatesText, coverageHtml, coverageJunit, coverageText } from './coverage-report.js';

type CheckV = VerdictValue['checks'][number];

/** One part of the report, in the text and in the HTML. */
export interface ReportSection {
  /** Lines of the terminal report. */
  text(v: VerdictValue, lang: Lang): string[];
  /** A fragment of the HTML page's body, every text escaped with `escapeHtml`. */
  html(v: VerdictValue, lang: Lang): string;
}

export function evidenceLine(e: EvidenceItem, lang: Lang): string {
  const say = reportMessages[lang];
  const ref = e.journal_id !== undefined ? say.journalRef(e.journal_id) : e.event_id !== undefined ? say.eventRef(e.event_id) : '';
  return [e.sim_time ? say.instant(e.sim_time) : '', e.mk6_id ?? '', ref, e.what].filter(Boolean).join('  ');
}

const counts = (v: VerdictValue): VerdictCounts => ({ name: v.name, passed: v.passed, failed: v.failed, notApplicable: v.not_applicable, entries: v.journal.entries, events: v.events });

/** The counts, the window, when it was judged. */
export const SUMMARY_SECTION: ReportSection = {
  text: (v, lang) => [reportMessages[lang].summary(counts(v))],
  html: (v, lang) => `<h1>${escapeHtml(v.name)}</h1>\n<p>${escapeHtml(reportMessages[lang].html.summary({ ...counts(v), from: v.window.from, to: v.window.to, evaluatedAt: v.evaluated_at }))}</p>`,
};

/** Each check: its status, id, kind and message; a failed one's evidence (10 in the terminal). */
export const CHECKS_SECTION: ReportSection = {
  text: (v, lang) => {
    const say = reportMessages[lang];
    const width = Math.max(...Object.values(say.status).map((s) => s.length));
    const lines: string[] = [];
    for (const c of v.checks) {
      lines.push(`  ${say.status[c.status].padEnd(width)}  ${c.id} (${c.kind}): ${c.message}`);
      if (c.status === 'fail') for (const e of c.evidence.slice(0, 10)) lines.push(`${' '.repeat(width + 6)}${evidenceLine(e, lang)}`);
      lines.push(...candidatesText(c, lang, ' '.repeat(width + 6)));
    }
    return lines;
  },
  html: (v, lang) => {
    const say = reportMessages[lang];
    const col = say.html.columns;
    const row = (c: CheckV) =>
      `<tr class="${c.status}"><td>${escapeHtml(say.status[c.status])}</td><td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.kind)}</td><td>${escapeHtml(c.message)}${
        c.evidence.length ? `<ul>${c.evidence.map((e) => `<li>${escapeHtml(evidenceLine(e, lang))}</li>`).join('')}</ul>` : ''
      }${candidatesHtml(c, lang)}</td></tr>`;
    return `<table><thead><tr><th>${escapeHtml(col.status)}</th><th>${escapeHtml(col.check)}</th><th>${escapeHtml(col.kind)}</th><th>${escapeHtml(col.message)}</th></tr></thead><tbody>
${v.checks.map(row).join('\n')}
</tbody></table>`;
  },
};

/** The faults each MK6 went through that day, per kind (./coverage-report.ts). */
export const COVERAGE_SECTION: ReportSection = { text: coverageText, html: coverageHtml };

/** The report's sections, in order. */
export const REPORT_SECTIONS: readonly ReportSection[] = [SUMMARY_SECTION, CHECKS_SECTION, COVERAGE_SECTION];

export function verdictText(v: VerdictValue, lang: Lang, sections: readonly ReportSection[] = REPORT_SECTIONS): string {
  return sections.flatMap((s) => s.text(v, lang)).join('\n');
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** JUnit XML as Jenkins, GitLab and GitHub read it: a failed check is a <failure> with its evidence, in `lang`. */
export function verdictJunit(v: VerdictValue, lang: Lang): string {
  const suite = xml(v.name);
  const cases = v.checks.map((c) => {
    const open = `    <testcase classname="${xml(`recette.${v.name}`)}" name="${xml(`${c.id} (${c.kind})`)}" time="0">`;
    if (c.status === 'pass') return `${open}\n      <system-out>${xml(c.message)}</system-out>\n    </testcase>`;
    if (c.status === 'not_applicable') return `${open}\n      <skipped message="${xml(c.message)}"/>\n    </testcase>`;
    const body = [c.message, '', ...c.evidence.map((e) => evidenceLine(e, lang)), ...candidatesText(c, lang, '')].join('\n');
    return `${open}\n      <failure message="${xml(c.message)}" type="${xml(c.kind)}">${xml(body)}</failure>\n    </testcase>`;
  });
  const total = `tests="${v.checks.length}" failures="${v.failed}" errors="0" skipped="${v.not_applicable}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${suite}" ${total} time="${v.duration_ms / 1000}">\n  <testsuite name="${suite}" ${total} timestamp="${v.evaluated_at}">\n${coverageJunit(v)}${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}

export const escapeHtml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}
tr.pass td:first-child{background:#d4f7d4}tr.fail td:first-child{background:#f7d4d4}tr.not_applicable td:first-child{background:#eee}ul{margin:4px 0;font-size:12px;color:#444}`;

/** A self-contained page in `lang` (its `lang` attribute too): each section in order. */
export function verdictHtml(v: VerdictValue, lang: Lang, sections: readonly ReportSection[] = REPORT_SECTIONS): string {
  const say = reportMessages[lang];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(say.html.title(v.name))}</title>
<style>${STYLE}</style></head>
<body>${sections.map((s) => s.html(v, lang)).join('\n')}</body></html>
`;
}
