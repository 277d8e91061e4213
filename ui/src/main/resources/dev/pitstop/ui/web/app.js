// The Pitstop dashboard: one page, five views, live through server-sent events (no polling loop here).
// Everything the page changes goes through POSTs carrying the CSRF header from /api/session.

const $ = (sel) => document.querySelector(sel);
const state = { csrf: null, csrfHeader: null, stack: null, events: [], manifest: null,
  view: 'stack', process: null, action: null, logSource: null, paused: false, held: [] };

// the token came in the URL once; it lives in an HttpOnly cookie now, so the address bar need not show it
if (location.search.includes('token=')) history.replaceState(null, '', location.pathname + location.hash);

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : String(c));
  return el;
}

async function api(path, options = {}) {
  const res = await fetch(path, { credentials: 'same-origin', ...options });
  const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new Error(body?.error ?? String(body).trim());
  return body;
}
const post = (path) => api(path, { method: 'POST', headers: { [state.csrfHeader]: state.csrf } });

// ---- formatting ---------------------------------------------------------------------------------------
const time = (iso) => iso ? new Date(iso).toLocaleTimeString() : '';
const dateTime = (iso) => iso ? new Date(iso).toLocaleString() : '';
function duration(s) {
  if (s === null || s === undefined) return '';
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${Math.floor(s % 3600 / 60)}m`;
  return `${Math.floor(s / 86400)}d ${Math.floor(s % 86400 / 3600)}h`;
}
function bytes(n) {
  if (n === null || n === undefined) return '';
  return n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(1)} GiB` : `${(n / (1 << 20)).toFixed(1)} MiB`;
}
const cpu = (p) => p === null || p === undefined ? '' : `${p.toFixed(1)}%`;
const short = (sha) => sha ? sha.slice(0, 12) : '';
const cls = (prefix, label) => `${prefix}-${String(label).replace(/\s+/g, '-')}`;

// ---- routing ------------------------------------------------------------------------------------------
function route() {
  const [, view = 'stack', name] = location.hash.split('/');
  state.view = ['stack', 'process', 'binaries', 'events', 'reports'].includes(view) ? view : 'stack';
  for (const s of document.querySelectorAll('main > section')) s.hidden = s.id !== `view-${state.view}`;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.view === state.view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const process = state.view === 'process' ? decodeURIComponent(name ?? '') : null;
  if (process !== state.process) openProcess(process);
  if (state.view === 'binaries') loadManifest();
  if (state.view === 'events') renderEvents();
  if (state.view === 'reports') loadReports();
}

// ---- stack --------------------------------------------------------------------------------------------
function renderStack() {
  const rows = state.stack.processes.map((p) => h('tr', { 'data-process': p.name },
    h('td', { 'data-label': 'Process', 'data-col': 'name' },
      h('a', { href: `#/process/${encodeURIComponent(p.name)}` }, p.name)),
    h('td', { 'data-label': 'State', 'data-col': 'state', class: cls('state', p.state) }, p.state),
    h('td', { 'data-label': 'Health', 'data-col': 'health', class: cls('health', p.health) }, p.health),
    h('td', { 'data-label': 'PID', 'data-col': 'pid', class: 'num' }, p.pid > 0 ? p.pid : ''),
    h('td', { 'data-label': 'Uptime', class: 'num' }, duration(p.uptimeSeconds)),
    h('td', { 'data-label': 'Restarts', class: 'num' }, p.restarts),
    h('td', { 'data-label': 'Exit', class: 'num' }, p.exitCode ?? ''),
    h('td', { 'data-label': 'CPU', 'data-col': 'cpu', class: 'num' }, cpu(p.cpuPercent)),
    h('td', { 'data-label': 'RSS', 'data-col': 'rss', class: 'num' }, bytes(p.rssBytes)),
    h('td', { 'data-label': 'Binary', 'data-col': 'binary', class: 'binary' }, binaryCell(p.binary))));
  $('#stack-table tbody').replaceChildren(...rows);
  if (state.process) renderProcessSummary();
}

