// The supervision page's main loop. One poll a second of the clock and the mode, the
// inventory once a period (longer past LARGE_FLEET MK6: it asks every worker), one stream for
// the telemetry and the event log, and the state (and the day's curves) only of the cards the
// tester opened. A fleet of up to SMALL_FLEET MK6 shows a card for each; a larger one shows the
// overview, cards on demand. Nothing here grows with the fleet but the inventory's size.

import { enc, getJson, write } from './api.js';
import { initLang, t } from './i18n.js';
import { Mk6Card } from './cards.js';
import { initClock, simNow, updateClock } from './clock.js';
import { addMk6Options, initJournal, pollJournal, resyncJournal } from './journal.js';
import { onFleetEvent, onStreamStatus, onTelemetry, setLiveInterval, startLive, streamConnected } from './live.js';
import { initVerdicts } from './verdicts.js';
import { currentMode, initMode, refreshLocks, updateMode } from './mode.js';
import { initNetworkForm, openNetwork } from './network-form.js';
import { Overview } from './overview.js';
import { initProvision, openProvision } from './provision.js';
import { initTimeline } from './timeline.js';
import { initChaos } from './chaos.js';
import { debounce, setData, setText } from './util.js';

const POLL_MS = 1000;
/** The inventory asks every worker: a large fleet's is read less often (the stream says what changed at once). */
const LARGE_FLEET = 50;
const inventoryPeriodMs = () => (entries.length > LARGE_FLEET ? 5000 : POLL_MS);
/** The stream's telemetry period: it too asks every worker. */
const telemetryPeriodMs = () => (entries.length > LARGE_FLEET ? 3000 : 1000);
const STATE_CONCURRENCY = 4;
/** An open card's state is read when the stream says its values changed, after a write or an event on it, else at this age. */
const STATE_MAX_AGE_MS = 5000;
const SMALL_FLEET = 8;
const PREFS_KEY = 'mk6-supervision.cards';

const cards = new Map();
const cardsBox = document.getElementById('cards');
const search = document.getElementById('search');
let entries = [];
let prefs = loadPrefs(); // {open: [ids], folded: {id: true}}
let wake = () => {};
let overview;
let inventoryAt = -Infinity;
let inventoryDue = true;
let inventorySeen = false;
/** Telemetry that came before the first inventory: rows to show while it is on its way (it asks every worker). */
const early = new Map();
let earlyPending = false;

function loadPrefs() {
  try {
    const p = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') ?? {};
    return { open: Array.isArray(p.open) ? p.open : [], folded: p.folded && typeof p.folded === 'object' ? p.folded : {} };
  } catch {
    return { open: [], folded: {} };
  }
}

function savePrefs() {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch { /* private mode: not remembered */ }
}

/** After a write: poll now rather than in up to a second. */
function refreshSoon() {
  inventoryDue = true;
  for (const card of cards.values()) card.stateDue = true;
  wake();
}

const small = () => entries.length <= SMALL_FLEET;
const wanted = (id) => small() || prefs.open.includes(id);

function onToggle(card) {
  if (card.expanded) delete prefs.folded[card.id];
  else prefs.folded[card.id] = true;
  savePrefs();
  overview.setOpen(openIds());
  if (card.expanded) pollState(card).then(refreshLocks);
}

/** The overview's click: the card exists, is unfolded, in view and focused. */
function openCard(id) {
  if (!prefs.open.includes(id)) prefs.open.push(id);
  delete prefs.folded[id];
  savePrefs();
  renderCards();
  const card = cards.get(id);
  if (!card) return;
  card.setExpanded(true);
  card.root.hidden = false;
  card.root.scrollIntoView({ block: 'start' });
  card.toggle.focus({ preventScroll: true });
  void pollState(card).then(refreshLocks);
}

function closeCard(card) {
  prefs.open = prefs.open.filter((id) => id !== card.id);
  if (small()) prefs.folded[card.id] = true;
  savePrefs();
  if (small()) {
    card.setExpanded(false);
  } else {
    card.destroy();
    cards.delete(card.id);
  }
  overview.setOpen(openIds());
  document.querySelector(`#overview-rows button[data-open="${CSS.escape(card.id)}"]`)?.focus();
}

