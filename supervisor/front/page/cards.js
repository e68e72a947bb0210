// One card per MK6: its identity, its process, its soft outage and auth, the tester's
// actions on it (kill, restart, offline/online, auth), and, unfolded, its sites.

import { enc, getJson, write } from './api.js';
import { DAY_S } from './chart.js';
import { m, t } from './i18n.js';
import { SiteBlock } from './sites.js';
import { dayStart, dotTitle, fmtBytes, fmtDuration, fmtHm, h, isoSeconds, procLabel, setData, setText } from './util.js';

/** GET …/history answers at most this many rows (MAX_HISTORY_ROWS in src/schema/plant.ts). */
const MAX_HISTORY_ROWS = 20_000;
/** The day is read again at least this often (ms), and whenever what shapes it changed. */
const HISTORY_MAX_AGE_MS = 60_000;
const KILL_KINDS = [['refused', 'kill.refused'], ['blackhole', 'kill.blackhole'], ['reset', 'kill.reset']];
const RESTART_KINDS = [['warm', 'restart.warm'], ['cold', 'restart.cold']];

export class Mk6Card {
  constructor(entry, { onChanged, onToggle, onNetwork, onProvision, onClose }) {
    this.id = entry.mk6_id;
    this.onChanged = onChanged;
    this.onToggle = onToggle;
    this.onNetwork = onNetwork;
    this.onProvision = onProvision;
    this.onClose = onClose;
    this.historyKey = null;
    this.historyAt = 0;
    this.historyBusy = false;
    this.sites = new Map();
    this.siteKey = '';
    this.entry = entry;
    this.lastState = null;
    this.build();
    this.updateInventory(entry);
  }

  build() {
    const id = this.id;
    const btn = (action, label, title) => h('button', { type: 'button', 'data-action': action, 'data-write': true, title, onclick: (ev) => { ev.stopPropagation(); this.act(ev.currentTarget.dataset.action); } }, label);
    const kinds = (testid, label, labelOf, list) => h('select', { 'data-testid': testid, 'aria-label': m(labelOf, { id }), 'data-write': true, title: m(label) }, list.map(([v, key]) => h('option', { value: v }, m(key))));
    this.toggle = h('button', { type: 'button', class: 'toggle', 'data-testid': 'mk6-toggle', 'aria-expanded': 'false', 'aria-label': m('card.toggleOf', { id }), title: m('card.toggle') }, '▸');
    this.head = h('header', { class: 'mk6-head' },
      this.toggle,
      h('strong', { class: 'mk6-id', 'data-testid': 'mk6-id' }, id),
      this.aliases = h('span', { class: 'aliases muted', 'data-testid': 'mk6-aliases' }),
      this.url = h('a', { class: 'mk6-url', 'data-testid': 'mk6-url', target: '_blank', rel: 'noopener' }),
      this.proc = h('span', { class: 'badge proc', 'data-testid': 'process-status' }),
      this.procMeta = h('span', { class: 'proc-meta muted', 'data-testid': 'process-meta' }),
      this.online = h('span', { class: 'badge net', 'data-testid': 'online-status' }),
      this.auth = h('span', { class: 'badge auth', 'data-testid': 'auth-status' }),
      this.trouble = h('span', { class: 'badge trouble', 'data-testid': 'network-status', hidden: true }),
      this.summary = h('span', { class: 'site-summary', 'data-testid': 'site-summary' }),
      h('span', { class: 'mk6-actions' },
        h('span', { class: 'group' },
          this.killKind = kinds('kill-kind', 'card.killKind', 'card.killKindOf', KILL_KINDS),
          this.killBtn = btn('kill', m('card.kill'), m('card.killTitle'))),
        h('span', { class: 'group' },
          this.restartKind = kinds('restart-kind', 'card.restartKind', 'card.restartKindOf', RESTART_KINDS),
          this.restartBtn = btn('restart', m('card.restart'), m('card.restartTitle'))),
        this.offlineBtn = btn('offline', '', m('card.offlineTitle')),
        this.authBtn = btn('auth-on', '', m('card.authTitle')),
        h('button', { type: 'button', 'data-testid': 'network-open', 'aria-label': m('card.networkOf', { id }), onclick: (ev) => { ev.stopPropagation(); this.onNetwork(this.id); } }, m('card.network')),
        h('button', { type: 'button', 'data-testid': 'provision-card', 'aria-label': m('card.sitesOf', { id }), onclick: (ev) => { ev.stopPropagation(); this.onProvision(this.entry); } }, m('card.sites')),
        h('button', { type: 'button', class: 'close', 'data-testid': 'mk6-close', 'aria-label': m('card.closeOf', { id }), onclick: (ev) => { ev.stopPropagation(); this.onClose(this); } }, '✕'),
      ),
    );
    this.head.addEventListener('click', (ev) => {
      if (ev.target.closest('a, button:not(.toggle), input, select')) return;
      this.setExpanded(!this.expanded);
      this.onToggle(this);
    });
    this.notice = h('div', { class: 'mk6-notice', 'data-testid': 'mk6-notice', hidden: true });
    this.siteList = h('div', { class: 'site-list' });
    this.body = h('div', { class: 'mk6-body', hidden: true }, this.notice, this.siteList);
    this.root = h('section', { class: 'mk6-card', 'data-mk6': id, 'data-testid': 'mk6-card', 'data-expanded': 'false' }, this.head, this.body);
  }