function binaryCell(b) {
  if (!b) return h('span', { class: 'muted' }, '—');
  return [h('a', { href: '#/binaries' }, b.name), ' ', h('strong', {}, b.version), ' ',
    h('code', { class: 'sha', title: b.sha256 }, b.sha256.slice(0, 8)), h('br'),
    h('small', {}, b.source, b.commit ? ` @ ${b.commit.slice(0, 10)}` : ''),
    b.updateAvailable ? [' ', h('span', { class: 'badge update', title: `newest: ${b.latest}` },
      `update available: ${b.latest}`)] : null];
}

// ---- process ------------------------------------------------------------------------------------------
function openProcess(name) {
  state.logSource?.close();
  state.logSource = null;
  state.process = name;
  state.action = null;
  state.paused = false;
  state.held = [];
  $('#log-pause').setAttribute('aria-pressed', 'false');
  $('#log-pause').textContent = 'Pause';
  $('#log-paused').textContent = '';
  $('#action-progress').hidden = true;
  $('#log-filter').value = '';
  if (!name) return;
  $('#process-title').textContent = name;
  $('#log').replaceChildren();
  renderProcessSummary();
  renderProcessEvents();
  const source = new EventSource(`/api/processes/${encodeURIComponent(name)}/logs/stream?n=200`);
  source.addEventListener('log', (e) => addLogLines(JSON.parse(e.data)));
  state.logSource = source;
}

function renderProcessSummary() {
  const p = state.stack?.processes.find((x) => x.name === state.process);
  if (!p) { $('#process-summary').textContent = ''; return; }
  $('#process-summary').replaceChildren(h('span', {},
    h('span', { class: cls('state', p.state), id: 'process-state' }, p.state), ' · ',
    h('span', { class: cls('health', p.health) }, p.health), ' · PID ',
    h('span', { id: 'process-pid' }, p.pid > 0 ? p.pid : '–'), ` · up ${duration(p.uptimeSeconds) || '–'}`,
    ` · ${p.restarts} restarts`, p.exitCode !== null ? ` · exit ${p.exitCode}` : '',
    p.cpuPercent !== null ? ` · CPU ${cpu(p.cpuPercent)}` : '', p.rssBytes !== null ? ` · RSS ${bytes(p.rssBytes)}` : '',
    p.binary ? [' · ', binaryCell(p.binary)] : null));
}

function addLogLines(lines) {
  if (state.paused) { state.held.push(...lines); $('#log-paused').textContent = `${state.held.length} new lines held`; return; }
  const log = $('#log');
  const filter = $('#log-filter').value.toLowerCase();
  for (const l of lines) {
    const row = h('div', {}, h('time', { datetime: l.time }, time(l.time)), l.text);
    row.dataset.text = l.text.toLowerCase();
    row.hidden = filter !== '' && !row.dataset.text.includes(filter);
    log.append(row);
  }
  while (log.childElementCount > 5000) log.firstElementChild.remove();
  if ($('#log-follow').checked) log.scrollTop = log.scrollHeight;
}

function filterLog() {
  const filter = $('#log-filter').value.toLowerCase();
  for (const row of $('#log').children) row.hidden = filter !== '' && !row.dataset.text.includes(filter);
}

function togglePause() {
  state.paused = !state.paused;
  $('#log-pause').setAttribute('aria-pressed', String(state.paused));
  $('#log-pause').textContent = state.paused ? 'Resume' : 'Pause';
  if (!state.paused) {
    const held = state.held;
    state.held = [];
    $('#log-paused').textContent = '';
    addLogLines(held);
  }
}

async function act(action) {
  const name = state.process;
  const buttons = document.querySelectorAll('[data-action]');
  buttons.forEach((b) => { b.disabled = true; });
  $('#action-progress').hidden = false;
  $('#progress-steps').replaceChildren();
  $('#action-result').textContent = `${action}…`;
  $('#action-result').className = '';
  state.action = { name, since: state.events.at(-1)?.seq ?? -1 };
  try {
    const answer = await post(`/api/processes/${encodeURIComponent(name)}/${action}`);
    if (action !== 'reload') result(`${action}: ${answer.state}`, true);
    else if (answer.ok) result(`reloaded: PID ${answer.oldPid} → ${answer.newPid} in ${answer.tookMs} ms`, true);
    else result(`reload failed and was rolled back: ${answer.error}`, false, answer.lastLogLines);
  } catch (e) {
    result(`${action} refused: ${e.message}`, false);
  } finally {
    // state.action stays: the events of this action may arrive after its answer, and still belong here
    buttons.forEach((b) => { b.disabled = false; });
  }
}

