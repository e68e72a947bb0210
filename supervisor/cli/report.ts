/** A verdict as people and CI servers read it: text, JUnit XML (one testcase per check), HTML. Pure. */
import type { EvidenceItem, VerdictValue } from '../../src/contract/schema/recette.js';
import { candidatesHtml, candidatesText, coverageHtml, coverageJunit, coverageText } from './coverage-report.js';
import { langFromEnvironment } from '../../src/i18n/lang.js';

/** The language of the coverage lines (./coverage-report.ts), until the reports take the reader's. */
const lang = () => langFromEnvironment(undefined);

type CheckV = VerdictValue['checks'][number];
const MARK = { pass: 'PASS', fail: 'FAIL', not_applicable: 'N/A ' } as const;

export function evidenceLine(e: EvidenceItem): string {
  const ref = e.journal_id !== undefined ? `journal #${e.journal_id}` : e.event_id !== undefined ? `event #${e.event_id}` : '';
  return [e.sim_time ?? '', e.mk6_id ?? '', ref, e.what].filter(Boolean).join('  ');
}

export function verdictText(v: VerdictValue): string {
  const lines = [`${v.name}: ${v.passed} passed, ${v.failed} failed, ${v.not_applicable} not applicable (journal ${v.journal.entries} entries, ${v.events} events)`];
  for (const c of v.checks) {
    lines.push(`  ${MARK[c.status]}  ${c.id} (${c.kind}): ${c.message}`);
    if (c.status === 'fail') for (const e of c.evidence.slice(0, 10)) lines.push(`          ${evidenceLine(e)}`);
    lines.push(...candidatesText(c, lang()));
  }
  lines.push(...coverageText(v, lang()));
  return lines.join('\n');
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** JUnit XML as Jenkins, GitLab and GitHub read it: a failed check is a <failure> with its evidence. */
export function verdictJunit(v: VerdictValue): string {
  const suite = xml(v.name);
  const cases = v.checks.map((c) => {
    const open = `    <testcase classname="${xml(`recette.${v.name}`)}" name="${xml(`${c.id} (${c.kind})`)}" time="0">`;
    if (c.status === 'pass') return `${open}\n      <system-out>${xml(c.message)}</system-out>\n    </testcase>`;
    if (c.status === 'not_applicable') return `${open}\n      <skipped message="${xml(c.message)}"/>\n    </testcase>`;
    const body = [c.message, '', ...c.evidence.map(evidenceLine)].join('\n');
    return `${open}\n      <failure message="${xml(c.message)}" type="${xml(c.kind)}">${xml(body)}</failure>\n    </testcase>`;
  });
  const counts = `tests="${v.checks.length}" failures="${v.failed}" errors="0" skipped="${v.not_applicable}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${suite}" ${counts} time="${v.duration_ms / 1000}">\n  <testsuite name="${suite}" ${counts} timestamp="${v.evaluated_at}">\n${coverageJunit(v)}${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}

const html = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);

/** A self-contained page: each check, its status, message and evidence. */
export function verdictHtml(v: VerdictValue): string {
  const row = (c: CheckV) => `<tr class="${c.status}"><td>${MARK[c.status].trim()}</td><td>${html(c.id)}</td><td>${html(c.kind)}</td><td>${html(c.message)}${
    c.evidence.length ? `<ul>${c.evidence.map((e) => `<li>${html(evidenceLine(e))}</li>`).join('')}</ul>` : ''
  }${candidatesHtml(c, lang())}</td></tr>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${html(v.name)}: recette verdict</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}
tr.pass td:first-child{background:#d4f7d4}tr.fail td:first-child{background:#f7d4d4}tr.not_applicable td:first-child{background:#eee}ul{margin:4px 0;font-size:12px;color:#444}</style></head>
<body><h1>${html(v.name)}</h1>
<p>${v.passed} passed, ${v.failed} failed, ${v.not_applicable} not applicable; window ${html(v.window.from ?? 'all')} – ${html(v.window.to ?? 'now')}; journal ${v.journal.entries} entries, ${v.events} events; evaluated at ${html(v.evaluated_at)} (fleet clock).</p>
<table><thead><tr><th>status</th><th>check</th><th>kind</th><th>message and evidence</th></tr></thead><tbody>
${v.checks.map(row).join('\n')}
</tbody></table>
${coverageHtml(v, lang())}</body></html>
`;
}
