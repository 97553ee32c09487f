// The hrkg browse page: search with suggestions, the neighbourhood graph (cytoscape), an evidence panel,
// an event's figures and a timeline. Talks only to the API it is served by (no internet needed).
import cytoscape from "cytoscape";

const COLORS = { Person: "#d9534f", Organisation: "#2e5aa8", Event: "#e0a100", Case: "#7b4fb0", Place: "#2f9a5e" };
const $ = (sel) => document.querySelector(sel);
const searchBox = $("#search");
const suggestionList = $("#suggestions");
const panel = $("#panel");
const statusLine = $("#status");
const depthSelect = $("#depth");

// -- helpers ------------------------------------------------------------------------------------------------

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function status(message, isError = false) {
  statusLine.textContent = message || "";
  statusLine.classList.toggle("error", isError);
}

async function getJSON(url) {
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await resp.json();
  } catch {
    body = null;
  }
  if (!resp.ok) {
    const msg = body && body.error ? body.error.message : `${resp.status} ${resp.statusText}`;
    throw new Error(msg);
  }
  return body;
}

const entityPath = (id) => "/entities/" + id.split("/").map(encodeURIComponent).join("/");
const words = (s) => String(s || "").toLowerCase().replace(/_/g, " ");

// -- the graph ----------------------------------------------------------------------------------------------

const cy = cytoscape({
  container: $("#cy"),
  minZoom: 0.2,
  maxZoom: 1.4,
  wheelSensitivity: 0.3,
  style: [
    { selector: "node", style: {
      "background-color": (n) => COLORS[n.data("type")] || "#888", label: "data(name)", color: "#1d2430",
      "font-size": 11, "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap", "text-max-width": 120,
      width: 26, height: 26, "border-width": 2, "border-color": "#fff" } },
    { selector: "node[?focus]", style: { width: 38, height: 38, "border-color": "#1d2430", "border-width": 3, "font-weight": 700 } },
    { selector: "node:selected", style: { "border-color": "#ffcc00", "border-width": 4 } },
    { selector: "node[?expanded]", style: { "border-style": "double", "border-width": 5 } },
    { selector: "edge", style: {
      width: (e) => Math.min(1.5 + e.data("evidence_count"), 7), "line-color": "#9aa7b8", "target-arrow-color": "#9aa7b8",
      "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 9, color: "#4b5668",
      "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.85,
      "text-background-padding": 1 } },
    { selector: "edge:selected", style: { "line-color": "#ffb300", "target-arrow-color": "#ffb300", width: 6 } },
  ],
});
window.hrkg = { cy }; // for tests and for curious analysts in the console

function legend() {
  $("#legend").innerHTML = Object.entries(COLORS)
    .map(([type, color]) => `<span><i style="background:${color}"></i>${type}</span>`).join("");
}

function addView(view, focusId) {
  const added = [];
  for (const n of view.nodes) {
    if (cy.getElementById(n.id).empty()) {
      added.push(cy.add({ group: "nodes", data: { ...n, focus: n.id === focusId } }));
    }
  }
  for (const e of view.edges) {
    if (cy.getElementById(e.id).empty()) {
      added.push(cy.add({ group: "edges", data: { ...e, label: words(e.type) } }));
    }
  }
  return added.length;
}

function layout() {
  cy.layout({
    name: "cose", animate: false, fit: true, padding: 50, randomize: true, nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 400000, idealEdgeLength: () => 90, edgeElasticity: () => 100, nodeOverlap: 20, gravity: 60,
    numIter: 1500, componentSpacing: 80,
  }).run();
}

async function focusOn(id) {
  status(`Loading ${id} ...`);
  try {
    const depth = depthSelect.value;
    const view = await getJSON(`/graph?focus=${encodeURIComponent(id)}&depth=${depth}&limit=80`);
    cy.elements().remove();
    $("#hint").hidden = true;
    addView(view, id);
    cy.getElementById(id).data("expanded", true);
    layout();
    cy.getElementById(id).select();
    if (location.hash.slice(1) !== id) history.replaceState(null, "", "#" + id);
    status(`${view.nodes.length} entities, ${view.edges.length} relationships around ${id}` +
           (view.truncated ? " (limited; click nodes to expand)" : ""));
    timeline();
    await showEntity(id);
  } catch (err) {
    status(err.message, true);
  }
}

