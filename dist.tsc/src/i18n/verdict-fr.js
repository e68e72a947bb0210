/** The verdict's messages in French (see verdict-words.ts). */
import { wordsFor } from './verdict-words.js';
const w = wordsFor('fr');
const calls = (n) => `${w.n(n)} ${w.plural(n, 'appel', 'appels')}`;
const setpoint = (sp) => `${sp.set}${sp.kw !== null ? ` ${w.kw(sp.kw)}` : ''} sur ${sp.sycode ?? '?'} ${w.time(sp.start)}–${w.time(sp.end)}`;
const downCause = (c) => (c === 'offline' ? 'hors ligne' : `arrêt ${c.kill}`);
const how = (status) => (status === null ? 'acceptée' : `réponse ${status}`);
const req = (id) => id ?? '?';
export const verdictFr = {
    couldNotEvaluate: (reason) => `vérification impossible à évaluer: ${reason}`,
    andMore: (n) => `… et ${w.n(n)} de plus`,
    setpoint,
    downCause,
    polls: {
        gap: (p) => `${p.mk6}: aucun appel ${p.label} pendant ${w.dur(p.lived)} entre ${w.time(p.from)} et ${w.time(p.to)}, max ${w.dur(p.maxGap)}${p.stepsSkipped ? " (sauts d'horloge au-delà du max non comptés)" : ''}`,
        lastBefore: (label) => `dernier appel ${label} (ou début) avant le trou`,
        nextAfter: (label, lived) => `appel ${label} suivant (ou fin) après ${w.dur(lived)}`,
        nothingObserved: "rien d'observé encore (aucun appel, aucun événement depuis le dernier reset)",
        noneUpLongEnough: (mk6, maxGap) => `rien à juger: aucun MK6 n'a été en marche plus de ${w.dur(maxGap)} du temps de la flotte vécu par la passerelle (sauts d'horloge exclus): ${mk6.join(', ')}`,
        notJudged: (mk6, maxGap) => `; non jugés (en marche moins de ${w.dur(maxGap)} du temps de la flotte vécu par la passerelle, sauts d'horloge exclus): ${mk6.join(', ')}`,
        pass: (p) => `${w.n(p.watched)} ${w.plural(p.watched, 'MK6 interrogé', 'MK6 interrogés')} au moins toutes les ${w.dur(p.maxGap)} en marche (${w.n(p.counted)} ${w.plural(p.counted, 'appel', 'appels')} ${p.label} dans la fenêtre)`,
    },
    maxRate: {
        burst: (p) => `${p.mk6}: ${calls(p.count)} en une minute (${w.time(p.from)}–${w.time(p.to)} à l'horloge de la flotte, ${w.seconds(p.realMs)} réelles) alors qu'il était indisponible (${downCause(p.cause)} depuis ${w.time(p.since)}), max ${w.n(p.max)}`,
        downFrom: (cause) => `${downCause(cause)}: indisponible à partir d'ici`,
        callWhileDown: (method, path, status) => `appel ${method} ${path}, réponse ${status}, pendant l'indisponibilité`,
        noneDown: 'aucun MK6 indisponible dans la fenêtre',
        pass: (n, downs, max) => `${calls(n)} ${downs === 1 ? 'à un MK6 indisponible' : 'à des MK6 indisponibles'}, jamais plus de ${w.n(max)} en une minute`,
    },
    noDuplicates: {
        twice: (p) => `${p.mk6}: ${setpoint(p.setpoint)} acceptée deux fois, ${req(p.first.req)} (journal #${p.first.journal}, ${w.time(p.first.at)}) puis ${req(p.again.req)} (journal #${p.again.journal}, ${w.time(p.again.at)})`,
        firstAccepted: (id) => `acceptée une première fois comme ${req(id)}`,
        acceptedAgain: (id, from) => `même consigne acceptée de nouveau comme ${req(id)} (fenêtre à partir de ${w.time(from)})`,
        noneAccepted: 'aucune consigne acceptée dans la fenêtre',
        pass: (n) => `${w.n(n)} ${w.plural(n, 'consigne acceptée', 'consignes acceptées')}, aucun doublon`,
    },
    noErrors: {
        answered: (p) => `${p.mk6}: ${p.method} ${p.path}: réponse ${p.status}${p.code ? ` ${p.code}` : ''}${p.why ? ` (« ${p.why} »)` : ''} à ${w.time(p.at)} (journal #${p.journal})`,
        answeredStatus: (status, code) => `réponse ${status}${code ? ` ${code}` : ''}`,
        noCall: (methods) => `aucun appel ${methods ?? 'de la passerelle'} dans la fenêtre`,
        pass: (n, methods) => `${calls(n)} ${methods ?? 'de la passerelle'}, aucune réponse 4xx`,
    },
    resends: {
        resent: (mk6, at, n) => `${mk6} ${w.time(at)}: ${w.n(n)} ${w.plural(n, 'renvoyée', 'renvoyées')}`,
        pending: (mk6, at, deadline) => `${mk6} à ${w.time(at)} (échéance ${w.time(deadline)} pas atteinte)`,
        lost: (p) => `${p.mk6}: ${p.req ?? 'une consigne'} (${setpoint(p.setpoint)}) perdue au redémarrage à froid de ${w.time(p.at)}, pas renvoyée sous ${w.dur(p.within)}`,
        coldRestart: 'redémarrage à froid: planning perdu',
        acceptedThenLost: (id) => `${req(id)} acceptée ici, perdue au redémarrage`,
        notJudgedYet: (pending) => `pas encore jugé: ${pending.join(', ')}`,
        noColdRestart: 'aucun redémarrage à froid dans la fenêtre',
        noPlanningLost: "aucun redémarrage à froid n'a perdu de planning",
        pass: (within, resent) => `chaque consigne perdue renvoyée sous ${w.dur(within)} (${resent.join('; ')})`,
    },
    limits: {
        abovePmax: (p) => `${p.mk6}: consigne ${w.kw(p.kw)} sur ${p.sycode} à ${w.time(p.at)} au-dessus de pmax ${w.kw(p.pmax)} (${how(p.answered)}, journal #${p.journal})`,
        overPmax: (kw, pmax) => `${w.kw(kw)} > pmax ${w.kw(pmax)}`,
        aboveConstraint: (p) => `${p.mk6}: consigne ${w.kw(p.kw)} sur ${p.sycode} pour ${w.time(p.from)}–${w.time(p.to)}, envoyée à ${w.time(p.at)}, au-dessus de la contrainte ${p.source} de ${w.kw(p.value)} en vigueur ${w.time(p.inForce[0])}–${w.time(p.inForce[1])} (${how(p.answered)}, journal #${p.journal})`,
        constraintInjected: (source, value) => `contrainte ${source} de ${w.kw(value)} injectée`,
        overConstraint: (kw, source, value) => `${w.kw(kw)} > ${source} ${w.kw(value)}`,
        noneSent: 'aucune consigne envoyée dans la fenêtre',
        pass: (n) => `${w.n(n)} ${w.plural(n, 'consigne', 'consignes')}, aucune au-dessus de pmax ni d'une contrainte DEIE/SCADA active`,
    },
    authenticated: {
        refused: (p) => `${p.mk6}: ${calls(p.count)} sans jeton valide alors que l'auth était active (premier ${p.method} ${p.path} à ${w.time(p.at)}, journal #${p.journal})`,
        refused401: (method, path) => `${method} ${path} refusé 401 (jeton absent ou faux)`,
        noAuth: "aucun MK6 du périmètre n'avait l'auth active",
        noCall: (mk6) => `aucun appel à ${mk6.join(', ')} pendant que l'auth était active: rien à juger`,
        pass: (mk6, n) => `chaque appel à ${mk6.join(', ')} portait un jeton valide (${calls(n)})`,
    },
    coverage: {
        notApplicable: 'aucun MK6 dans le périmètre',
        missing: (kinds) => `jamais exercé: ${kinds.join(', ')}`,
        met: (kinds, times) => `chaque type requis exercé (${w.n(kinds)} ${w.plural(kinds, 'type', 'types')}, ${w.n(times)} fois)`,
    },
};
