// Keeps the server-rendered status page current: transitions from the event stream update the
// rows in place, and the agent status is polled for staleness. Every text goes in as textContent,
// so nothing a daemon reports can become markup.
(() => {
  "use strict";
  const root = document.getElementById("status");
  if (!root || !window.EventSource) {
    return;
  }
  const tbody = document.querySelector("#daemons tbody");
  const events = document.getElementById("events");
  const connection = document.getElementById("connection");
  const stale = document.getElementById("stale");
  const HEADLINES = {
    operational: "All daemons up",
    degraded: "Some daemons are down or unknown",
    major_outage: "Major outage",
    unknown: "No daemon known yet",
  };

  function rowOf(name) {
    for (const row of tbody.rows) {
      if (row.dataset.daemon === name) {
        return row;
      }
    }
    return null;
  }

  function newRow(name) {
    const row = tbody.insertRow();
    row.dataset.daemon = name;
    const header = document.createElement("th");
    header.scope = "row";
    header.className = "name";
    header.textContent = name;
    row.appendChild(header);
    for (const cell of ["state", "since", "reason", "source", "strip"]) {
      row.insertCell().className = cell;
    }
    const badge = document.createElement("span");
    row.querySelector(".state").appendChild(badge);
    const empty = document.getElementById("empty");
    if (empty) {
      empty.remove();
    }
    return row;
  }

  // Notes (what people did from Slack) leave the daemon's state, since and reason as they are.
  const NOTES = ["acknowledged", "silenced"];

  function apply(event) {
    let row = rowOf(event.daemon);
    if (NOTES.includes(event.kind)) {
      addEvent(event);
      return;
    }
    if (event.to === null) {
      if (row) {
        row.remove();
      }
    } else {
      row = row || newRow(event.daemon);
      row.dataset.state = event.to;
      const badge = row.querySelector(".state span");
      badge.className = "badge state-" + event.to;
      badge.textContent = event.to;
      const since = document.createElement("time");
      since.dateTime = event.at;
      since.title = event.at;
      since.textContent = "just now";
      row.querySelector(".since").replaceChildren(since);
      row.querySelector(".reason").textContent = event.reason;
      markLastHour(row, event.to);
      row.querySelector(".source").textContent = event.source;
      row.classList.remove("changed");
      void row.offsetWidth;
      row.classList.add("changed");
    }
    addEvent(event);
    recount();
  }

  // The strip's last bar is this hour: it keeps the worst state the hour has seen.
  const SEVERITY = { none: -1, up: 0, unknown: 1, down: 2 };
  function markLastHour(row, state) {
    const slots = row.querySelectorAll(".slot");
    const last = slots[slots.length - 1];
    if (!last) {
      return;
    }
    const current = last.className.replace(/.*slot-/, "");
    if (SEVERITY[state] > (SEVERITY[current] ?? -1)) {
      last.className = "slot slot-" + state;
    }
  }

  function addEvent(event) {
    const item = document.createElement("li");
    const at = document.createElement("time");
    at.dateTime = event.at;
    at.textContent = event.at;
    const name = document.createElement("strong");
    name.textContent = event.daemon;
    const reason = document.createElement("span");
    reason.className = "reason";
    reason.textContent = event.reason ? ": " + event.reason : "";
    const change = NOTES.includes(event.kind)
      ? event.kind
      : (event.from || "appeared") + " → " + (event.to || "removed");
    item.append(at, " ", name, " " + change, reason);
    events.prepend(item);
    while (events.children.length > 20) {
      events.lastElementChild.remove();
    }
  }

  // The same rule as the gateway's Health: half or more down is a major outage.
  function recount() {
    const counts = { up: 0, down: 0, unknown: 0 };
    for (const row of tbody.rows) {
      counts[row.dataset.state] += 1;
    }
    const total = counts.up + counts.down + counts.unknown;
    let health = "operational";
    if (total === 0 || counts.unknown === total) {
      health = "unknown";
    } else if (counts.down * 2 >= total) {
      health = "major_outage";
    } else if (counts.down > 0 || counts.unknown > 0) {
      health = "degraded";
    }
    const overall = document.getElementById("overall");
    overall.className = "overall health-" + health;
    document.getElementById("headline").textContent = HEADLINES[health];
    document.getElementById("counts").textContent =
      counts.up + " up, " + counts.down + " down, " + counts.unknown + " unknown";
    document.title = "Ghost Gateway: " + HEADLINES[health];
  }

  let after = Number(root.dataset.after) || 0;
  const stream = new EventSource(root.dataset.stream + "?after=" + after);
  stream.addEventListener("open", () => {
    connection.hidden = true;
  });
  stream.addEventListener("error", () => {
    connection.hidden = false;
  });
  stream.addEventListener("transition", (message) => {
    const event = JSON.parse(message.data);
    if (event.seq <= after) {
      return;
    }
    after = event.seq;
    apply(event);
  });

  async function refresh() {
    try {
      const answer = await fetch("/api/v1/status", { headers: { Accept: "application/json" } });
      if (!answer.ok) {
        return;
      }
      const status = await answer.json();
      stale.hidden = !status.stale;
      const updated = document.getElementById("updated");
      updated.dateTime = status.updatedAt;
      updated.textContent = status.updatedAt;
    } catch (unreachable) {
      connection.hidden = false;
    }
  }
  setInterval(refresh, (Number(root.dataset.refresh) || 15) * 1000);
})();
