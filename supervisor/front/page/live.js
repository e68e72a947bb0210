// The fleet live, from one Server-Sent Events stream (GET /mock/stream): the event log
// (`event: fleet`, replayed from the start, then as it grows) and the telemetry of every MK6
// (`event: telemetry`, only what changed). One connection whatever the fleet's size; the
// page's polling stays one inventory call per period.

const KEPT = 2000;
const RETRY_MS = 2000;

/** The fleet event log as seen by the page, oldest first. */
export const fleetEvents = [];
/** mk6_id → {sim_time, sites: {SYC: {pavailable, pactive, consigne, state}}} */
export const telemetry = new Map();

const listeners = { fleet: new Set(), telemetry: new Set(), status: new Set() };
let lastId = 0;
let source = null;
let connected = false;
let intervalMs = 1000;
let retry = 0;

export function onFleetEvent(fn) { listeners.fleet.add(fn); }
export function onTelemetry(fn) { listeners.telemetry.add(fn); }
export function onStreamStatus(fn) { listeners.status.add(fn); }
export function streamConnected() { return connected; }

function emit(kind, value) {
  for (const fn of listeners[kind]) {
    try {
      fn(value);
    } catch (err) {
      console.warn(err);
    }
  }
}

function setConnected(ok) {
  if (ok === connected) return;
  connected = ok;
  emit('status', ok);
}

/**
 * The telemetry period: each period the fleet asks every worker, so a large fleet is sampled
 * less often. A change reopens the stream from the last event seen (nothing lost nor doubled).
 */
export function setLiveInterval(ms) {
  if (ms === intervalMs) return;
  intervalMs = ms;
  if (source && source.readyState !== EventSource.CLOSED) {
    source.close();
    startLive();
  }
}

/** Opens the stream; on a drop it reopens from the last event id seen (never a duplicate). */
export function startLive() {
  if (typeof EventSource === 'undefined') return;
  clearTimeout(retry);
  source = new EventSource(`/mock/stream?types=fleet,telemetry&interval_ms=${intervalMs}&since_id=${lastId}`);
  source.addEventListener('open', () => setConnected(true));
  source.addEventListener('fleet', (ev) => {
    let e;
    try { e = JSON.parse(ev.data); } catch { return; }
    if (!(typeof e?.id === 'number') || e.id <= lastId) return;
    lastId = e.id;
    fleetEvents.push(e);
    if (fleetEvents.length > KEPT) fleetEvents.splice(0, fleetEvents.length - KEPT);
    emit('fleet', e);
  });
  source.addEventListener('telemetry', (ev) => {
    let t;
    try { t = JSON.parse(ev.data); } catch { return; }
    if (!t?.mk6_id) return;
    telemetry.set(t.mk6_id, t);
    emit('telemetry', t);
  });
  const mine = source;
  source.addEventListener('error', () => {
    // EventSource would retry with Last-Event-ID, but our URL carries since_id: reopen ourselves.
    mine.close();
    if (mine !== source) return;
    setConnected(false);
    retry = setTimeout(startLive, RETRY_MS);
  });
}

/**
 * The outages of one MK6 from the event log: kills (with their kind) until a restart, soft
 * offline until online; a reset ends them all. [{kind, start, end}] in seconds, end Infinity
 * while it lasts.
 */
export function outagesOf(mk6Id) {
  const bands = [];
  let kill = null;
  let offline = null;
  const close = (band, t) => {
    if (band) band.end = t;
    return null;
  };
  for (const e of fleetEvents) {
    const t = Date.parse(e.sim_time) / 1000;
    if (!Number.isFinite(t)) continue;
    if (e.kind === 'reset') {
      kill = close(kill, t);
      offline = close(offline, t);
      continue;
    }
    if (e.mk6_id !== mk6Id) continue;
    if (e.kind === 'kill') {
      kill = close(kill, t);
      kill = { kind: e.details?.kind ?? 'refused', start: t, end: Infinity };
      bands.push(kill);
    } else if (e.kind === 'restart') {
      kill = close(kill, t);
    } else if (e.kind === 'offline') {
      if (!offline) bands.push((offline = { kind: 'offline', start: t, end: Infinity }));
    } else if (e.kind === 'online') {
      offline = close(offline, t);
    }
  }
  return bands;
}