async function expand(id) {
  const node = cy.getElementById(id);
  if (node.data("expanded")) return;
  try {
    const view = await getJSON(`/graph?focus=${encodeURIComponent(id)}&depth=1&limit=60`);
    const count = addView(view, null);
    node.data("expanded", true);
    if (count) layout();
    status(count ? `Expanded ${node.data("name")}: ${count} new elements` : `${node.data("name")}: nothing new`);
    timeline();
  } catch (err) {
    status(err.message, true);
  }
}

cy.on("tap", "node", async (evt) => {
  const id = evt.target.id();
  await Promise.all([expand(id), showEntity(id)]);
});
cy.on("tap", "edge", (evt) => showEdge(evt.target.data()));

// -- the panel ----------------------------------------------------------------------------------------------

function sourceLink(doc) {
  if (!doc) return "";
  const title = esc(doc.title || doc.source || doc.id.slice(0, 12));
  const when = doc.published ? ` (${esc(doc.published)})` : "";
  const ext = doc.url ? ` <a href="${esc(doc.url)}" target="_blank" rel="noopener noreferrer">original</a>` : "";
  return `<span class="source"><button class="link doc" data-doc="${esc(doc.id)}">${title}</button>` +
         `${doc.publisher ? " - " + esc(doc.publisher) : ""}${when} · <a href="/documents/${esc(doc.id)}">record</a>${ext}</span>`;
}

function evidenceList(evidence) {
  return `<ul class="evidence">${evidence.map((ev) =>
    `<li><q class="sentence">${esc(ev.sentence)}</q><br>${sourceLink(ev.document)}` +
    `${ev.confidence != null ? ` <span class="source">confidence ${Number(ev.confidence).toFixed(2)}</span>` : ""}</li>`).join("")}</ul>`;
}

function entityLink(ref) {
  return `<a class="entity" data-id="${esc(ref.id)}" href="#${esc(ref.id)}">${esc(ref.name || ref.id)}</a>`;
}

function relationHead(rel) {
  const verb = words(rel.predicate || rel.type);
  const other = entityLink(rel.other);
  const date = rel.date ? ` <span class="badge">${esc(rel.date)}</span>` : "";
  return rel.direction === "out" ? `${esc(verb)} ${other}${date}` : `${other} ${esc(verb)} <em>this</em>${date}`;
}

function figuresTable(claims, showAbout) {
  if (!claims.length) return "";
  const rows = claims.map((c) => `<tr>
      ${showAbout ? `<td>${entityLink(c.about)}</td>` : ""}
      <td>${c.claimant ? entityLink(c.claimant) : '<span class="muted">unattributed</span>'}</td>
      <td>${esc(words(c.metric))}</td>
      <td class="value">${esc(c.qualifier || "")} ${c.value != null ? Number(c.value).toLocaleString("en") : "?"}</td>
      <td><q class="sentence">${esc(c.sentence)}</q><br>${sourceLink(c.document)}</td></tr>`).join("");
  return `<table class="figures"><thead><tr>${showAbout ? "<th>About</th>" : ""}<th>Claimed by</th><th>Metric</th>` +
         `<th>Value</th><th>Sentence and source</th></tr></thead><tbody>${rows}</tbody></table>`;
}

let shownEntity = null;

async function showEntity(id) {
  shownEntity = id;
  panel.innerHTML = `<p class="muted">Loading ${esc(id)} ...</p>`;
  let body;
  try {
    body = await getJSON(entityPath(id));
  } catch (err) {
    panel.innerHTML = `<p class="error">${esc(err.message)}</p>`;
    return;
  }
  if (shownEntity !== id) return;
  const e = body.entity;
  const dates = [e.start_date, e.end_date].filter(Boolean).join(" - ");
  const facts = [
    ["Type", esc(e.type) + (e.kind ? ` (${esc(e.kind)})` : "")],
    ["Also known as", esc((e.aliases || []).join(", "))],
    ["Description", esc(e.description || "")],
    ["Dates", esc(dates)],
    ["Wikidata", e.wikidata ? `<a href="https://www.wikidata.org/wiki/${esc(e.wikidata)}" target="_blank" rel="noopener">${esc(e.wikidata)}</a>` : ""],
    ["Mentioned in", `${body.documents} document(s)`],
    ["URI", `<a href="/id/${esc(e.id)}">${esc(e.uri)}</a>`],
  ].filter(([, v]) => v).map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("");
  const rels = body.relationships.map((r) =>
    `<div class="fact" data-type="${esc(r.type)}" data-other="${esc(r.other.id)}"><div class="head">${relationHead(r)}` +
    ` <span class="badge">${r.evidence_count} source sentence(s)</span></div>${evidenceList(r.evidence)}</div>`).join("");
  panel.innerHTML = `<h2>${esc(e.name)}</h2><dl>${facts}</dl>` +
    (body.claims.length ? `<h3>Figures</h3>${figuresTable(body.claims, false)}` : "") +
    (body.claims_made.length ? `<h3>Figures claimed by ${esc(e.name)}</h3>${figuresTable(body.claims_made, true)}` : "") +
    `<h3>Facts</h3>${rels || '<p class="muted">No relationships recorded.</p>'}` +
    `<h3>Sources</h3><ul>${body.sources.map((d) => `<li>${sourceLink(d)}</li>`).join("") || "<li class=muted>none</li>"}</ul>`;
}