function result(text, ok, lines = []) {
  const el = $('#action-result');
  el.replaceChildren(text, ...lines.map((l) => [h('br'), h('code', {}, l)]));
  el.className = ok ? 'ok' : 'bad';
}

function progressStep(e) {
  $('#progress-steps').append(h('li', {}, h('time', {}, time(e.time)), ` ${label(e.type)}`, e.detail ? ` — ${e.detail}` : ''));
}

function renderProcessEvents() {
  const mine = state.events.filter((e) => e.process === state.process).slice(-100).reverse();
  $('#process-events').replaceChildren(...mine.map(eventItem));
}

// ---- events -------------------------------------------------------------------------------------------
const label = (type) => type.toLowerCase().replace(/_/g, ' ');
const eventItem = (e) => h('li', { 'data-type': e.type },
  h('time', { datetime: e.time }, dateTime(e.time)), h('span', { class: 'type' }, label(e.type)),
  e.process ? h('a', { href: `#/process/${encodeURIComponent(e.process)}` }, e.process) : null,
  e.detail ? ` ${e.detail}` : '');

function renderEvents() {
  const text = $('#events-filter').value.toLowerCase();
  const type = $('#events-type').value;
  const shown = state.events.filter((e) => (!type || e.type === type)
    && (!text || `${e.type} ${e.process ?? ''} ${e.detail ?? ''}`.toLowerCase().includes(text)));
  $('#events').replaceChildren(...shown.slice(-1000).reverse().map(eventItem));
}

let renderQueued = false;
function renderSoon() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    if (state.view === 'events') renderEvents();
    if (state.process) renderProcessEvents();
  });
}

function onEvent(e) {
  if (state.events.length > 0 && e.seq <= state.events.at(-1).seq) return; // sent again after a reconnect
  state.events.push(e);
  if (state.events.length > 5000) state.events.shift();
  const select = $('#events-type');
  if (![...select.options].some((o) => o.value === e.type)) select.append(h('option', { value: e.type }, label(e.type)));
  if (state.action && e.process === state.action.name && e.seq > state.action.since) progressStep(e);
  renderSoon();
  if (['BINARY_STORED', 'BINARY_SWAPPED', 'ROLLED_BACK', 'RELOAD_FAILED', 'RELOAD_SUCCEEDED'].includes(e.type)) {
    state.manifest = null;
    if (state.view === 'binaries') loadManifest();
  }
}

// ---- binaries -----------------------------------------------------------------------------------------
async function loadManifest() {
  try {
    state.manifest = await api('/api/manifest');
    renderBinaries();
  } catch (e) {
    $('#binaries-status').textContent = e.message;
  }
}

function versionRows(v) {
  return [h('dt', {}, 'Version'), h('dd', {}, h('strong', {}, v.version)),
    h('dt', {}, 'SHA-256'), h('dd', {}, h('code', { class: 'sha' }, v.sha256)),
    h('dt', {}, 'Source'), h('dd', {}, `${v.source.kind}: ${v.source.location}`),
    v.commit ? [h('dt', {}, 'Commit'), h('dd', {}, h('code', {}, v.commit))] : null,
    h('dt', {}, 'Recorded'), h('dd', {}, dateTime(v.recordedAt))];
}