  get expanded() {
    return this.root.dataset.expanded === 'true';
  }

  setExpanded(open) {
    setData(this.root, 'expanded', open);
    this.body.hidden = !open;
    setText(this.toggle, open ? '▾' : '▸');
    this.toggle.setAttribute('aria-expanded', String(open));
  }

  get reachable() {
    return this.entry.process?.status === 'online' || this.entry.process?.status === undefined;
  }

  /** Takes the MK6's entry of the inventory. */
  updateInventory(entry) {
    this.entry = entry;
    const p = entry.process ?? {};
    const status = p.status ?? 'unknown';
    setData(this.root, 'status', status);
    setData(this.root, 'online', entry.online !== false);
    setData(this.root, 'auth', Boolean(entry.auth?.enabled));
    setText(this.aliases, (entry.aliases ?? []).join(', '));
    const url = entry.network?.url ?? '';
    if (this.url.getAttribute('href') !== url) this.url.href = url;
    setText(this.url, entry.network ? `${entry.network.host}:${entry.network.port}` : '—');
    setText(this.proc, procLabel(status));
    this.proc.className = `badge proc proc-${status.replace(/\W+/g, '-')}`;
    setData(this.proc, 'status', status);
    setText(this.procMeta, status === 'online' || p.pid
      ? `pid ${p.pid ?? '—'} · ↑ ${fmtDuration(p.uptime_s)} · ↻ ${p.restarts ?? 0} · ${fmtBytes(p.memory_bytes)}`
      : `↻ ${p.restarts ?? 0}`);
    // A blackhole or reset outage, and the network conditions: what the gateway meets on the wire.
    const outage = entry.outage && entry.outage !== 'refused' ? entry.outage : null;
    const trouble = [outage ? t('card.outage', { kind: outage }) : null, ...(entry.network_conditions ?? []).map((c) => `${c.name}: ${c.type}`)].filter(Boolean).join(' · ');
    this.trouble.hidden = !trouble;
    setText(this.trouble, trouble);
    this.trouble.title = t(outage ? 'card.outageTitle' : 'card.conditionsTitle');
    const online = entry.online !== false || Boolean(outage);
    const running = status === 'online';
    setText(this.online, t(!running ? 'card.unreachable' : online ? 'card.isOnline' : 'card.isOffline'));
    this.online.className = `badge net ${!running ? 'down' : online ? 'ok' : 'off'}`;
    this.offlineBtn.dataset.action = online ? 'offline' : 'online';
    setText(this.offlineBtn, t(online ? 'card.goOffline' : 'card.goOnline'));
    const auth = Boolean(entry.auth?.enabled);
    setText(this.auth, t(auth ? 'card.authBearer' : 'card.authNone'));
    this.auth.className = `badge auth ${auth ? 'on' : ''}`;
    this.authBtn.dataset.action = auth ? 'auth-off' : 'auth-on';
    setText(this.authBtn, t(auth ? 'card.authOff' : 'card.authOn'));

    const reachable = this.reachable;
    for (const b of [this.killBtn, this.killKind, this.offlineBtn, this.authBtn]) b.toggleAttribute('data-blocked', !reachable);
    this.renderSummary(entry.sites ?? []);
    this.syncSites(entry.sites ?? []);
    setData(this.root, 'added', Boolean(entry.added));
    if (!reachable) {
      const why = entry.problem ? ` (${entry.problem})` : '';
      this.showUnreachable(() => t('card.portRefused', { status: procLabel(status), why }));
    }
  }

  renderSummary(sites) {
    const key = sites.map((s) => `${s.sycode}:${s.state}:${s.fault}`).join('|');
    if (key === this.summaryKey) return;
    this.summaryKey = key;
    this.summary.replaceChildren(...sites.map((s) => h('span', {
      class: `dot s${s.state}${s.fault ? ' fault' : ''}`, 'data-sycode': s.sycode, 'data-state': s.state,
      title: dotTitle(s, s.state),
    }, String(s.state))));
  }

  /** Builds the site blocks again when the MK6's sites changed (provision). */
  syncSites(sites) {
    const key = sites.map((s) => s.sycode).join('|');
    if (key === this.siteKey) return;
    this.siteKey = key;
    for (const block of this.sites.values()) block.destroy();
    this.sites.clear();
    for (const site of sites) {
      const block = new SiteBlock(this.id, site, this.onChanged);
      this.sites.set(site.sycode, block);
      this.siteList.append(block.root);
    }
  }