async function showEdge(edge) {
  shownEntity = edge.source;
  panel.innerHTML = `<p class="muted">Loading evidence ...</p>`;
  try {
    const body = await getJSON(entityPath(edge.source));
    const rel = body.relationships.find((r) => r.type === edge.type && r.direction === "out" && r.other.id === edge.target);
    if (!rel) throw new Error("this relationship is no longer in the graph");
    const subject = { id: body.entity.id, name: body.entity.name };
    panel.innerHTML = `<h2 class="edge-title">${entityLink(subject)} ${esc(words(rel.predicate || rel.type))} ${entityLink(rel.other)}</h2>` +
      `<dl><dt>Relationship</dt><dd>${esc(rel.type)}</dd>` +
      (rel.date ? `<dt>Date</dt><dd>${esc(rel.date)}</dd>` : "") +
      (rel.confidence != null ? `<dt>Confidence</dt><dd>${Number(rel.confidence).toFixed(2)}</dd>` : "") +
      `<dt>Evidence</dt><dd>${rel.evidence_count} sentence(s)</dd></dl><h3>Evidence</h3>${evidenceList(rel.evidence)}`;
  } catch (err) {
    panel.innerHTML = `<p class="error">${esc(err.message)}</p>`;
  }
}

async function showDocument(docId) {
  shownEntity = null;
  panel.innerHTML = `<p class="muted">Loading document ...</p>`;
  try {
    const body = await getJSON(`/documents/${encodeURIComponent(docId)}`);
    const d = body.document;
    const meta = [["Publisher", esc(d.publisher || "")], ["Published", esc(d.published || "")],
      ["Source", esc(d.source || "")],
      ["Link", d.url ? `<a href="${esc(d.url)}" target="_blank" rel="noopener noreferrer">${esc(d.url)}</a>` : ""],
      ["Counts", `${d.entities} entities, ${d.relations} relationships, ${d.claims} figures`],
      ["Record", `<a href="/documents/${esc(d.id)}">/documents/${esc(d.id.slice(0, 12))}...</a>`]]
      .filter(([, v]) => v).map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("");
    const rels = body.relations.map((r) => `<li>${entityLink(r.subject)} ${esc(words(r.type))} ${entityLink(r.object)}` +
      `<br><q class="sentence">${esc(r.sentence)}</q></li>`).join("");
    const claims = body.claims.map((c) => ({ ...c, document: null }));
    panel.innerHTML = `<h2>${esc(d.title || d.source || d.id)}</h2><dl>${meta}</dl>` +
      (claims.length ? `<h3>Figures</h3>${figuresTable(claims, true)}` : "") +
      `<h3>Statements</h3><ul class="evidence">${rels || "<li class=muted>none</li>"}</ul>` +
      `<h3>Entities</h3><p>${body.entities.map(entityLink).join(", ")}</p>`;
  } catch (err) {
    panel.innerHTML = `<p class="error">${esc(err.message)}</p>`;
  }
}

panel.addEventListener("click", (evt) => {
  const link = evt.target.closest("a.entity");
  if (link) {
    evt.preventDefault();
    const id = link.dataset.id;
    if (cy.getElementById(id).nonempty()) {
      cy.elements().unselect();
      cy.getElementById(id).select();
      expand(id);
      showEntity(id);
    } else {
      focusOn(id);
    }
    return;
  }
  const doc = evt.target.closest("button.doc");
  if (doc) showDocument(doc.dataset.doc);
});

// -- timeline -----------------------------------------------------------------------------------------------

