import { formatInstant, formatNumber } from './format.js';
function messages(lang, m) {
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
        summary: (v) => `${n(v.passed)} OK, ${n(v.failed)} en échec, ${n(v.notApplicable)} sans objet; fenêtre ${v.from ? at(v.from) : 'depuis le début'} – ${v.to ? at(v.to) : "jusqu'à maintenant"}; journal: ${n(v.entries)} entrées, ${n(v.events)} événements; évalué le ${at(v.evaluatedAt)} (horloge de la flotte).`,
        columns: { status: 'statut', check: 'vérification', kind: 'type', message: 'message et preuves' },
    },
    replay: {
        summary: (p) => `${n(p.identical)} sur ${n(p.total)} identiques${p.clock ? '' : " (pas d'horloge de flotte sur la cible: rejoué sans la piloter)"} en ${formatNumber('fr', p.seconds, 1)} s`,
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
        summary: (v) => `${n(v.passed)} passed, ${n(v.failed)} failed, ${n(v.notApplicable)} not applicable; window ${v.from ? at(v.from) : 'from the start'} – ${v.to ? at(v.to) : 'until now'}; journal: ${n(v.entries)} entries, ${n(v.events)} events; evaluated at ${at(v.evaluatedAt)} (fleet clock).`,
        columns: { status: 'status', check: 'check', kind: 'kind', message: 'message and evidence' },
    },
    replay: {
        summary: (p) => `${n(p.identical)} of ${n(p.total)} identical${p.clock ? '' : ' (no fleet clock on the target: replayed without clock control)'} in ${formatNumber('en', p.seconds, 1)} s`,
        status: (a, b) => `status ${a}${a === b ? '' : ` → ${b}`}`,
        more: (k) => `… ${n(k)} more`,
        body: '(body)',
        absent: '(absent)',
        noAnswer: (error) => `no answer (${error})`,
        truncated: 'body cut in the file: status alone compared',
        notHar: 'not a HAR file: log.entries missing',
    },
}));
export const reportMessages = { fr, en };