const openIds = () => [...cards.values()].filter((c) => c.expanded).map((c) => c.id);

function renderCards() {
  const byId = new Map(entries.map((e) => [e.mk6_id, e]));
  for (const [id, card] of cards) {
    if (!byId.has(id) || !wanted(id)) {
      card.destroy();
      cards.delete(id);
    }
  }
  let previous = null;
  for (const entry of entries) {
    if (!wanted(entry.mk6_id)) continue;
    let card = cards.get(entry.mk6_id);
    if (!card) {
      card = new Mk6Card(entry, { onChanged: refreshSoon, onToggle, onNetwork: openNetwork, onProvision: openProvision, onClose: closeCard });
      card.setExpanded(!prefs.folded[entry.mk6_id]);
      cards.set(entry.mk6_id, card);
      refreshLocks(card.root);
    } else {
      card.updateInventory(entry);
    }
    const expectedAt = previous ? previous.root.nextElementSibling : cardsBox.firstElementChild;
    if (expectedAt !== card.root) (previous ? previous.root.after(card.root) : cardsBox.prepend(card.root));
    previous = card;
  }
  applySearch();
  overview.setOpen(openIds());
  setData(document.body, 'fleetSize', small() ? 'small' : 'large');
}

function applySearch() {
  const query = search.value;
  overview.setQuery(query);
  for (const card of cards.values()) card.root.hidden = !card.matches(query.trim());
}

async function pollState(card) {
  if (!card.reachable) return;
  card.stateDue = false;
  card.stateAt = Date.now();
  try {
    card.updateState(await getJson(`/supervision/api/mk6/${enc(card.id)}/state`));
  } catch (err) {
    card.showUnreachable(() => t('card.unreachableRead', { why: err.status ? err.message : t('api.noResponse') }));
  }
}

async function pollStates() {
  const stale = Date.now() - STATE_MAX_AGE_MS;
  const queue = [...cards.values()].filter((c) => c.expanded && !c.root.hidden && (c.stateDue !== false || !(c.stateAt > stale) || !streamConnected()));
  const workers = Array.from({ length: Math.min(STATE_CONCURRENCY, queue.length) }, async () => {
    for (let card = queue.shift(); card; card = queue.shift()) await pollState(card);
  });
  await Promise.all(workers);
}

let connected = null;
let problem = () => '';

/** `why`: () → the problem's text in the page's language (written again after a switch). */
function showConnection(ok, why = problem) {
  if (ok && connected === false) resyncJournal();
  connected = ok;
  problem = why;
  const conn = document.getElementById('conn');
  setData(conn, 'ok', ok);
  setData(conn, 'stream', streamConnected());
  setText(conn, ok ? t(streamConnected() ? 'conn.live' : 'conn.liveNoStream') : `● ${why()}`);
}

async function pollFleet() {
  const sentAt = performance.now();
  const readInventory = inventoryDue || sentAt - inventoryAt >= inventoryPeriodMs();
  const [time, mode, inventory] = await Promise.allSettled([
    getJson('/supervision/api/time'),
    getJson('/supervision/api/mode'),
    readInventory ? getJson('/supervision/api/inventory') : Promise.resolve(null),
  ]);
  if (time.status === 'fulfilled') updateClock(time.value, sentAt);
  if (mode.status === 'fulfilled') updateMode(mode.value);
  if (readInventory) {
    inventoryAt = sentAt;
    inventoryDue = false;
  }
  if (inventory.status === 'fulfilled' && inventory.value !== null && !inventorySeen) {
    inventorySeen = true;
    early.clear();
    performance.mark('mk6:inventory');
  }
  if (inventory.status === 'fulfilled' && inventory.value === null) {
    await pollStates();
  } else if (inventory.status === 'fulfilled') {
    const list = Array.isArray(inventory.value?.mk6) ? inventory.value.mk6 : [];
    if (mode.status !== 'fulfilled' && currentMode() === 'unknown' && list[0]?.mode) updateMode({ mode: list[0].mode });
    entries = list;
    setLiveInterval(telemetryPeriodMs());
    overview.setEntries(list);
    renderCards();
    addMk6Options(list.map((e) => e.mk6_id));
    showConnection(true);
    await pollStates();
  } else {
    const why = inventory.reason?.message;
    showConnection(false, () => t('conn.down', { why: why ?? t('conn.error') }));
  }
  refreshLocks();
}

