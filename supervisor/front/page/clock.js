// The fleet clock: what it reads (source, simulated time, speed) and the tester's controls
// (freeze at a date-time, steps, speed, release). Between polls the shown time runs on
// locally at the clock's rate, so it never looks stuck.

import { toast, write } from './api.js';
import { t } from './i18n.js';
import { fmtDateTime, isoSeconds, parseUtcInput, setData, setText, toUtcInput } from './util.js';

const clock = { simMs: NaN, realMs: 0, rate: 0, source: 'unknown', speed: 0 };
let changed = () => {};
let atDirty = false;

/** The fleet's simulated time now, in ms, interpolated since the last poll. */
export function simNow() {
  if (!Number.isFinite(clock.simMs)) return Date.now();
  return clock.simMs + (performance.now() - clock.realMs) * clock.rate;
}

export function clockSource() {
  return clock.source;
}

/** The clock's rate against real time: 1 for the system clock, 0 when frozen. */
export function clockRate() {
  return clock.rate;
}

/** Takes a GET /supervision/api/time answer: {now, source, speed?, frozen?}. */
export function updateClock(body, sentAt) {
  const ms = Date.parse(body?.now);
  if (!Number.isFinite(ms)) return;
  const speed = typeof body.speed === 'number' ? body.speed : 0;
  const rate = body.source === 'system' ? 1 : speed;
  // The answer was computed somewhere between sending and receiving: take the middle.
  const now = performance.now();
  clock.realMs = sentAt === undefined ? now : (sentAt + now) / 2;
  clock.simMs = ms;
  clock.rate = rate;
  clock.source = body.source === 'mock' ? 'mock' : 'system';
  clock.speed = speed;
  render();
}

function render() {
  const root = document.getElementById('clock');
  setData(root, 'source', clock.source);
  setData(root, 'frozen', clock.source === 'mock' && clock.rate === 0);
  const badge = document.getElementById('clock-source');
  setText(badge, clock.source === 'mock' ? (clock.rate === 0 ? t('clock.mockFrozen') : 'MOCK') : t('clock.system'));
  badge.className = `badge clock-${clock.source}`;
  setText(document.getElementById('clock-speed'), clock.source === 'mock' && clock.rate !== 0 ? `× ${clock.rate}` : '');
  tick();
}

function tick() {
  const now = simNow();
  const node = document.getElementById('clock-now');
  setText(node, fmtDateTime(now));
  node.dateTime = isoSeconds(now);
  const at = document.getElementById('clock-at');
  if (!atDirty && document.activeElement !== at) {
    const value = toUtcInput(now);
    if (at.value !== value) at.value = value;
  }
}

async function setTime(nowMs, speed) {
  const body = { now: isoSeconds(nowMs) };
  if (speed) body.speed = speed;
  const res = await write('POST', '/mock/time', body, speed ? t('clock.setSpeed', { now: body.now, speed }) : t('clock.frozenAt', { now: body.now }));
  if (res.ok) changed();
  return res;
}

/** Wires the controls; `onChange` runs after any successful clock change. */
export function initClock(onChange) {
  changed = onChange;
  setInterval(tick, 250);
  document.addEventListener('langchange', () => { if (Number.isFinite(clock.simMs)) render(); });
  const form = document.getElementById('clock-form');
  const at = document.getElementById('clock-at');
  at.addEventListener('input', () => { atDirty = true; });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const ms = parseUtcInput(at.value);
    if (!Number.isFinite(ms)) return toast(t('clock.badTime'), 0);
    const res = await setTime(ms, 0);
    if (res.ok) atDirty = false;
  });

  form.addEventListener('click', async (ev) => {
    const button = ev.target.closest('button');
    if (!button || button.type === 'submit') return;
    if (button.dataset.step) {
      // A step keeps the clock as it goes: frozen stays frozen, a running one keeps its speed.
      const step = Number(button.dataset.step) * 1000;
      await setTime(simNow() + step, clock.rate);
    } else if (button.dataset.action === 'speed') {
      const speed = Number(document.getElementById('clock-speed-input').value);
      if (!(speed >= 0)) return toast(t('clock.badSpeed'), 0);
      await setTime(simNow(), speed);
    } else if (button.dataset.action === 'release') {
      const res = await write('POST', '/mock/time/release', undefined, t('clock.released'));
      if (res.ok) {
        atDirty = false;
        changed();
      }
    }
  });
}