  /** Takes GET /mock/mk6/{id}/state. */
  updateState(state) {
    this.lastState = state;
    this.notice.hidden = true;
    setData(this.root, 'reachable', true);
    const nowMs = Date.parse(state.clock?.now) || Date.now();
    for (const [sycode, block] of this.sites) {
      const view = state.sites?.[sycode];
      if (!view) continue;
      block.setUnreachable(false);
      block.update(view, state.planning ?? [], nowMs);
    }
    void this.refreshHistory(state, nowMs);
  }

  /** The day's curves are the model's: read again when the day or what shapes it changed. */
  async refreshHistory(state, nowMs) {
    const d0 = dayStart(nowMs);
    const shape = {
      planning: (state.planning ?? []).map((r) => [r.id, r.state === 'deleted', r.set, r.psetpoint, r.start_time, r.end_time]),
      sites: Object.values(state.sites ?? {}).map((v) => [v.sycode, v.state, v.fault, v.pmax_wf, v.configured_constraint ?? null, v.external_constraint?.value_kw ?? null, v.dynamics ?? null, v.profile ?? null]),
    };
    const key = `${d0} ${JSON.stringify(shape)}`;
    if (this.historyBusy || (key === this.historyKey && Date.now() - this.historyAt < HISTORY_MAX_AGE_MS)) return;
    this.historyBusy = true;
    try {
      let step = 60;
      while ((Math.floor(DAY_S / step) + 1) * Math.max(1, this.sites.size) > MAX_HISTORY_ROWS) step *= 2;
      const body = await getJson(`/supervision/api/mk6/${enc(this.id)}/history?from=${isoSeconds(d0)}&to=${isoSeconds(d0 + DAY_S * 1000)}&step=${step}s`);
      const bySite = new Map();
      for (const row of body.rows ?? []) {
        if (!bySite.has(row.sycode)) bySite.set(row.sycode, []);
        bySite.get(row.sycode).push(row);
      }
      for (const [sycode, block] of this.sites) block.chart.setDay(bySite.get(sycode) ?? [], d0 / 1000, step);
      this.historyKey = key;
      this.historyAt = Date.now();
    } catch (err) {
      console.warn(`history of ${this.id}: ${err.message}`);
    } finally {
      this.historyBusy = false;
    }
  }

  /** The timeline changed: redraw the markers. */
  invalidateBands() {
    // Coalesced: the event log replayed at load brings hundreds of events in one go.
    if (this.bandsPending) return;
    this.bandsPending = true;
    requestAnimationFrame(() => {
      this.bandsPending = false;
      for (const block of this.sites.values()) block.chart.markDirty();
    });
  }

  /** Something happened to this MK6 (fleet event): read its day again at the next poll, redraw its bands. */
  invalidate() {
    this.historyKey = null;
    this.invalidateBands();
  }

  /** `message`: () → the notice in the page's language (written again after a switch). */
  showUnreachable(message) {
    this.noticeText = message;
    setData(this.root, 'reachable', false);
    const at = this.lastState?.clock?.now ? t('card.lastValues', { time: fmtHm(this.lastState.clock.now, true) }) : '';
    setText(this.notice, message() + at);
    this.notice.hidden = false;
    for (const block of this.sites.values()) block.setUnreachable(true);
  }

  /** The language changed: every text this card wrote, again. */
  relabel() {
    this.summaryKey = null;
    for (const block of this.sites.values()) block.relabel();
    this.updateInventory(this.entry);
    if (!this.notice.hidden && this.noticeText) this.showUnreachable(this.noticeText);
  }

  tick(nowMs) {
    if (!this.expanded) return;
    for (const block of this.sites.values()) block.tick(nowMs);
  }

  matches(query) {
    if (!query) return true;
    const e = this.entry;
    const text = [e.mk6_id, ...(e.aliases ?? []), e.network?.url ?? '', ...(e.sites ?? []).flatMap((s) => [s.sycode, s.name, s.prm_id ?? ''])]
      .join(' ').toLowerCase();
    return query.toLowerCase().split(/\s+/).filter(Boolean).every((word) => text.includes(word));
  }

  async act(action) {
    const base = `/mock/mk6/${enc(this.id)}`;
    let res;
    if (action === 'kill') res = await write('POST', `${base}/kill`, { kind: this.killKind.value }, `${this.id} kill ${this.killKind.value}`);
    else if (action === 'restart') res = await write('POST', `${base}/restart`, { kind: this.restartKind.value }, t('act.restart', { id: this.id, kind: this.restartKind.value }));
    else if (action === 'offline' || action === 'online') res = await write('POST', `${base}/${action}`, undefined, `${this.id} ${action}`);
    else if (action === 'auth-off') res = await write('POST', `${base}/auth`, { enabled: false }, t('act.authOff', { id: this.id }));
    else if (action === 'auth-on') {
      const token = prompt(t('card.tokenPrompt', { id: this.id }));
      if (!token) return;
      res = await write('POST', `${base}/auth`, { enabled: true, token }, t('act.authOn', { id: this.id }));
    }
    if (res?.ok) this.onChanged();
  }

  destroy() {
    for (const block of this.sites.values()) block.destroy();
    this.root.remove();
  }
}
