// A site's day (00:00–24:00 UTC of the simulated date), drawn from the model (uPlot):
// consigne, Pdispo, Pactive and the constraint are the rows of GET /mock/mk6/{id}/history,
// the very values the monitoring answers at each instant (the page computes none of them);
// over them the planning windows, the outages from the fleet event log (kills with their
// kind, offline), the timeline's events, and a "now" line that follows the clock.

import { locale, t } from './i18n.js';
import { outagesOf } from './live.js';
import { timelineFor } from './timeline.js';
import { fmtKw, fmtNumber } from './util.js';

export const DAY_S = 86400;
const HEIGHT = 170;
const COLORS = { setpoint: '#2563eb', available: '#16a34a', active: '#7c3aed', constraint: '#d97706', now: '#dc2626' };
const OUTAGE_FILL = { refused: 'rgba(220,38,38,0.16)', blackhole: 'rgba(17,24,39,0.18)', reset: 'rgba(234,88,12,0.18)', offline: 'rgba(202,138,4,0.16)' };
/** Kinds are the contract's words; a soft outage is said in the page's language. */
const outageLabel = (kind) => (kind === 'refused' ? 'kill' : kind === 'offline' ? t('chart.offline') : kind);
const MARKER = { pending: '#6b7280', fired: '#0f766e', failed: '#b91c1c' };

const fmtAxisMw = (_u, splits) => splits.map((v) => `${fmtNumber(v / 1000, { maximumFractionDigits: 1 })} MW`);
const fmtAxisTime = (_u, splits) => splits.map((v) => {
  const date = new Date(v * 1000);
  const iso = date.toISOString();
  return iso.slice(11, 16) === '00:00'
    ? date.toLocaleDateString(locale(), { day: '2-digit', month: '2-digit', timeZone: 'UTC' })
    : t('chart.hour', { h: iso.slice(11, 13) });
});
const fmtLegendKw = (_u, v) => (v === null || v === undefined ? '—' : fmtKw(v));

/** History rows of one site → aligned uPlot data [x, consigne, pactive, pavailable, constraint] (Pdispo drawn over Pactive). */
export function seriesOf(rows) {
  const x = [];
  const setpoint = [];
  const available = [];
  const active = [];
  const constraint = [];
  for (const r of rows) {
    x.push(Date.parse(r.time) / 1000);
    setpoint.push(r.psetpoint_recu);
    available.push(r.pavailable);
    active.push(r.pactive);
    constraint.push(r.external_constraint_kw ?? null);
  }
  return [x, setpoint, active, available, constraint];
}

