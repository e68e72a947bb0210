// The supervision page's main loop: polls the fleet about once a second (clock, mode,
// inventory, then the state of each unfolded MK6), keeps one card per MK6, and polls the
// journal on its own loop. Any write the tester makes triggers an immediate refresh.

import { enc, getJson, write } from './api.js';
import { Mk6Card } from './cards.js';
import { clockRate, initClock, simNow, updateClock } from './clock.js';
import { addMk6Options, initJournal, pollJournal, resyncJournal } from './journal.js';
import { initVerdicts } from './verdicts.js';
import { currentMode, initMode, refreshLocks, updateMode } from './mode.js';
import { debounce, setData, setText } from './util.js';

const POLL_MS = 1000;
const STATE_CONCURRENCY = 8;
const AUTO_EXPAND_UP_TO = 8;
const PREFS_KEY = 'mk6-supervision.expanded';

const cards = new Map();
const fleet = document.getElementById('fleet');
const search = document.getElementById('search');
let prefs = loadPrefs();
let wake = () => {};

function loadPrefs() {
  try {
    return JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

function savePrefs() {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch { /* private mode: folding is not remembered */ }
}

/** After a write: poll now rather than in up to a second. */
function refreshSoon() {
  wake();
}

function onToggle(card) {
  prefs[card.id] = card.expanded;
  savePrefs();
  if (card.expanded) pollState(card).then(refreshLocks);
}

function renderFleet(list) {
  const ids = new Set(list.map((e) => e.mk6_id));
  for (const [id, card] of cards) {
    if (!ids.has(id)) {
      card.destroy();
      cards.delete(id);
    }
  }
  let previous = null;
  for (const entry of list) {
    let card = cards.get(entry.mk6_id);
    if (!card) {
      card = new Mk6Card(entry, { onChanged: refreshSoon, onToggle });
      card.setExpanded(prefs[entry.mk6_id] ?? list.length <= AUTO_EXPAND_UP_TO);
      cards.set(entry.mk6_id, card);
    } else {
      card.updateInventory(entry);
    }
    const expectedAt = previous ? previous.root.nextElementSibling : fleet.firstElementChild;
    if (expectedAt !== card.root) (previous ? previous.root.after(card.root) : fleet.prepend(card.root));
    previous = card;
  }
  applySearch();
  addMk6Options([...ids]);
}

function applySearch() {
  const query = search.value.trim();
  let shown = 0;
  for (const card of cards.values()) {
    const match = card.matches(query);
    card.root.hidden = !match;
    if (match) shown++;
  }
  setText(document.getElementById('fleet-count'), shown === cards.size ? `${cards.size} MK6` : `${shown} / ${cards.size} MK6`);
}

async function pollState(card) {
  if (!card.reachable) return;
  try {
    card.updateState(await getJson(`/mock/mk6/${enc(card.id)}/state`), clockRate());
  } catch (err) {
    card.showUnreachable(`MK6 injoignable : ${err.status ? err.message : 'pas de réponse'}.`);
  }
}

async function pollStates() {
  const queue = [...cards.values()].filter((c) => c.expanded && !c.root.hidden);
  const workers = Array.from({ length: Math.min(STATE_CONCURRENCY, queue.length) }, async () => {
    for (let card = queue.shift(); card; card = queue.shift()) await pollState(card);
  });
  await Promise.all(workers);
}

let connected = null;

function showConnection(ok, message) {
  if (ok && connected === false) resyncJournal();
  connected = ok;
  const conn = document.getElementById('conn');
  setData(conn, 'ok', ok);
  setText(conn, ok ? '● en direct' : `● ${message}`);
}

async function pollFleet() {
  const sentAt = performance.now();
  const [time, mode, inventory] = await Promise.allSettled([
    getJson('/supervision/api/time'),
    getJson('/supervision/api/mode'),
    getJson('/supervision/api/inventory'),
  ]);
  if (time.status === 'fulfilled') updateClock(time.value, sentAt);
  if (mode.status === 'fulfilled') updateMode(mode.value);
  if (inventory.status === 'fulfilled') {
    const list = Array.isArray(inventory.value?.mk6) ? inventory.value.mk6 : [];
    if (mode.status !== 'fulfilled' && currentMode() === 'unknown' && list[0]?.mode) updateMode({ mode: list[0].mode });
    renderFleet(list);
    showConnection(true);
    await pollStates();
  } else {
    showConnection(false, `superviseur injoignable (${inventory.reason?.message ?? 'erreur'})`);
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
  }, 150));
  const foldAll = (open) => {
    for (const card of cards.values()) {
      if (card.root.hidden) continue;
      card.setExpanded(open);
      prefs[card.id] = open;
    }
    savePrefs();
    refreshSoon();
  };
  document.getElementById('fleet-reset').addEventListener('click', async () => {
    if (!confirm('Réinitialiser la flotte ?\n\nPOST /mock/reset : plannings vidés, states 2, défauts, contraintes et auth levés, ' +
      'MK6 ajoutés supprimés, horloge relâchée, journal vidé.')) return;
    const res = await write('POST', '/mock/reset', undefined, 'Flotte réinitialisée');
    if (!res.ok) return;
    resyncJournal();
    refreshSoon();
  });
  document.getElementById('expand-all').addEventListener('click', () => foldAll(true));
  document.getElementById('collapse-all').addEventListener('click', () => foldAll(false));
}

function start() {
  if (typeof uPlot === 'undefined') showConnection(false, 'bibliothèque de graphes absente');
  initClock(refreshSoon);
  initMode(refreshSoon);
  initJournal();
  initVerdicts();
  initFleetTools();
  setInterval(() => {
    const now = simNow();
    for (const card of cards.values()) card.tick(now);
  }, 1000);
  loop(pollFleet, POLL_MS);
  loop(pollJournal, POLL_MS);
}

start();
