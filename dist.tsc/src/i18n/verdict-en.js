/** The verdict's messages in English (see verdict-words.ts). */
import { wordsFor } from './verdict-words.js';
const w = wordsFor('en');
const calls = (n) => `${w.n(n)} ${w.plural(n, 'call', 'calls')}`;
const setpoint = (sp) => `${sp.set}${sp.kw !== null ? ` ${w.kw(sp.kw)}` : ''} on ${sp.sycode ?? '?'} ${w.time(sp.start)}–${w.time(sp.end)}`;
const downCause = (c) => (c === 'offline' ? 'offline' : `${c.kill} kill`);
const how = (status) => (status === null ? 'accepted' : `answered ${status}`);
const req = (id) => id ?? '?';
export const verdictEn = {
    couldNotEvaluate: (reason) => `check could not be evaluated: ${reason}`,
    andMore: (n) => `… ${w.n(n)} more`,
    setpoint,
    downCause,
    polls: {
        gap: (p) => `${p.mk6}: no ${p.label} call for ${w.dur(p.lived)} between ${w.time(p.from)} and ${w.time(p.to)}, max ${w.dur(p.maxGap)}${p.stepsSkipped ? ' (clock steps over max not counted)' : ''}`,
        lastBefore: (label) => `last ${label} call (or start) before the gap`,
        nextAfter: (label, lived) => `next ${label} call (or end) after ${w.dur(lived)}`,
        nothingObserved: 'nothing observed yet (no call, no event since the last reset)',
        noneUpLongEnough: (mk6, maxGap) => `nothing to judge: no MK6 was up more than ${w.dur(maxGap)} of fleet-clock time the gateway lived through (clock steps excluded): ${mk6.join(', ')}`,
        notJudged: (mk6, maxGap) => `; not judged (up less than ${w.dur(maxGap)} of fleet-clock time the gateway lived through, clock steps excluded): ${mk6.join(', ')}`,
        pass: (p) => `${w.n(p.watched)} MK6 polled at least every ${w.dur(p.maxGap)} while up (${w.n(p.counted)} ${p.label} ${w.plural(p.counted, 'call', 'calls')} in the window)`,
    },
    maxRate: {
        burst: (p) => `${p.mk6}: ${calls(p.count)} within a minute (${w.time(p.from)}–${w.time(p.to)} on the fleet clock, ${w.seconds(p.realMs)} real) while down (${downCause(p.cause)} since ${w.time(p.since)}), max ${w.n(p.max)}`,
        downFrom: (cause) => `${downCause(cause)}: down from here`,
        callWhileDown: (method, path, status) => `call ${method} ${path} answered ${status} while down`,
        noneDown: 'no MK6 was down in the window',
        pass: (n, downs, max) => `${calls(n)} to ${downs === 1 ? 'an MK6' : 'MK6s'} while down, never more than ${w.n(max)} within a minute`,
    },
    noDuplicates: {
        twice: (p) => `${p.mk6}: ${setpoint(p.setpoint)} accepted twice, ${req(p.first.req)} (journal #${p.first.journal}, ${w.time(p.first.at)}) then ${req(p.again.req)} (journal #${p.again.journal}, ${w.time(p.again.at)})`,
        firstAccepted: (id) => `first accepted as ${req(id)}`,
        acceptedAgain: (id, from) => `same setpoint accepted again as ${req(id)} (window from ${w.time(from)})`,
        noneAccepted: 'no setpoint accepted in the window',
        pass: (n) => `${w.n(n)} ${w.plural(n, 'setpoint', 'setpoints')} accepted, no duplicate`,
    },
    noErrors: {
        answered: (p) => `${p.mk6}: ${p.method} ${p.path} answered ${p.status}${p.code ? ` ${p.code}` : ''}${p.why ? ` (“${p.why}”)` : ''} at ${w.time(p.at)} (journal #${p.journal})`,
        answeredStatus: (status, code) => `answered ${status}${code ? ` ${code}` : ''}`,
        noCall: (methods) => `no ${methods ?? 'gateway'} call in the window`,
        pass: (n, methods) => `${w.n(n)} ${methods ?? 'gateway'} ${w.plural(n, 'call', 'calls')}, none answered 4xx`,
    },
    resends: {
        resent: (mk6, at, n) => `${mk6} ${w.time(at)}: ${w.n(n)} re-sent`,
        pending: (mk6, at, deadline) => `${mk6} at ${w.time(at)} (deadline ${w.time(deadline)} not reached)`,
        lost: (p) => `${p.mk6}: ${p.req ?? 'a setpoint'} (${setpoint(p.setpoint)}) lost in the cold restart at ${w.time(p.at)}, not re-sent within ${w.dur(p.within)}`,
        coldRestart: 'cold restart: planning lost',
        acceptedThenLost: (id) => `${req(id)} accepted here, lost at the restart`,
        notJudgedYet: (pending) => `not judged yet: ${pending.join(', ')}`,
        noColdRestart: 'no cold restart in the window',
        noPlanningLost: 'no cold restart lost a planning',
        pass: (within, resent) => `every lost setpoint re-sent within ${w.dur(within)} (${resent.join('; ')})`,
    },
    limits: {
        abovePmax: (p) => `${p.mk6}: setpoint ${w.kw(p.kw)} on ${p.sycode} at ${w.time(p.at)} above pmax ${w.kw(p.pmax)} (${how(p.answered)}, journal #${p.journal})`,
        overPmax: (kw, pmax) => `${w.kw(kw)} > pmax ${w.kw(pmax)}`,
        aboveConstraint: (p) => `${p.mk6}: setpoint ${w.kw(p.kw)} on ${p.sycode} for ${w.time(p.from)}–${w.time(p.to)}, sent at ${w.time(p.at)}, above the ${p.source} constraint ${w.kw(p.value)} in force ${w.time(p.inForce[0])}–${w.time(p.inForce[1])} (${how(p.answered)}, journal #${p.journal})`,
        constraintInjected: (source, value) => `${source} constraint ${w.kw(value)} injected`,
        overConstraint: (kw, source, value) => `${w.kw(kw)} > ${source} ${w.kw(value)}`,
        noneSent: 'no setpoint sent in the window',
        pass: (n) => `${w.n(n)} ${w.plural(n, 'setpoint', 'setpoints')}, none above pmax or an active DEIE/SCADA constraint`,
    },
    authenticated: {
        refused: (p) => `${p.mk6}: ${calls(p.count)} without a valid token while auth was on (first ${p.method} ${p.path} at ${w.time(p.at)}, journal #${p.journal})`,
        refused401: (method, path) => `${method} ${path} refused 401 (token missing or wrong)`,
        noAuth: 'no MK6 in scope had auth on',
        noCall: (mk6) => `no call to ${mk6.join(', ')} while auth was on: nothing to judge`,
        pass: (mk6, n) => `every call to ${mk6.join(', ')} carried a valid token (${calls(n)})`,
    },
    coverage: {
        notApplicable: 'no MK6 in scope',
        missing: (kinds) => `never exercised: ${kinds.join(', ')}`,
        met: (kinds, times) => `every required kind exercised (${w.n(kinds)} ${w.plural(kinds, 'kind', 'kinds')}, ${w.n(times)} ${w.plural(times, 'time', 'times')})`,
    },
};
