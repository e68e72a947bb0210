// A site's day (00:00–24:00 UTC of the simulated date) as a step chart (uPlot):
// - psetpoint_recu computed from the planning, exactly as the MK6 does: among the
//   non-deleted requests whose window holds t, the highest seq wins; stop = 0; none = Pmax;
// - pavailable and pactive as the page observed them (the API gives only the current
//   values, so the curve is the history seen since the page was opened, gaps left blank);
// - the external constraint over its window, the planning windows as shaded bands, and a
//   "now" line that follows the clock.

import { dayStart, fmtKw } from './util.js';

const DAY_S = 86400;
const MAX_SAMPLES = 4000;
/** Observations further apart than this (simulated seconds, or 5 polls at the clock's speed) are not joined. */
const JOIN_MAX_S = 300;
const COLORS = { setpoint: '#2563eb', available: '#16a34a', active: '#7c3aed', constraint: '#d97706', now: '#dc2626' };

/** Observed (pavailable, pactive) per site, kept while the page is open. */
const histories = new Map();

function history(key) {
  let hist = histories.get(key);
  if (!hist) histories.set(key, (hist = { samples: new Map(), lastT: NaN, segment: 0 }));
  return hist;
}

/** Records one observation at simulated second t; a jump of the clock starts a new segment. */
function record(key, t, pavailable, pactive, rate) {
  const hist = history(key);
  const expectedStep = Math.max(JOIN_MAX_S, 5 * rate);
  if (!(t >= hist.lastT && t - hist.lastT <= expectedStep)) hist.segment++;
  hist.lastT = t;
  hist.samples.set(t, [pavailable, pactive, hist.segment]);
  if (hist.samples.size > MAX_SAMPLES) {
    const keys = [...hist.samples.keys()].sort((a, b) => a - b);
    for (const k of keys.slice(0, hist.samples.size - MAX_SAMPLES)) hist.samples.delete(k);
  }
}

function live(requests) {
  return requests.filter((r) => r.state !== 'deleted').map((r) => ({
    seq: r.seq, id: r.id, set: r.set, psetpoint: r.psetpoint,
    start: Date.parse(r.start_time) / 1000,
    end: r.end_time ? Date.parse(r.end_time) / 1000 : Infinity,
  }));
}

/** The effective setpoint at t (seconds), as the MK6 computes it. */
export function effectiveSetpoint(reqs, t, pmax) {
  let best = null;
  for (const r of reqs) if (r.start <= t && t < r.end && (!best || r.seq > best.seq)) best = r;
  if (!best) return pmax;
  return best.set === 'stop' ? 0 : best.psetpoint;
}

/** Aligned uPlot data for one day: [x, setpoint, pavailable, pactive, constraint]. */
export function buildDay({ requests, constraint, samples, d0, pmax }) {
  const d1 = d0 + DAY_S;
  const reqs = live(requests);
  const xs = new Set([d0, d1]);
  const inDay = (t) => t > d0 && t < d1;
  for (const r of reqs) for (const t of [r.start, r.end]) if (inDay(t)) xs.add(t);
  let cw = null;
  if (constraint) {
    cw = { start: constraint.start_time ? Date.parse(constraint.start_time) / 1000 : -Infinity,
      end: constraint.end_time ? Date.parse(constraint.end_time) / 1000 : Infinity, value: constraint.value_kw };
    if (inDay(cw.start)) xs.add(cw.start);
    if (inDay(cw.end)) { xs.add(cw.end - 1); xs.add(cw.end); }
  }
  const seen = [...samples].filter(([t]) => t >= d0 && t <= d1).sort((a, b) => a[0] - b[0]);
  const observed = new Map();
  for (let i = 0; i < seen.length; i++) {
    const [t, v] = seen[i];
    observed.set(t, v);
    xs.add(t);
    const next = seen[i + 1];
    if (next && next[1][2] !== v[2]) {
      const mid = (t + next[0]) / 2;
      xs.add(mid);
      observed.set(mid, null); // a break: the page did not watch in between
    }
  }
  const x = [...xs].sort((a, b) => a - b);
  const setpoint = x.map((t) => effectiveSetpoint(reqs, t, pmax));
  const available = x.map((t) => (observed.has(t) ? observed.get(t)?.[0] ?? null : undefined));
  const active = x.map((t) => (observed.has(t) ? observed.get(t)?.[1] ?? null : undefined));
  const cons = x.map((t) => {
    if (!cw) return undefined;
    if (t === cw.end) return null;
    return t >= cw.start && t < cw.end ? cw.value : undefined;
  });
  const windows = reqs.filter((r) => r.end > d0 && r.start < d1);
  return { data: [x, setpoint, available, active, cons], windows };
}