export class SiteChart {
  constructor(container, mk6Id, sycode) {
    this.container = container;
    this.mk6Id = mk6Id;
    this.sycode = sycode;
    this.plot = null;
    this.data = null;
    this.pmax = 1;
    this.windows = [];
    this.d0 = NaN;
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

  /** The model's day for this site: history rows (00:00 → 24:00), the day's start and the step, in s. */
  setDay(rows, d0, stepS) {
    this.data = seriesOf(rows);
    this.d0 = d0;
    const ds = this.container.dataset;
    ds.day = new Date(d0 * 1000).toISOString().slice(0, 10);
    ds.step = String(stepS);
    ds.points = String(rows.length);
    this.markDirty();
  }

  /** The planning windows (display only: the consigne curve is the model's) and Pmax. */
  setPlanning(requests, pmax) {
    this.pmax = pmax || 1;
    this.windows = requests.filter((r) => r.state !== 'deleted').map((r) => ({
      id: r.id, seq: r.seq, set: r.set, psetpoint: r.psetpoint,
      start: Date.parse(r.start_time) / 1000, end: r.end_time ? Date.parse(r.end_time) / 1000 : Infinity,
    })).filter((w) => w.end > this.d0 && w.start < this.d0 + DAY_S);
    const ids = this.windows.map((w) => w.id).join(' ');
    if (this.container.dataset.windows !== ids) this.container.dataset.windows = ids;
  }

  /** Outages and timeline events of this day, also written on the container (tests, even off-screen). */
  overlays() {
    const d1 = this.d0 + DAY_S;
    const outages = outagesOf(this.mk6Id).filter((b) => b.end > this.d0 && b.start < d1);
    const marks = timelineFor(this.mk6Id).filter((e) => e.t >= this.d0 && e.t <= d1);
    const ds = this.container.dataset;
    const outageText = outages.map((b) => b.kind).join(' ');
    if (ds.outages !== outageText) ds.outages = outageText;
    const markText = marks.map((m) => `${m.action}:${m.status}`).join(' ');
    if (ds.timeline !== markText) ds.timeline = markText;
    return { outages, marks };
  }

  markDirty() {
    this.overlays();
    this.dirty = true;
    if (this.visible) this.render();
  }

  moveNow(nowMs) {
    const nowS = nowMs / 1000;
    if (Math.abs(nowS - this.nowS) < 1) return;
    this.nowS = nowS;
    this.container.dataset.now = new Date(Math.floor(nowS) * 1000).toISOString().replace('.000Z', 'Z');
    if (this.plot && this.visible) this.plot.redraw(false, false);
  }

  render() {
    if (!this.data || typeof uPlot === 'undefined') return;
    const width = this.container.clientWidth;
    if (width < 50) return;
    if (!this.plot) this.create(width);
    else this.plot.setData(this.data, false);
    this.plot.setScale('x', { min: this.d0, max: this.d0 + DAY_S });
    this.dirty = false;
  }

  create(width) {
    const stepped = uPlot.paths.stepped({ align: 1 });
    this.plot = new uPlot({
      width,
      height: HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true, auto: false, range: () => [this.d0, this.d0 + DAY_S] }, y: { auto: false, range: () => [0, this.pmax * 1.08] } },
      axes: [
        { stroke: '#374151', grid: { stroke: '#eee' }, ticks: { stroke: '#ddd' }, values: fmtAxisTime, space: 36, size: 30 },
        { stroke: '#374151', grid: { stroke: '#eee' }, ticks: { stroke: '#ddd' }, values: fmtAxisMw, size: 64, space: 24 },
      ],
      legend: { live: true },
      cursor: { drag: { x: false, y: false }, points: { size: 6 } },
      series: [
        { label: 'UTC', value: '{HH}:{mm}:{ss}' },
        { label: t('chart.consigne'), stroke: COLORS.setpoint, width: 2, paths: stepped, points: { show: false }, value: fmtLegendKw },
        { label: 'Pactive', stroke: COLORS.active, fill: 'rgba(124,58,237,0.10)', width: 1.5, points: { show: false }, value: fmtLegendKw },
        { label: t('chart.pdispo'), stroke: COLORS.available, width: 1, points: { show: false }, value: fmtLegendKw },
        { label: t('chart.constraint'), stroke: COLORS.constraint, width: 2, dash: [6, 4], paths: stepped, points: { show: false }, value: fmtLegendKw },
      ],
      hooks: {
        drawAxes: [(u) => this.drawBands(u)],
        draw: [(u) => this.drawNow(u)],
      },
    }, this.data, this.container);
  }

  /** The language changed: the legend and the axes are drawn again. */
  relabel() {
    this.plot?.destroy();
    this.plot = null;
    this.markDirty();
  }

  fit() {
    const width = this.container.clientWidth;
    if (width < 50) return;
    if (!this.plot) return this.render();
    if (Math.abs(this.plot.width - width) > 2) this.plot.setSize({ width, height: HEIGHT });
  }

  /** Planning windows, outages, timeline events: behind the curves. */
  drawBands(u) {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    const px = devicePixelRatio;
    const d1 = this.d0 + DAY_S;
    const xOf = (t) => u.valToPos(Math.min(Math.max(t, this.d0), d1), 'x', true);
    ctx.save();
    ctx.font = `${Math.round(10 * px)}px system-ui, sans-serif`;
    ctx.textBaseline = 'top';
    for (const w of this.windows) {
      const x0 = xOf(w.start);
      const x1 = xOf(w.end);
      ctx.fillStyle = w.set === 'stop' ? 'rgba(220,38,38,0.08)' : 'rgba(37,99,235,0.07)';
      ctx.fillRect(x0, top, x1 - x0, height);
      const value = w.set === 'stop' ? 'stop' : `${fmtNumber(w.psetpoint / 1000, { maximumFractionDigits: 2 })} MW`;
      const label = [`${w.id} ${value}`, value].find((text) => ctx.measureText(text).width <= x1 - x0 - 4 * px);
      if (label) {
        ctx.fillStyle = w.set === 'stop' ? '#b91c1c' : '#1d4ed8';
        ctx.fillText(label, x0 + 2 * px, top + 2 * px + (w.seq % 2) * 12 * px);
      }
    }
    const { outages, marks } = this.overlays();
    for (const b of outages) {
      const x0 = xOf(b.start);
      const x1 = Math.max(xOf(Math.min(b.end, this.nowS)), x0 + px);
      ctx.fillStyle = OUTAGE_FILL[b.kind] ?? OUTAGE_FILL.refused;
      ctx.fillRect(x0, top, x1 - x0, height);
      ctx.fillStyle = '#111827';
      ctx.fillText(outageLabel(b.kind), x0 + 2 * px, top + height - 13 * px);
    }
    for (const m of marks) {
      const x = xOf(m.t);
      ctx.strokeStyle = MARKER[m.status] ?? MARKER.pending;
      ctx.lineWidth = 1.5 * px;
      ctx.setLineDash([2 * px, 2 * px]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      ctx.fillStyle = MARKER[m.status] ?? MARKER.pending;
      ctx.beginPath();
      ctx.moveTo(x - 4 * px, top);
      ctx.lineTo(x + 4 * px, top);
      ctx.lineTo(x, top + 6 * px);
      ctx.fill();
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
    ctx.lineWidth = 1.5 * devicePixelRatio;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.restore();
  }

  /** What is drawn, for the browser tests: {x: [s], consigne, pavailable, pactive, constraint}. */
  series() {
    if (!this.data) return null;
    const [x, consigne, pactive, pavailable, constraint] = this.data;
    return { x, consigne, pavailable, pactive, constraint };
  }

  destroy() {
    this.resize.disconnect();
    this.seen.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }
}