function renderBinaries() {
  const cards = Object.entries(state.manifest.binaries ?? {}).map(([name, r]) => {
    const bad = new Set(r.history.filter((e) => e.outcome === 'bad').map((e) => e.binary.sha256));
    const history = [...r.history].reverse().map((e) => {
      const canRoll = r.current && e.binary.sha256 !== r.current.sha256 && !bad.has(e.binary.sha256);
      return h('tr', { 'data-outcome': e.outcome, 'data-sha': e.binary.sha256 },
        h('td', { class: cls('outcome', e.outcome) }, e.outcome),
        h('td', {}, e.binary.version, ' ', h('code', { class: 'sha' }, short(e.binary.sha256))),
        h('td', { class: 'reason' }, e.reason),
        h('td', { class: 'num' }, dateTime(e.at)),
        h('td', {}, canRoll ? h('button', { type: 'button', 'data-rollback': e.binary.sha256,
          onclick: () => rollback(name, e.binary) }, 'Roll back to this version') : ''));
    });
    return h('article', { class: 'card', 'data-binary': name },
      h('h3', {}, name),
      r.current ? [h('p', { class: 'outcome-current' }, 'current'), h('dl', {}, versionRows(r.current))]
        : h('p', { class: 'muted' }, 'no current version'),
      r.candidate ? [h('p', { class: 'outcome-candidate' }, 'candidate (being tried)'), h('dl', {}, versionRows(r.candidate))] : null,
      h('h4', {}, 'History'),
      r.history.length === 0 ? h('p', { class: 'muted' }, 'none yet')
        : h('div', { class: 'scroll' }, h('table', { class: 'history' },
          h('thead', {}, h('tr', {}, ['Outcome', 'Version', 'Reason', 'When', ''].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, history))));
  });
  $('#binaries').replaceChildren(...(cards.length ? cards : [h('p', { class: 'muted' }, 'This stack manages no binaries.')]));
}

async function rollback(name, version) {
  if (!confirm(`Roll ${name} back to ${version.version} (${short(version.sha256)})? Its processes restart on it, health-gated.`)) return;
  $('#binaries-status').textContent = `rolling ${name} back to ${version.version}…`;
  try {
    const out = await post(`/api/binaries/${encodeURIComponent(name)}/rollback?to=${version.sha256}`);
    $('#binaries-status').replaceChildren(out.ok ? `${name}: ${out.from} → ${out.to}` : `${name}: ${out.error}`,
      ...(out.lastLogLines ?? []).map((l) => [h('br'), h('code', {}, l)]).flat());
  } catch (e) {
    $('#binaries-status').textContent = `rollback refused: ${e.message}`;
  }
  loadManifest();
}

async function checkUpdates() {
  $('#binaries-status').textContent = 'asking every source for its newest version…';
  try {
    const answers = await post('/api/outdated');
    const newer = answers.filter((o) => o.outdated);
    $('#binaries-status').textContent = newer.length === 0 ? 'every binary is up to date'
      : newer.map((o) => `${o.binary}: ${o.current} → ${o.latest} available`).join('; ');
  } catch (e) {
    $('#binaries-status').textContent = `check failed: ${e.message}`;
  }
}

// ---- reports ------------------------------------------------------------------------------------------
async function loadReports() {
  const reports = await api('/api/reports');
  $('#reports').replaceChildren(...(reports.length === 0 ? [h('li', { class: 'muted' }, 'No drill reports yet.')]
    : reports.map((r) => h('li', {}, h('a', { href: '#/reports', onclick: (ev) => { ev.preventDefault(); showReport(r.name); } },
      r.name), h('span', { class: 'muted' }, ` ${dateTime(r.modified)}, ${r.size} bytes`)))));
}

async function showReport(name) {
  const pre = $('#report');
  pre.textContent = await api(`/api/reports/${name.split('/').map(encodeURIComponent).join('/')}`);
  pre.hidden = false;
  pre.focus();
}

// ---- start --------------------------------------------------------------------------------------------
function connect() {
  const live = new EventSource('/api/stream');
  live.addEventListener('open', () => { $('#live').textContent = 'live'; $('#live').className = 'live on'; });
  live.addEventListener('error', () => { $('#live').textContent = 'disconnected, retrying'; $('#live').className = 'live off'; });
  live.addEventListener('stack', (e) => { state.stack = JSON.parse(e.data); renderStack(); });
  live.addEventListener('event', (e) => onEvent(JSON.parse(e.data)));
  live.addEventListener('end', () => { live.close(); $('#live').textContent = 'the stack stopped'; $('#live').className = 'live off'; });
}

async function start() {
  const session = await api('/api/session');
  state.csrf = session.csrf;
  state.csrfHeader = session.csrfHeader;
  document.querySelectorAll('[data-action]').forEach((b) => b.addEventListener('click', () => act(b.dataset.action)));
  $('#log-pause').addEventListener('click', togglePause);
  $('#log-filter').addEventListener('input', filterLog);
  $('#events-filter').addEventListener('input', renderEvents);
  $('#events-type').addEventListener('change', renderEvents);
  $('#check-updates').addEventListener('click', checkUpdates);
  window.addEventListener('hashchange', route);
  route();
  connect();
}

start().catch((e) => { $('#live').textContent = `cannot load: ${e.message}`; $('#live').className = 'live off'; });