const fmtAxisMw = (_u, splits) => splits.map((v) => `${(v / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} MW`);
const fmtAxisTime = (_u, splits) => splits.map((v) => {
  const iso = new Date(v * 1000).toISOString();
  return iso.slice(11, 16) === '00:00' ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}` : `${iso.slice(11, 13)}h`;
});
/** Points only while a series is sparse (a frozen clock gives one point per step). */
const sparse = (u, si) => u.data[si].reduce((n, v) => (v == null ? n : n + 1), 0) < 40;
const fmtLegendKw = (_u, v) => (v === null || v === undefined ? '—' : fmtKw(v));

export class SiteChart {
  constructor(container, key) {
    this.container = container;
    this.key = key;
    this.plot = null;
    this.state = null;
    this.nowS = NaN;
    this.visible = false;
    this.dirty = false;
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(container);
    this.seen = new IntersectionObserver((entries) => {
      this.visible = entries.some((e) => e.isIntersecting);
      if (this.visible && this.dirty) this.render();
    });
    this.seen.observe(container);
  }

  /** Fresh state from the MK6: {requests, view, nowMs (the MK6's simulated time), rate}. */
  update({ requests, view, nowMs, rate = 1 }) {
    const t = Math.floor(nowMs / 1000);
    if (view.pavailable !== undefined) record(this.key, t, view.pavailable, view.pactive, rate);
    this.state = { requests, constraint: view.configured_constraint ?? view.external_constraint, pmax: view.pmax_wf };
    this.nowS = nowMs / 1000;
    this.dirty = true;
    if (this.visible) this.render();
  }

  moveNow(nowMs) {
    const nowS = nowMs / 1000;
    if (!this.plot || !this.visible) return;
    if (Math.floor(nowS / DAY_S) !== Math.floor(this.nowS / DAY_S)) {
      this.nowS = nowS;
      return this.render(); // a new simulated day
    }
    if (Math.abs(nowS - this.nowS) < 1) return;
    this.nowS = nowS;
    this.plot.redraw(false, false);
  }

  render() {
    if (!this.state || typeof uPlot === 'undefined') return;
    const width = this.container.clientWidth;
    if (width < 50) return;
    const d0 = dayStart(this.nowS * 1000) / 1000;
    const { data, windows } = buildDay({ ...this.state, samples: history(this.key).samples, d0 });
    this.windows = windows;
    this.d0 = d0;
    if (!this.plot) this.create(width, data);
    else this.plot.setData(data, false);
    this.plot.setScale('x', { min: d0, max: d0 + DAY_S });
    this.container.dataset.day = new Date(d0 * 1000).toISOString().slice(0, 10);
    this.container.dataset.windows = windows.map((w) => w.id).join(' ');
    this.dirty = false;
  }

  create(width, data) {
    const pmax = () => this.state?.pmax ?? 1;
    const stepped = uPlot.paths.stepped({ align: 1 });
    this.plot = new uPlot({
      width,
      height: 170,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true, auto: false, range: () => [this.d0, this.d0 + DAY_S] }, y: { auto: false, range: () => [0, pmax() * 1.08] } },
      axes: [
        { stroke: '#555', grid: { stroke: '#eee' }, ticks: { stroke: '#ddd' }, values: fmtAxisTime, space: 36, size: 30 },
        { stroke: '#555', grid: { stroke: '#eee' }, ticks: { stroke: '#ddd' }, values: fmtAxisMw, size: 56, space: 24 },
      ],
      legend: { live: true },
      cursor: { drag: { x: false, y: false }, points: { size: 6 } },
      series: [
        { label: 'UTC', value: '{HH}:{mm}:{ss}' },
        { label: 'consigne', stroke: COLORS.setpoint, width: 2, paths: stepped, points: { show: false }, value: fmtLegendKw },
        { label: 'Pdispo (vue)', stroke: COLORS.available, width: 1.5, points: { show: sparse, size: 5, fill: COLORS.available }, value: fmtLegendKw },
        { label: 'Pactive (vue)', stroke: COLORS.active, width: 2, points: { show: sparse, size: 5, fill: COLORS.active }, value: fmtLegendKw },
        { label: 'contrainte', stroke: COLORS.constraint, width: 2, dash: [6, 4], paths: stepped, points: { show: false }, value: fmtLegendKw },
      ],
      hooks: {
        drawAxes: [(u) => this.drawWindows(u)],
        draw: [(u) => this.drawNow(u)],
      },
    }, data, this.container);
  }

  fit() {
    const width = this.container.clientWidth;
    if (width < 50) return;
    if (!this.plot) return this.render();
    if (Math.abs(this.plot.width - width) > 2) this.plot.setSize({ width, height: 170 });
  }

  drawWindows(u) {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    ctx.save();
    ctx.font = `${Math.round(10 * devicePixelRatio)}px system-ui, sans-serif`;
    ctx.textBaseline = 'top';
    for (const w of this.windows ?? []) {
      const x0 = u.valToPos(Math.max(w.start, this.d0), 'x', true);
      const x1 = u.valToPos(Math.min(w.end, this.d0 + DAY_S), 'x', true);
      ctx.fillStyle = w.set === 'stop' ? 'rgba(220,38,38,0.10)' : 'rgba(37,99,235,0.08)';
      ctx.fillRect(x0, top, x1 - x0, height);
      ctx.strokeStyle = w.set === 'stop' ? 'rgba(220,38,38,0.5)' : 'rgba(37,99,235,0.45)';
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(x0, top);
      ctx.lineTo(x0, top + height);
      ctx.stroke();
      const value = w.set === 'stop' ? 'stop' : `${(w.psetpoint / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} MW`;
      const room = x1 - x0 - 4 * devicePixelRatio;
      const label = [`${w.id} ${value}`, value].find((text) => ctx.measureText(text).width <= room);
      if (label) {
        ctx.fillStyle = w.set === 'stop' ? '#b91c1c' : '#1d4ed8';
        ctx.fillText(label, x0 + 2 * devicePixelRatio, top + 2 * devicePixelRatio + (w.seq % 2) * 12 * devicePixelRatio);
      }
    }
    ctx.restore();
  }

  drawNow(u) {
    if (!(this.nowS >= this.d0 && this.nowS <= this.d0 + DAY_S)) return;
    const ctx = u.ctx;
    const x = u.valToPos(this.nowS, 'x', true);
    const { top, height } = u.bbox;
    ctx.save();
    ctx.strokeStyle = COLORS.now;
    ctx.setLineDash([]);
    ctx.lineWidth = 1.5 * devicePixelRatio;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.restore();
  }

  destroy() {
    this.resize.disconnect();
    this.seen.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }
}