async function loop(step, ms) {
  for (;;) {
    try {
      await step();
    } catch (err) {
      console.warn(err);
    }
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      if (step === pollFleet) wake = () => { clearTimeout(timer); resolve(); };
    });
  }
}

function initFleetTools() {
  search.addEventListener('input', debounce(() => {
    applySearch();
    refreshSoon();
  }, 120));
  const foldAll = (open) => {
    for (const card of cards.values()) {
      if (card.root.hidden) continue;
      card.setExpanded(open);
      if (open) delete prefs.folded[card.id];
      else prefs.folded[card.id] = true;
    }
    savePrefs();
    overview.setOpen(openIds());
    refreshSoon();
  };
  document.getElementById('fleet-reset').addEventListener('click', async () => {
    if (!confirm(t('reset.confirm'))) return;
    const res = await write('POST', '/mock/reset', undefined, t('reset.done'));
    if (!res.ok) return;
    resyncJournal();
    refreshSoon();
  });
  document.getElementById('expand-all').addEventListener('click', () => foldAll(true));
  document.getElementById('collapse-all').addEventListener('click', () => foldAll(false));
}

/** Overview rows from the stream alone (id, site states, consigne) until the first inventory. */
function showEarly(t) {
  early.set(t.mk6_id, t);
  if (earlyPending) return;
  earlyPending = true;
  requestAnimationFrame(() => {
    earlyPending = false;
    if (inventorySeen) return;
    overview.setEntries([...early.values()].map((e) => ({
      mk6_id: e.mk6_id,
      sites: Object.entries(e.sites).map(([sycode, v]) => ({ sycode, name: '', state: v.state })),
      process: { status: 'pending' },
    })));
  });
}

function redrawCharts() {
  for (const card of cards.values()) card.invalidateBands();
}

function start() {
  initLang();
  if (typeof uPlot === 'undefined') showConnection(false, () => t('conn.noCharts'));
  overview = new Overview({ onOpen: openCard });
  initClock(refreshSoon);
  initMode(refreshSoon);
  initJournal();
  initVerdicts();
  initTimeline(redrawCharts);
  initChaos();
  initNetworkForm(refreshSoon);
  initProvision(refreshSoon);
  initFleetTools();
  document.addEventListener('click', (ev) => ev.target.closest?.('[data-close]')?.closest('dialog')?.close());
  onTelemetry((t) => {
    if (!inventorySeen) showEarly(t);
    overview.setTelemetry(t);
    const card = cards.get(t.mk6_id);
    if (card) card.stateDue = true;
  });
  onFleetEvent((e) => {
    for (const card of e.mk6_id ? [cards.get(e.mk6_id)].filter(Boolean) : cards.values()) {
      card.stateDue = true;
      if (e.mk6_id || e.kind === 'reset') card.invalidate();
    }
    if (['kill', 'restart', 'offline', 'online', 'provision', 'network_add', 'network_rm', 'reset', 'worker_respawned'].includes(e.kind)) refreshSoon();
  });
  onStreamStatus(() => showConnection(connected !== false));
  // The language changed: what this module and the cards wrote is written again at once.
  document.addEventListener('langchange', () => {
    if (connected !== null) showConnection(connected);
    overview.relabel();
    for (const card of cards.values()) card.relabel();
  });
  startLive();
  setInterval(() => {
    const now = simNow();
    for (const card of cards.values()) card.tick(now);
  }, 1000);
  loop(pollFleet, POLL_MS);
  loop(pollJournal, POLL_MS);
  // For the browser tests: what each open chart draws ({x, consigne, pavailable, pactive, constraint}).
  window.__mk6Charts = (mk6Id, sycode) => cards.get(mk6Id)?.sites.get(sycode)?.chart.series() ?? null;
}

start();
