/**
 * The reports' catalogue: the verdict as a terminal, an HTML page and JUnit XML read it
 * (supervisor/cli/report.ts) and the replay's comparison (supervisor/cli/replay.ts), in French
 * and English. The checks' own messages come with the verdict, already in the language asked
 * (src/i18n/verdict-messages.ts); ids, kinds, calls, paths and statuses stay as written.
 */
import type { Catalogue } from './catalogue.js';
import { formatInstant, formatNumber } from './format.js';
import type { Lang } from './lang.js';

export interface VerdictCounts {
  name: string;
  passed: number;
  failed: number;
  notApplicable: number;
  entries: number;
  events: number;
}

export interface ReportMessages {
  /** A check's status as a word: the terminal pads them to one width. */
  status: { pass: string; fail: string; not_applicable: string };
  /** The terminal's first line. */
  summary: (v: VerdictCounts) => string;
  journalRef: (id: number) => string;
  eventRef: (id: number) => string;
  /** An instant the verdict gives (ISO 8601) as the reader writes it. */
  instant: (iso: string) => string;
  html: {
    title: (name: string) => string;
    /** The paragraph under the title; `from`/`to` null: the window is open on that side. */
    summary: (v: VerdictCounts & { from: string | null; to: string | null; evaluatedAt: string }) => string;
    columns: { status: string; check: string; kind: string; message: string };
  };
  replay: {
    summary: (p: { identical: number; total: number; clock: boolean; seconds: number }) => string;
    status: (recorded: number, replayed: number) => string;
    more: (n: number) => string;
    body: string;
    absent: string;
    noAnswer: (error: string) => string;
    truncated: string;
    notHar: string;
  };
}

function messages(lang: Lang, m: (n: (x: number) => string, at: (iso: string) => string) => ReportMessages): ReportMessages {
  return m((x) => formatNumber(lang, x), (iso) => formatInstant(lang, iso));
}

const fr = messages('fr', (n, at) => ({
  status: { pass: 'OK', fail: 'ÉCHEC', not_applicable: 'S.O.' },
  summary: (v) => `${v.name}: ${n(v.passed)} OK, ${n(v.failed)} en échec, ${n(v.notApplicable)} sans objet (journal: ${n(v.entries)} entrées, ${n(v.events)} événements)`,
  journalRef: (id) => `journal #${id}`,
  eventRef: (id) => `événement #${id}`,
  instant: at,
  html: {
    title: (name) => `${name}: verdict de recette`,
    summary: (v) =>
      `${n(v.passed)} OK, ${n(v.failed)} en échec, ${n(v.notApplicable)} sans objet; fenêtre ${v.from ? at(v.from) : 'depuis le début'} – ${v.to ? at(v.to) : "jusqu'à maintenant"}; journal: ${n(v.entries)} entrées, ${n(v.events)} événements; évalué le ${at(v.evaluatedAt)} (horloge de la flotte).`,
    columns: { status: 'statut', check: 'vérification', kind: 'type', message: 'message et preuves' },
  },
  replay: {
    summary: (p) =>
      `${n(p.identical)} sur ${n(p.total)} identiques${p.clock ? '' : " (pas d'horloge de flotte sur la cible: rejoué sans la piloter)"} en ${formatNumber('fr', p.seconds, 1)} s`,
    status: (a, b) => `statut ${a}${a === b ? '' : ` → ${b}`}`,
    more: (k) => `… et ${n(k)} de plus`,
    body: '(corps)',
    absent: '(absent)',
    noAnswer: (error) => `pas de réponse (${error})`,
    truncated: 'corps coupé dans le fichier: statut seul comparé',
    notHar: 'pas un fichier HAR: log.entries absent',
  },
}));

const en = messages('en', (n, at) => ({
  status: { pass: 'PASS', fail: 'FAIL', not_applicable: 'N/A' },
  summary: (v) => `${v.name}: ${n(v.passed)} passed, ${n(v.failed)} failed, ${n(v.notApplicable)} not applicable (journal: ${n(v.entries)} entries, ${n(v.events)} events)`,
  journalRef: (id) => `journal #${id}`,
  eventRef: (id) => `event #${id}`,
  instant: at,
  html: {
    title: (name) => `${name}: recette verdict`,
    summary: (v) =>
      `${n(v.passed)} passed, ${n(v.failed)} failed, ${n(v.notApplicable)} not applicable; window ${v.from ? at(v.from) : 'from the start'} – ${v.to ? at(v.to) : 'until now'}; journal: ${n(v.entries)} entries, ${n(v.events)} events; evaluated at ${at(v.evaluatedAt)} (fleet clock).`,
    columns: { status: 'status', check: 'check', kind: 'kind', message: 'message and evidence' },
  },
  replay: {
    summary: (p) =>
      `${n(p.identical)} of ${n(p.total)} identical${p.clock ? '' : ' (no fleet clock on the target: replayed without clock control)'} in ${formatNumber('en', p.seconds, 1)} s`,
    status: (a, b) => `status ${a}${a === b ? '' : ` → ${b}`}`,
    more: (k) => `… ${n(k)} more`,
    body: '(body)',
    absent: '(absent)',
    noAnswer: (error) => `no answer (${error})`,
    truncated: 'body cut in the file: status alone compared',
    notHar: 'not a HAR file: log.entries missing',
  },
}));

export const reportMessages: Catalogue<ReportMessages> = { fr, en };
