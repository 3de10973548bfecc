// The operations console: reads /console/api/* with the operator key kept in sessionStorage. No framework: every
// value goes into the page as text (never as HTML), so nothing a customer wrote can run here.
"use strict";

const keyName = "orchestrator.console.key";
const tenantName = "orchestrator.console.tenant";
const refreshEvery = 5000;
const $ = id => document.getElementById(id);
let refreshTimer = null;

class Unauthorized extends Error {}

async function api(path, options = {}) {
  const response = await fetch(`/console/api/${path}`, {
    ...options,
    headers: { Authorization: `Bearer ${sessionStorage.getItem(keyName)}`, Accept: "application/json" },
  });
  if (response.status === 401) throw new Unauthorized();
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok) throw new Error(body?.detail ?? `${response.status} ${response.statusText}`);
  return body;
}

const tenant = () => encodeURIComponent($("tenant").value);

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text ?? "";
  if (className) td.className = className;
  return td;
}

function button(label, className, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.className = className;
  b.addEventListener("click", onClick);
  return b;
}

const time = iso => (iso ? new Date(iso).toLocaleString() : "");

function duration(seconds) {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

function fillTable(table, items, addRow, empty) {
  const body = $(table).tBodies[0];
  body.replaceChildren();
  for (const item of items) addRow(body.insertRow(), item);
  if (empty) $(empty).hidden = items.length > 0;
}

async function showOverview() {
  const overview = await api(`overview?tenant=${tenant()}`);
  $("total").textContent = `(${overview.conversations} in all)`;
  $("states").replaceChildren(...Object.entries(overview.by_state).map(([state, count]) => {
    const tile = document.createElement("div");
    tile.className = `tile ${state}`;
    tile.dataset.state = state;
    const number = document.createElement("div");
    number.className = "count";
    number.textContent = count;
    const label = document.createElement("div");
    label.className = "muted";
    label.textContent = state;
    tile.append(number, label);
    return tile;
  }));
  fillTable("queue", overview.queue, (row, q) => {
    row.dataset.token = q.customer_token;
    cell(row, q.customer_token);
    cell(row, q.queue ?? "(being assigned)");
    cell(row, q.position);
    cell(row, time(q.queued_since));
    cell(row, duration(q.waiting_seconds));
  }, "queue-empty");
}

function gauge(label, value, max, text) {
  const share = max > 0 ? Math.min(1, value / max) : 0;
  const box = document.createElement("div");
  box.className = "gauge";
  const title = document.createElement("div");
  title.textContent = label;
  const bar = document.createElement("div");
  bar.className = "bar";
  const fill = document.createElement("div");
  fill.className = `fill${share >= 1 ? " full" : share >= 0.8 ? " high" : ""}`;
  fill.style.width = `${share * 100}%`;
  bar.append(fill);
  const figure = document.createElement("div");
  figure.className = "muted";
  figure.textContent = text;
  box.append(title, bar, figure);
  return box;
}

async function showBudget() {
  const b = await api(`budget?tenant=${tenant()}`);
  const laneBusy = b.structured_lane_interval_seconds - b.structured_lane_free_in_seconds;
  $("budget").replaceChildren(
    gauge("Company calls", b.calls_in_window, b.calls_per_window,
      `${b.calls_in_window} of ${b.calls_per_window} in the last ${duration(b.window_seconds)} · ${b.waiting} waiting`),
    gauge("Structured-message lane", b.structured_lane_free_in_seconds > 0 ? laneBusy : 0, b.structured_lane_interval_seconds,
      b.structured_lane_free_in_seconds > 0 ? `busy: free in ${b.structured_lane_free_in_seconds.toFixed(1)} s` : "free now"));
}

async function showDeadLetters() {
  const page = await api(`dead-letters?tenant=${tenant()}&limit=200`);
  fillTable("dead-letters", page.dead_letters, (row, d) => {
    row.dataset.id = d.id;
    cell(row, d.id);
    cell(row, d.event_id);
    cell(row, d.customer_token);
    cell(row, d.reason);
    cell(row, d.last_status ?? "no answer");
    cell(row, time(d.at));
    row.insertCell().append(button("Replay", "replay", () => replay(d)));
  }, "dead-letters-empty");
}

async function replay(deadLetter) {
  const status = $("replay-status");
  try {
    const accepted = await api(`dead-letters/${deadLetter.id}/replay?tenant=${tenant()}`, { method: "POST" });
    status.textContent = `Replay of ${accepted.event_id} started; it leaves the list once the webhook acknowledges it.`;
  } catch (e) {
    status.textContent = `Replay of dead letter ${deadLetter.id} failed: ${e.message}`;
  }
  await guarded(showDeadLetters);
}

async function showCluster() {
  const view = await api("cluster");
  const c = view.cluster;
  fillTable("members", c.members, (row, m) => {
    cell(row, m.address);
    cell(row, m.status);
    cell(row, m.unreachable ? "unreachable" : "yes");
    cell(row, [m.address === c.self && "this node", m.address === c.leader && "leader", m.address === c.oldest && "oldest (singletons)"].filter(Boolean).join(", "));
  });
  fillTable("singletons", view.singletons, (row, s) => {
    cell(row, s.name);
    cell(row, s.node ?? "(no member up)");
  });
}

async function search(event) {
  event.preventDefault();
  const matches = await api(`conversations?tenant=${tenant()}&token=${encodeURIComponent($("search-token").value)}`);
  $("search-results").hidden = matches.conversations.length === 0;
  $("search-empty").hidden = matches.conversations.length > 0;
  fillTable("search-results", matches.conversations, (row, c) => {
    row.dataset.token = c.customer_token;
    cell(row, c.customer_token);
    cell(row, c.queue_position != null ? `${c.state} (#${c.queue_position})` : c.state);
    cell(row, time(c.since));
    cell(row, time(c.last_event_at));
    cell(row, c.seq);
    row.insertCell().append(button("Timeline", "open-timeline secondary", () => guarded(() => showTimeline(c.customer_token))));
  });
}

async function showTimeline(token) {
  const report = await api(`conversations/${encodeURIComponent(token)}/timeline?tenant=${tenant()}`);
  $("timeline-card").hidden = false;
  $("timeline-token").textContent = token;
  fillTable("timeline", report.entries, (row, e) => {
    row.className = e.kind;
    cell(row, e.seq);
    cell(row, time(e.at));
    cell(row, e.kind);
    cell(row, e.direction);
    cell(row, e.im_sub_session_id);
    cell(row, e.agent);
    cell(row, e.message_id);
    cell(row, e.content, "content");
    cell(row, e.udesk_call);
    cell(row, e.udesk_answer);
    cell(row, e.udesk_code);
    cell(row, e.issued_by);
    cell(row, e.detail, "content");
  });
  $("timeline-card").scrollIntoView({ behavior: "smooth" });
}

/** Runs a step, showing what went wrong; an unknown key sends the operator back to the key form. */
async function guarded(step) {
  try {
    await step();
    $("error").textContent = "";
  } catch (e) {
    if (e instanceof Unauthorized) {
      signOut("The operator key was not accepted.");
    } else {
      $("error").textContent = e.message;
    }
  }
}

async function refresh() {
  await guarded(() => Promise.all([showOverview(), showBudget(), showDeadLetters(), showCluster()]));
  $("refreshed").textContent = `updated ${new Date().toLocaleTimeString()}`;
}

async function open() {
  const tenants = (await api("tenants")).tenants;
  const chosen = sessionStorage.getItem(tenantName);
  $("tenant").replaceChildren(...tenants.map(name => new Option(name, name, false, name === chosen)));
  $("key-form").hidden = true;
  $("console").hidden = false;
  $("session").hidden = false;
  await refresh();
  clearInterval(refreshTimer);
  refreshTimer = setInterval(refresh, refreshEvery);
}

function signOut(message) {
  clearInterval(refreshTimer);
  sessionStorage.removeItem(keyName);
  $("console").hidden = true;
  $("session").hidden = true;
  $("key-form").hidden = false;
  $("key-error").textContent = message ?? "";
}

$("key-form").addEventListener("submit", event => {
  event.preventDefault();
  sessionStorage.setItem(keyName, $("operator-key").value);
  $("operator-key").value = "";
  guarded(open);
});
$("sign-out").addEventListener("click", () => signOut());
$("tenant").addEventListener("change", () => {
  sessionStorage.setItem(tenantName, $("tenant").value);
  $("timeline-card").hidden = true;
  refresh();
});
$("search-form").addEventListener("submit", event => guarded(() => search(event)));

if (sessionStorage.getItem(keyName)) guarded(open);
