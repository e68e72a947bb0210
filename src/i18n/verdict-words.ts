/**
 * The verdict's catalogue (the `message` of each check and the `what` of its evidence), as
 * an interface each language implements (verdict-fr.ts, verdict-en.ts; assembled in
 * verdict-messages.ts), and the words every language formats with. A message takes raw
 * values (counts, milliseconds, instants) and formats them for its reader through `Intl`;
 * ids, paths, methods, statuses, codes, kinds and the recette's own values stay as written.
 */
import { formatDuration, formatKw, formatNumber } from './format.js';
import { localeOf, type Lang } from './lang.js';

/** A setpoint as a check names it. */
export interface SetpointWords {
  set: string;
  /** kW, or null (a setpoint without a value: a stop). */
  kw: number | null;
  sycode: string | null;
  /** Fleet-clock ms; `end` null: open-ended. */
  start: number;
  end: number | null;
}

/** Why an MK6 was down: killed (with its kind: refused, blackhole, reset), or offline. */
export type DownCause = { kill: string } | 'offline';

export interface VerdictMessages {
  couldNotEvaluate: (reason: string) => string;
  /** Appended to the first few faults of a failed check. */
  andMore: (n: number) => string;
  setpoint: (sp: SetpointWords) => string;
  downCause: (cause: DownCause) => string;

  polls: {
    gap: (p: { mk6: string; label: string; lived: number; from: number; to: number; maxGap: number; stepsSkipped: boolean }) => string;
    lastBefore: (label: string) => string;
    nextAfter: (label: string, lived: number) => string;
    nothingObserved: string;
    /** No MK6 in scope was up longer than the max gap (clock steps excluded): `mk6` not judged. */
    noneUpLongEnough: (mk6: readonly string[], maxGap: number) => string;
    /** Appended to the pass message: the MK6s up less than the max gap, not judged. */
    notJudged: (mk6: readonly string[], maxGap: number) => string;
    pass: (p: { watched: number; maxGap: number; counted: number; label: string }) => string;
  };
  maxRate: {
    burst: (p: { mk6: string; count: number; from: number; to: number; realMs: number; cause: DownCause; since: number; max: number }) => string;
    downFrom: (cause: DownCause) => string;
    callWhileDown: (method: string, path: string, status: number) => string;
    noneDown: string;
    pass: (calls: number, downs: number, max: number) => string;
  };
  noDuplicates: {
    twice: (p: { mk6: string; setpoint: SetpointWords; first: { req: string | null; journal: number; at: number }; again: { req: string | null; journal: number; at: number } }) => string;
    firstAccepted: (req: string | null) => string;
    acceptedAgain: (req: string | null, windowFrom: number) => string;
    noneAccepted: string;
    pass: (accepted: number) => string;
  };
  noErrors: {
    /**
     * `code` and `why` (the answer's `error` and `message`) when it had them; `why` is quoted as
     * the MK6 answered it, in the language the gateway asked for (the journal keeps it so).
     */
    answered: (p: { mk6: string; method: string; path: string; status: number; code: string | null; why: string | null; at: number; journal: number }) => string;
    answeredStatus: (status: number, code: string | null) => string;
    /** `methods`: `POST/PATCH`, or null for every gateway call. */
    noCall: (methods: string | null) => string;
    pass: (calls: number, methods: string | null) => string;
  };
  resends: {
    resent: (mk6: string, at: number, count: number) => string;
    pending: (mk6: string, at: number, deadline: number) => string;
    lost: (p: { mk6: string; req: string | null; setpoint: SetpointWords; at: number; within: number }) => string;
    coldRestart: string;
    acceptedThenLost: (req: string | null) => string;
    notJudgedYet: (pending: readonly string[]) => string;
    noColdRestart: string;
    noPlanningLost: string;
    pass: (within: number, resent: readonly string[]) => string;
  };
  limits: {
    /** How the MK6 answered the setpoint: accepted (null) or the status. */
    abovePmax: (p: { mk6: string; kw: number; sycode: string; at: number; pmax: number; answered: number | null; journal: number }) => string;
    overPmax: (kw: number, pmax: number) => string;
    aboveConstraint: (p: { mk6: string; kw: number; sycode: string; from: number; to: number; at: number; source: string; value: number; inForce: [number, number]; answered: number | null; journal: number }) => string;
    constraintInjected: (source: string, value: number) => string;
    overConstraint: (kw: number, source: string, value: number) => string;
    noneSent: string;
    pass: (sent: number) => string;
  };
  authenticated: {
    refused: (p: { mk6: string; count: number; method: string; path: string; at: number; journal: number }) => string;
    refused401: (method: string, path: string) => string;
    noAuth: string;
    /** Auth was on for `mk6` but the window has no call to them. */
    noCall: (mk6: readonly string[]) => string;
    pass: (mk6: readonly string[], calls: number) => string;
  };
  coverage: {
    notApplicable: string;
    /** The required fault kinds the day never exercised on an MK6 in scope. */
    missing: (kinds: readonly string[]) => string;
    met: (kinds: number, times: number) => string;
  };
}

const timeFormats = new Map<Lang, Intl.DateTimeFormat>();
const plurals = new Map<Lang, Intl.PluralRules>();

/** The words of one language: numbers, powers, durations, times of day and plurals for its reader. */
export function wordsFor(lang: Lang) {
  return {
    n: (x: number) => formatNumber(lang, x),
    kw: (x: number) => formatKw(lang, x),
    /** A duration, `∞` when open. */
    dur: (ms: number) => (Number.isFinite(ms) ? formatDuration(lang, ms) : '∞'),
    /** Seconds, to a tenth: `9,4 s` / `9.4 s`. */
    seconds: (ms: number) => `${formatNumber(lang, ms / 1000, 1)} s`,
    /** A time of day on the fleet clock (UTC), `∞` when open. */
    time: (ms: number | null) => {
      if (ms === null || !Number.isFinite(ms)) return '∞';
      let f = timeFormats.get(lang);
      if (!f) timeFormats.set(lang, (f = new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })));
      return f.format(ms);
    },
    /** `one` or `other` by the language's plural rule for `count`. */
    plural: (count: number, one: string, other: string) => {
      let p = plurals.get(lang);
      if (!p) plurals.set(lang, (p = new Intl.PluralRules(localeOf(lang))));
      return p.select(count) === 'one' ? one : other;
    },
  };
}