function timeline() {
  const items = [];
  cy.nodes().forEach((n) => {
    const d = n.data();
    if (d.start_date && (d.type === "Event" || d.type === "Case")) items.push({ date: d.start_date, end: d.end_date, id: d.id, text: d.name, type: d.type });
  });
  cy.edges().forEach((e) => {
    const d = e.data();
    if (d.date) {
      const s = cy.getElementById(d.source).data("name");
      const t = cy.getElementById(d.target).data("name");
      items.push({ date: d.date, edge: d.id, text: `${s} ${words(d.type)} ${t}` });
    }
  });
  items.sort((a, b) => a.date.localeCompare(b.date) || a.text.localeCompare(b.text));
  const box = $("#timeline");
  box.hidden = items.length === 0;
  $("#timeline-list").innerHTML = items.map((it) =>
    `<li data-id="${esc(it.id || "")}" data-edge="${esc(it.edge || "")}"><time>${esc(it.date)}${it.end ? " - " + esc(it.end) : ""}</time> ` +
    `${esc(it.text)}${it.type ? ` <span class="badge">${esc(it.type)}</span>` : ""}</li>`).join("");
}

$("#timeline-list").addEventListener("click", (evt) => {
  const li = evt.target.closest("li");
  if (!li) return;
  cy.elements().unselect();
  if (li.dataset.id) {
    cy.getElementById(li.dataset.id).select();
    showEntity(li.dataset.id);
  } else if (li.dataset.edge) {
    const edge = cy.getElementById(li.dataset.edge);
    edge.select();
    showEdge(edge.data());
  }
});

// -- search with suggestions --------------------------------------------------------------------------------

let suggestions = [];
let active = -1;
let pending = 0;
let timer = null;

function renderSuggestions() {
  suggestionList.innerHTML = suggestions.map((s, i) =>
    `<li role="option" class="suggestion" data-id="${esc(s.id)}" aria-selected="${i === active}">` +
    `<span>${esc(s.name)}${s.aliases && s.aliases.length ? ` <span class="muted">(${esc(s.aliases.slice(0, 2).join(", "))})</span>` : ""}</span>` +
    `<span class="type">${esc(s.type)}</span></li>`).join("");
  const open = suggestions.length > 0;
  suggestionList.hidden = !open;
  searchBox.setAttribute("aria-expanded", String(open));
}

async function suggest(text) {
  const ticket = ++pending;
  if (!text.trim()) {
    suggestions = [];
    renderSuggestions();
    return;
  }
  try {
    const body = await getJSON(`/entities?q=${encodeURIComponent(text)}&limit=8`);
    if (ticket !== pending) return; // a newer keystroke won
    suggestions = body.items;
    active = suggestions.length ? 0 : -1;
    renderSuggestions();
    status(suggestions.length ? "" : `Nothing found for "${text}"`);
  } catch (err) {
    status(err.message, true);
  }
}

function choose(index) {
  const s = suggestions[index];
  if (!s) return;
  searchBox.value = s.name;
  suggestions = [];
  renderSuggestions();
  focusOn(s.id);
}

searchBox.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => suggest(searchBox.value), 150);
});
searchBox.addEventListener("keydown", (evt) => {
  if (evt.key === "ArrowDown" || evt.key === "ArrowUp") {
    if (!suggestions.length) return;
    evt.preventDefault();
    active = (active + (evt.key === "ArrowDown" ? 1 : -1) + suggestions.length) % suggestions.length;
    renderSuggestions();
  } else if (evt.key === "Enter") {
    evt.preventDefault();
    if (suggestions.length) choose(Math.max(active, 0));
  } else if (evt.key === "Escape") {
    suggestions = [];
    renderSuggestions();
  }
});
suggestionList.addEventListener("mousedown", (evt) => {
  const li = evt.target.closest("li.suggestion");
  if (!li) return;
  evt.preventDefault();
  choose(suggestions.findIndex((s) => s.id === li.dataset.id));
});
searchBox.addEventListener("blur", () => setTimeout(() => { suggestionList.hidden = true; }, 150));
searchBox.addEventListener("focus", () => { if (suggestions.length) suggestionList.hidden = false; });
depthSelect.addEventListener("change", () => {
  const focus = cy.nodes("[?focus]");
  if (focus.nonempty()) focusOn(focus.id());
});

window.addEventListener("hashchange", () => {
  const id = decodeURIComponent(location.hash.slice(1));
  if (id && cy.nodes("[?focus]").id() !== id) focusOn(id);
});

legend();
const initial = decodeURIComponent(location.hash.slice(1));
if (initial) focusOn(initial);
else searchBox.focus();
