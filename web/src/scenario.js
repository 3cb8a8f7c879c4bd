// The scenario page: builder (form or pasted file), shareable URL, the map
// coloured by role and status, the side panel, the cascade, the sides and
// their balance, and every obligation — each figure downloadable.
import { api } from "./api.js";
import { h, clear, num, downloads, errorBox, b64urlEncode, b64urlDecode } from "./util.js";
import { CATEGORIES, LABEL, classify, paraphrase } from "./status.js";
import { allStates, label, featureId } from "./states.js";
import { drawMap, theatreBox } from "./map.js";
import { savePanel } from "./saved.js";

let placesCache = null;

// July 1914 needs several events, so its example link carries a scenario
// file; the dates are the declarations and mobilizations of 1914.
export const JULY_1914 = `# July 1914 on the historical treaties
date: 1914-07-28
events:
  - war: {declared_by: AUH, on: YUG, date: 1914-07-28}
  - mobilization: {by: RUS, general: true, date: 1914-07-30}
  - mobilization: {by: AUH, general: true, date: 1914-07-31}
  - war: {declared_by: GMY, on: RUS, date: 1914-08-01}
  - war: {declared_by: GMY, on: FRN, date: 1914-08-03}
  - armed_attack: {by: [GMY], on: BEL, at: BEL, date: 1914-08-04}
  - war: {declared_by: AUH, on: RUS, date: 1914-08-06}
assume: {entry_counts_as_attack: false, honour: all}
`;

// named puts the name beside every COW abbreviation in an engine sentence.
const ABBS = new Set(allStates.map((r) => r.a));
export function named(text) {
  return String(text).replace(/\b[A-Z]{3}\b/g, (m) => (ABBS.has(m) ? `${m} (${label(m).slice(4)})` : m));
}

export function scenarioText(p) {
  // Several attackers may be given, separated by commas ("GMY, AUH").
  const attack = { by: p.a.split(",").map((x) => x.trim()).filter(Boolean), on: p.v };
  if (p.at) attack.at = p.at;
  const assume = { entry_counts_as_attack: p.e === "1", honour: p.h === "p" ? Number(p.hp || 0.5) : p.h || "all" };
  if (p.h === "p") {
    assume.runs = Number(p.runs || 1000);
    assume.seed = Number(p.seed || 1);
  }
  return JSON.stringify({ date: p.d, events: [{ armed_attack: attack }], assume }, null, 2) + "\n";
}

export function shareHash(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== undefined && v !== null) q.set(k, v);
  return "#/scenario?" + q.toString();
}

export async function renderScenario(root, params) {
  clear(root);
  const form = builder(params);
  const out = h("div", { id: "result", "aria-live": "polite" });
  // What "Save scenario" saves: the pasted file when the paste box is open
  // and holds one, else the form's scenario (null, with the browser's
  // messages, when the form is incomplete).
  const toSave = () => {
    const paste = form.querySelector("details.paste");
    const pasted = form.querySelector("#scenario-text").value;
    if (paste.open && pasted.trim()) return pasted;
    if (!form.reportValidity()) return null;
    return scenarioText(formParams(form));
  };
  root.append(form, savePanel({ scenario: toSave, open: Boolean(params.sid) }), out);
  let text = null;
  let title = "";
  if (params.sid) {
    // A saved scenario: its file into the paste box (to read, change and
    // save anew) and the server's evaluation of it.
    out.append(h("p", { class: "loading" }, "Evaluating…"));
    let rec;
    let report;
    try {
      rec = await api.savedScenario(params.sid);
      report = await api.savedReport(params.sid, params.ts === "1");
    } catch (e) {
      clear(out).append(errorBox(e));
      return;
    }
    form.querySelector("#scenario-text").value = rec.yaml;
    const shape = formShape(rec.yaml);
    if (shape) fillForm(form, shape);
    else form.querySelector("details.paste").open = true;
    const t = root.querySelector("#save-title");
    if (t) t.value = rec.title || "";
    clear(out);
    showReport(out, report, { title: rec.title || `saved scenario ${rec.id}`, text: rec.yaml, params });
    return;
  }
  if (params.s) {
    try {
      text = b64urlDecode(params.s);
      title = "pasted scenario";
    } catch (e) {
      out.append(errorBox(new Error("the scenario in this URL is not valid base64url")));
      return;
    }
  } else if (params.a && params.v && params.d) {
    text = scenarioText(params);
    title = `${label(params.a)} attacks ${label(params.v)} on ${params.d}`;
  }
  if (!text) {
    out.append(
      h(
        "p",
        { class: "intro" },
        "Pick an attacker, a victim and a date, or paste a scenario file, and run it: the map shows who is bound to fight, who only consults, who is contingent and on what, and why. Examples: ",
        h("a", { href: shareHash({ a: "ROK", v: "PRK", d: "2025-06-01", h: "all" }) }, "Korea 2025"),
        ", ",
        h("a", { href: "#/scenario?s=" + b64urlEncode(JULY_1914) }, "July 1914"),
        "."
      )
    );
    return;
  }
  out.append(h("p", { class: "loading" }, "Evaluating…"));
  let report;
  try {
    report = await api.scenario(text, params.ts === "1");
  } catch (e) {
    clear(out).append(errorBox(e));
    return;
  }
  clear(out);
  showReport(out, report, { title, text, params });
}

function builder(p) {
  const datalist = h(
    "datalist",
    { id: "state-options" },
    allStates.map((r) => h("option", { value: r.a }, `${r.a} ${r.n}`))
  );
  const place = h("select", { id: "place", name: "at" }, h("option", { value: "" }, "the victim's home territory"));
  fillPlaces(place, p.at);
  const honour = h(
    "select",
    { id: "honour", name: "h" },
    h("option", { value: "all" }, "all honour their obligations"),
    h("option", { value: "none" }, "none honours them"),
    h("option", { value: "p" }, "each with probability p (Monte Carlo)")
  );
  honour.value = p.h === "none" || p.h === "p" ? p.h : "all";
  const prob = h("input", { id: "honour-p", name: "hp", type: "number", min: "0", max: "1", step: "0.05", value: p.hp || "0.6" });
  const probRow = h("label", { class: "inline", hidden: honour.value !== "p" }, "p ", prob);
  honour.addEventListener("change", () => (probRow.hidden = honour.value !== "p"));
  const field = (id, text, input) => h("div", { class: "field" }, h("label", { for: id }, text), input);
  const form = h(
    "form",
    { id: "builder", class: "builder", "aria-label": "scenario builder" },
    h("h2", {}, "Scenario"),
    h(
      "div",
      { class: "fields" },
      field("attacker", "Attacker", h("input", { id: "attacker", name: "a", list: "state-options", required: true, value: p.a || "", autocomplete: "off", placeholder: "ROK", "aria-describedby": "attacker-hint" })),
      field("victim", "Victim", h("input", { id: "victim", name: "v", list: "state-options", required: true, value: p.v || "", autocomplete: "off", placeholder: "PRK" })),
      field("place", "Place", place),
      h("span", { id: "attacker-hint", class: "hint small" }, "Attackers: one or more, separated by commas. States by COW code, abbreviation, ISO3 or name."),
      field("date", "Date", h("input", { id: "date", name: "d", type: "date", required: true, min: "1816-01-01", value: p.d || "" })),
      field("honour", "Honour", h("span", {}, honour, probRow)),
      h(
        "div",
        { class: "field check" },
        h("input", { id: "entry", name: "e", type: "checkbox", checked: p.e === "1" }),
        h("label", { for: "entry" }, "an ally's entry counts as an attack on the other side")
      ),
      h(
        "div",
        { class: "field check" },
        h("input", { id: "saved-treaties", name: "ts", type: "checkbox", checked: p.ts === "1" }),
        h("label", { for: "saved-treaties" }, "include the treaties saved on this server")
      )
    ),
    h("button", { id: "run", type: "submit" }, "Run scenario"),
    datalist,
    h(
      "details",
      { class: "paste", open: p.s ? true : null },
      h("summary", {}, "…or paste a scenario file (YAML or JSON)"),
      h("textarea", { id: "scenario-text", rows: "8", spellcheck: "false", "aria-label": "scenario file" }, p.s ? safeDecode(p.s) : ""),
      h("button", { id: "run-pasted", type: "button" }, "Run pasted file")
    )
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    go(shareHash(formParams(form)));
  });
  form.querySelector("#run-pasted").addEventListener("click", () => {
    const t = form.querySelector("#scenario-text").value;
    if (t.trim()) go("#/scenario?s=" + b64urlEncode(t) + (form.querySelector("#saved-treaties").checked ? "&ts=1" : ""));
  });
  return form;
}

// formShape reads a scenario file the builder could have made (JSON, one
// armed attack; what "Save scenario" saves from the form) back into the
// builder's parameters, or null for any other file, which stays in the
// paste box. Attackers are kept as the file writes them.
export function formShape(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return null;
  }
  const evs = doc && Array.isArray(doc.events) ? doc.events : [];
  const a = evs.length === 1 && evs[0] && evs[0].armed_attack;
  if (!a || !a.on || !a.by || typeof doc.date !== "string") return null;
  if (Object.keys(evs[0]).length !== 1 || Object.keys(a).some((k) => !["by", "on", "at"].includes(k))) return null;
  if (Object.keys(doc).some((k) => !["title", "date", "events", "assume"].includes(k))) return null;
  const as = doc.assume || {};
  // Monte-Carlo runs and seed other than the builder's are not in the form.
  if ((as.runs !== undefined && as.runs !== 1000) || (as.seed !== undefined && as.seed !== 1)) return null;
  if (Object.keys(as).some((k) => !["entry_counts_as_attack", "honour", "runs", "seed"].includes(k))) return null;
  const honour = as.honour === undefined ? "all" : as.honour;
  return {
    a: [].concat(a.by).join(", "),
    v: String(a.on),
    d: doc.date,
    at: a.at || "",
    e: as.entry_counts_as_attack ? "1" : "",
    h: typeof honour === "number" ? "p" : String(honour),
    hp: typeof honour === "number" ? String(honour) : "",
  };
}

function fillForm(form, p) {
  form.querySelector("#attacker").value = p.a;
  form.querySelector("#victim").value = p.v;
  form.querySelector("#date").value = p.d;
  const place = form.querySelector("#place");
  // The places may still be loading: fillPlaces picks this up then.
  place.dataset.want = p.at;
  place.value = p.at;
  form.querySelector("#entry").checked = p.e === "1";
  const honour = form.querySelector("#honour");
  honour.value = p.h === "none" || p.h === "p" ? p.h : "all";
  honour.dispatchEvent(new Event("change"));
  if (p.hp) form.querySelector("#honour-p").value = p.hp;
}

// formParams reads the builder into the share URL's parameters.
function formParams(form) {
  const f = new FormData(form);
  return {
    a: f.get("a").trim(),
    v: f.get("v").trim(),
    d: f.get("d"),
    at: f.get("at"),
    e: f.get("e") ? "1" : "",
    h: f.get("h"),
    hp: f.get("h") === "p" ? f.get("hp") : "",
    ts: f.get("ts") ? "1" : "",
  };
}

function go(hash) {
  // Running the same scenario again re-renders too.
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = hash;
}

function safeDecode(t) {
  try {
    return b64urlDecode(t);
  } catch (e) {
    return "";
  }
}

async function fillPlaces(select, chosen) {
  try {
    placesCache = placesCache || (await api.places());
  } catch (e) {
    select.append(h("option", { value: "", disabled: true }, "(places unavailable: " + e.message + ")"));
    return;
  }
  const places = Array.isArray(placesCache) ? placesCache : placesCache.places || [];
  const regions = Array.isArray(placesCache) ? [] : placesCache.regions || [];
  const g1 = h("optgroup", { label: "places" }, places.map((p) => h("option", { value: p.name }, p.sovereign ? `${p.name} (${p.sovereign})` : p.name)));
  const g2 = h("optgroup", { label: "sea areas and regions" }, regions.map((r) => h("option", { value: r.id }, r.id)));
  select.append(g1);
  if (regions.length) select.append(g2);
  const want = chosen || select.dataset.want;
  if (want) select.value = want;
}

// placeOf is the named place of the first attack (the form's place, or
// the "at …" of the report's first event for a pasted file), if it is in
// the places table, for the marker on the map.
function placeOf(report, params) {
  if (!placesCache) return null;
  const places = Array.isArray(placesCache) ? placesCache : placesCache.places || [];
  let at = params.at || "";
  if (!at) {
    const ev = ((report.scenario && report.scenario.events) || [])[0] || "";
    const m = / at (.+?)(?: \[|$)/.exec(ev);
    at = m ? m[1] : "";
  }
  return at ? places.find((p) => p.name === at || (p.aliases || []).includes(at)) || null : null;
}

function showReport(out, report, { title, params }) {
  const rounds = (report.rounds || []).map((r) => r.round);
  const last = rounds.length ? Math.max(...rounds) : 1;
  // The round shown is in the URL (r=, absent for the final round), so a
  // shared link opens on the same step.
  let upto = rounds.includes(Number(params.r)) ? Number(params.r) : last;
  let cats = classify(report, upto);
  const catOf = (abb) => (cats.get(abb) ? cats.get(abb).cat : "");
  const breachedOf = (abb) => Boolean(cats.get(abb) && cats.get(abb).breached);
  const date = report.scenario && report.scenario.date;
  const panel = h("aside", { id: "panel", class: "panel", "aria-label": "state details" });
  let selected = null;
  const select = (abb) => {
    selected = abb;
    for (const el of map.querySelectorAll(".country.selected")) el.classList.remove("selected");
    for (const el of map.querySelectorAll(`.country[data-state="${abb}"]`)) el.classList.add("selected");
    renderPanel(panel, cats, abb, select, date);
  };
  const marker = placeOf(report, params);
  const map = h("div", { class: "maps" });
  const legendBox = h("div", {});
  // The theatre: a closer view around where the war begins (the first
  // victim and its attacker), since Korea or Serbia is a few pixels wide
  // on the world map.
  const first = (report.sides || []).flatMap((sd) => sd.members.filter((m) => m.round === 1).map((m) => m.state));
  const box = theatreBox(first, marker);
  const drawAll = () => {
    clear(map).append(drawMap({ catOf, breachedOf, onSelect: select, marker, title: `world map: ${title || "scenario"}, after round ${upto} of ${last}` }));
    if (box) {
      map.append(
        h(
          "div",
          { class: "theatre" },
          drawMap({ catOf, breachedOf, onSelect: select, marker, title: "closer view of where the war begins", viewBox: box, cls: "inset", labels: true }),
          h("p", { class: "caption" }, "Closer view: where the war begins.")
        )
      );
    }
    clear(legendBox).append(legend(cats));
    clear(changes).append(roundChanges(report, upto, last, cats));
    if (selected) select(selected);
    else renderPanel(panel, cats, null, select, date);
  };
  // Play the cascade: the map after round 1, 2, … (the states that had
  // entered by then, each obligation's status as of that round), with what
  // changed since the round before spelled out beside the buttons.
  const changes = h("p", { id: "round-changes", class: "roundchanges", "aria-live": "polite" });
  const steps = h(
    "div",
    { class: "stepbox" },
    h(
      "div",
      { class: "steps", role: "group", "aria-label": "cascade step shown on the map" },
      h("span", {}, "Map after "),
      rounds.map((r) =>
        h(
          "button",
          {
            type: "button",
            class: "step",
            "data-round": r,
            "aria-pressed": r === upto ? "true" : "false",
            onclick: (e) => {
              upto = r;
              cats = classify(report, upto);
              for (const b of steps.querySelectorAll("button.step")) b.setAttribute("aria-pressed", b === e.currentTarget ? "true" : "false");
              setRoundInURL(r === last ? "" : String(r));
              drawAll();
            },
          },
          r === last ? `round ${r} (final)` : `round ${r}`
        )
      )
    ),
    changes
  );
  drawAll();

  const historical = date && date < "2012-01-01";
  appendAll(
    out,
    h(
      "section",
      { class: "headline" },
      h("h2", {}, report.scenario.title || title || "Scenario"),
      h("ul", { class: "events" }, report.scenario.events.map((e) => h("li", {}, named(eventText(e))))),
      h(
        "p",
        { class: "share" },
        "Shareable link: ",
        h("a", { id: "share-link", href: location.href }, "this scenario"),
        " ",
        h(
          "button",
          {
            type: "button",
            onclick: (e) => {
              const b = e.currentTarget;
              const share = location.href;
              const done = (t) => (b.textContent = t);
              if (navigator.clipboard) navigator.clipboard.writeText(share).then(() => done("Copied"), () => done("Copy failed: use the link"));
              else done("Copy the link above");
            },
          },
          "Copy link"
        )
      ),
      summaryBlock(report.summary)
    ),
    rounds.length > 1 ? steps : null,
    h(
      "div",
      { class: "mapgrid" },
      h(
        "figure",
        { class: "mapfig" },
        map,
        h(
          "figcaption",
          {},
          legendBox,
          h(
            "p",
            { class: historical ? "borders historical" : "borders" },
            historical
              ? `Borders are today's (Natural Earth 1:110m), the date is ${date}: a state is drawn on the territory of today's state with its ISO code; states with no such code are listed beside the map.`
              : "Borders: Natural Earth 1:110m (today's)."
          ),
          downloads("casus-map-states", {
            rows: () => [...cats.values()].map((c) => ({ state: c.abb, name: label(c.abb).slice(4), status: LABEL[c.cat], breached: c.breached ? "yes" : "", side: c.side || "", on_map: featureId(c.abb) ? "yes" : "no", iso_numeric: featureId(c.abb), after_round: upto })),
            cols: ["state", "name", "status", "breached", "side", "on_map", "iso_numeric", "after_round"],
            json: () => ({ after_round: upto, states: [...cats.values()].map((c) => ({ state: c.abb, status: c.cat, breached: c.breached, side: c.side || null, iso_numeric: featureId(c.abb) || null })) }),
          })
        )
      ),
      panel
    ),
    cascade(report),
    sidesBlock(report),
    extras(report),
    obligationsTable(report)
  );
}

// setRoundInURL keeps the round shown in the URL without a new history
// entry or a hashchange (which would evaluate the scenario again).
function setRoundInURL(r) {
  const [path, query] = location.hash.split("?");
  const q = new URLSearchParams(query || "");
  if (r) q.set("r", r);
  else q.delete("r");
  const hash = path + (q.toString() ? "?" + q.toString() : "");
  history.replaceState(null, "", hash);
  const link = document.getElementById("share-link");
  if (link) link.href = location.href;
}

// roundChanges says what the map gains at round k: who enters the war on
// which side (rounds[].entered) and whose category changes from round k-1.
function roundChanges(report, k, last, cats) {
  const names = (abbs) => abbs.map(label).join(", ");
  const later = [...cats.values()].filter((c) => c.later.length && c.cat === "untouched").length;
  const tail = k < last ? ` Obligations of further states come due in later rounds${later ? ` (${later} states still untouched here)` : ""}.` : " The cascade stops here.";
  if (k === 1) return `Round 1: the scenario's own events.${tail}`;
  const prev = classify(report, k - 1);
  const parts = [];
  const round = (report.rounds || []).find((r) => r.round === k);
  for (const side of [1, 2]) {
    const who = ((round && round.entered) || []).filter((e) => typeof e === "object" && e.side === side).map((e) => e.state);
    if (who.length) parts.push(`${names(who)} ${who.length > 1 ? "enter" : "enters"} the war on side ${side}`);
  }
  const byCat = new Map();
  for (const c of cats.values()) {
    const before = prev.get(c.abb) ? prev.get(c.abb).cat : "untouched";
    if (c.cat === before || c.cat === "untouched") continue;
    if (!byCat.has(c.cat)) byCat.set(c.cat, []);
    byCat.get(c.cat).push(c.abb);
  }
  for (const c of CATEGORIES) if (byCat.has(c.id)) parts.push(`now ${c.label}: ${names(byCat.get(c.id))}`);
  return `Round ${k}: ${parts.length ? parts.join("; ") + "." : "nothing changes on the map."}${tail}`;
}

function appendAll(el, ...children) {
  el.append(...children.filter(Boolean));
}

function summaryBlock(sum) {
  if (!sum || typeof sum !== "object" || !sum.counts) return null;
  // The engine's structured summary (obligation/doc.go): states counted per
  // answer; the groups (one treaty article, status and reason each) are
  // spelled out for who must fight and who is expressly not bound.
  const labels = {
    fight: "bound to fight",
    consult: "bound only to consult",
    contingent: "contingent",
    breached: "breaching a duty by their own attack",
    not_bound: "expressly not bound",
    neutral: "bound to neutrality",
    act: "bound to act short of fighting",
    non_binding: "political commitments",
  };
  const group = (g) =>
    `${g.source === "atop" ? g.treaty : g.treaty_title || g.treaty} ${g.article}: ${
      g.obligors.length > 4 ? g.obligors.length + " members" : g.obligors.map(named).join(", ")
    } → ${g.beneficiaries.map(named).join(", ")}${g.status === "not_triggered" ? " — " + g.reason : ""}`;
  const items = [];
  for (const [k, label] of Object.entries(labels)) {
    const n = sum.counts[k];
    if (!n) continue;
    const detail = k === "fight" || k === "not_bound" ? (sum[k] || []).map(group).join("; ") : "";
    items.push(h("dt", {}, `${label}: ${n}`), h("dd", {}, detail));
  }
  // An attacked state no one is bound to fight for, and why (the engine's
  // sentence: no pledge in force and the last one that ended, or pledges
  // in force that do not bind).
  const un = Array.isArray(sum.unprotected) ? sum.unprotected : [];
  if (un.length)
    items.unshift(h("dt", { class: "unprotected" }, `no one bound to fight for: ${un.map((u) => label(u.state)).join(", ")}`), h("dd", {}, un.map((u) => h("p", {}, named(u.text)))));
  return h("dl", { class: "summary", style: "min-width: 0; max-width: 100%; overflow-wrap: anywhere" }, items);
}

function legend(cats) {
  const counts = {};
  for (const c of cats.values()) counts[c.cat] = (counts[c.cat] || 0) + 1;
  return h(
    "ul",
    { class: "legend", "aria-label": "legend" },
    CATEGORIES.map((c) =>
      h("li", { title: c.help }, h("span", { class: "swatch cat-" + c.id, "aria-hidden": "true" }), c.label, c.id !== "untouched" && counts[c.id] ? ` (${counts[c.id]})` : "")
    )
  );
}

function renderPanel(panel, cats, abb, select, date) {
  clear(panel);
  if (abb) panel.append(stateDetail(cats.get(abb) || { abb, cat: "untouched", owes: [], owed: [] }, date));
  else panel.append(h("p", { class: "hint" }, "Select a state on the map or in the list for its obligations."));
  const groups = h("div", { class: "groups" });
  for (const c of CATEGORIES) {
    if (c.id === "untouched") continue;
    const members = [...cats.values()].filter((s) => s.cat === c.id);
    if (!members.length) continue;
    groups.append(
      h("h3", {}, h("span", { class: "swatch cat-" + c.id, "aria-hidden": "true" }), c.label),
      h(
        "ul",
        { class: "statelist", "data-category": c.id },
        members.map((s) =>
          h(
            "li",
            {},
            h(
              "button",
              { type: "button", class: "statebtn" + (s.abb === abb ? " selected" : ""), "data-state": s.abb, "data-status": c.label, "aria-pressed": s.abb === abb ? "true" : "false", onclick: () => select(s.abb) },
              label(s.abb)
            ),
            s.breached && s.cat !== "breached" ? h("span", { class: "breachnote" }, " breached") : null,
            featureId(s.abb) ? null : h("span", { class: "offmap", title: "no feature on today's map" }, " not on today's map")
          )
        )
      )
    );
  }
  panel.append(groups);
}

function stateDetail(st, date) {
  const m = st.member;
  return h(
    "section",
    { class: "detail", id: "state-detail", "data-state": st.abb, "data-status": LABEL[st.cat] },
    h("h3", {}, h("span", { class: "swatch cat-" + st.cat, "aria-hidden": "true" }), label(st.abb), " — ", h("span", { class: "status" }, LABEL[st.cat]), st.breached && st.cat !== "breached" ? h("span", { class: "breachnote" }, ", breached") : null),
    m ? h("p", {}, `Side ${st.side} since ${m.since}, round ${m.round}: ${named(m.how)}.`) : null,
    !m && st.enters ? h("p", { class: "enters" }, `Not in the war yet: joins side ${st.enters.side} in round ${st.enters.member.round} (${st.enters.member.since}).`) : null,
    h("p", {}, h("a", { href: `#/state/${st.abb}?on=${date}` }, "State page: guarantees both ways, capabilities over time")),
    st.owes.length ? h("h4", {}, "Obligations it owes") : h("p", {}, st.later.length ? "It owes no obligation that the events of these rounds touch." : "It owes no obligation that these events touch."),
    st.owes.map((o) => obligationCard(o, "to", o.beneficiary)),
    st.owed.length ? h("h4", {}, "Obligations owed to it") : null,
    st.owed.map((o) => obligationCard(o, "from", o.obligor)),
    st.later.length ? h("h4", {}, "Later in the cascade") : null,
    st.later.length
      ? h(
          "ul",
          { class: "later" },
          st.later.map((o) => {
            const first = o.status_by_round && o.status_by_round.length ? o.status_by_round[0] : o;
            const path = first.round === o.round ? `${o.status.replace("_", " ")} from round ${o.round}` : `${first.status.replace("_", " ")} from round ${first.round}, ${o.status.replace("_", " ")} from round ${o.round}`;
            return h("li", {}, `${o.treaty_title || o.treaty}, ${o.article}: ${o.kind} to ${label(o.beneficiary)} — ${path}`);
          })
        )
      : null
  );
}

function obligationCard(o, dir, other) {
  const para = paraphrase(o);
  return h(
    "article",
    { class: "obligation st-" + o.status },
    h("h5", {}, h("a", { href: `#/treaty/${encodeURIComponent(o.treaty)}` }, o.treaty_title || o.treaty), ", ", o.article),
    h(
      "p",
      { class: "meta" },
      h("span", { class: "badge st-" + o.status }, o.status.replace("_", " ")),
      ` ${o.kind} ${dir} ${label(other)}; response: ${o.response || "—"}`,
      o.qualifiers && o.qualifiers.length ? ` (${o.qualifiers.join(", ")})` : ""
    ),
    para ? h("p", { class: "paraphrase" }, para) : null,
    h("p", { class: "reason" }, h("strong", {}, "Why: "), named(o.reason)),
    o.open && o.open.length ? h("p", {}, h("strong", {}, "Open: "), o.open.map(named).join("; ")) : null,
    // The report's flags and chain of facts belong to the final status; a
    // card for an earlier round's status says so.
    o.flags && o.flags.length ? h("p", { class: "flags" }, o.later ? `Flags (of its status from round ${o.later.round}): ` : "Flags: ", o.flags.join(", ")) : null,
    h("p", { class: "meta" }, `round ${o.round}, ${o.event ? named(o.event) : o.date} · source: ${o.source}`),
    o.later ? h("p", { class: "meta raised" }, `Becomes ${o.later.status.replace("_", " ")} in round ${o.later.round}.`) : null,
    o.explain && o.explain.length ? h("details", {}, h("summary", {}, o.later ? `the chain of facts (of its status from round ${o.later.round})` : "the chain of facts"), h("ol", {}, o.explain.map((e) => h("li", {}, named(e))))) : null
  );
}

// eventText and enteredText read the rounds of the report: events[] and
// entered[] are objects ({text, …} and {state, side, for, treaty, …});
// plain strings, as older reports wrote them, are taken as they are.
function eventText(e) {
  return typeof e === "string" ? e : e.text || JSON.stringify(e);
}

function enteredText(e) {
  if (typeof e === "string") return named(e);
  const why = `${e.treaty} ${e.article}`;
  return `${label(e.state)} enters on side ${e.side} for ${label(e.for)} under ${why} (${e.kind}), ${e.date}${e.due_round ? `; it fell due in round ${e.due_round}` : ""}${e.flags && e.flags.length ? ` [${e.flags.join(", ")}]` : ""}`;
}

function cascade(report) {
  const rounds = report.rounds || [];
  const limit = (report.scenario && report.scenario.rounds_limit) || 0;
  const pending = report.pending_entries || [];
  return h(
    "section",
    { class: "cascade", id: "cascade" },
    h("h2", {}, "The cascade, round by round"),
    downloads("casus-cascade", {
      rows: () =>
        rounds.flatMap((r) => [
          ...r.events.map((e) => ({ round: r.round, what: "event", state: "", treaty: "", text: eventText(e) })),
          ...r.entered.map((e) => ({ round: r.round, what: "entered", state: typeof e === "string" ? "" : e.state, treaty: typeof e === "string" ? "" : `${e.treaty} ${e.article}`, text: typeof e === "string" ? e : enteredText(e) })),
        ]),
      cols: ["round", "what", "state", "treaty", "text"],
      json: () => rounds,
    }),
    h(
      "ol",
      { class: "rounds" },
      rounds.map((r) =>
        h(
          "li",
          { "data-round": r.round },
          h("h3", {}, `Round ${r.round}`),
          h("ul", {}, r.events.map((e) => h("li", {}, named(eventText(e))))),
          r.entered.length ? h("p", {}, h("strong", {}, "Who enters and why:")) : h("p", {}, r.round === rounds.length ? (limit ? `The cascade stops here: the scenario plays ${limit} round${limit > 1 ? "s" : ""} (rounds: ${limit}).` : "No one enters: the cascade stops.") : "No one enters this round."),
          // With a rounds limit, the entries due in the last round played
          // (pending_entries) would come in the next one.
          limit && r.round === rounds.length && pending.length
            ? h("div", { class: "pending" }, h("p", {}, h("strong", {}, `Due to enter in round ${r.round + 1}, which is not played:`)), h("ul", {}, pending.map((e) => h("li", { "data-state": e.state }, enteredText(e).replace(" enters on ", " would enter on ")))))
            : null,
          r.entered.length
            ? h(
                "ul",
                { class: "entered" },
                r.entered.map((e) =>
                  h(
                    "li",
                    { "data-state": typeof e === "string" ? null : e.state },
                    typeof e === "string" ? named(e) : [enteredText(e), " ", h("a", { href: `#/treaty/${encodeURIComponent(e.treaty)}` }, "treaty")]
                  )
                )
              )
            : null
        )
      )
    )
  );
}

function sidesBlock(report) {
  const sides = report.sides || [];
  const bal = report.balance || {};
  const bs = bal.sides || [];
  const c1 = bs[0] && bs[0].cinc;
  const c2 = bs[1] && bs[1].cinc;
  const bar =
    c1 != null && c2 != null && c1 + c2 > 0
      ? h(
          "div",
          { class: "balancebar", role: "img", "aria-label": `CINC side 1 ${num(c1)} against side 2 ${num(c2)}` },
          h("div", { class: "b1", style: `width:${(100 * c1) / (c1 + c2)}%` }, "side 1"),
          h("div", { class: "b2", style: `width:${(100 * c2) / (c1 + c2)}%` }, "side 2")
        )
      : null;
  return h(
    "section",
    { class: "sides", id: "sides" },
    h("h2", {}, "The sides and their capability balance"),
    downloads("casus-sides", {
      rows: () => sides.flatMap((s, i) => s.members.map((m) => ({ side: i + 1, state: m.state, name: label(m.state).slice(4), ccode: m.ccode, since: m.since, round: m.round, how: m.how }))),
      cols: ["side", "state", "name", "ccode", "since", "round", "how"],
      json: () => ({ sides, balance: bal }),
    }),
    h(
      "p",
      {},
      `CINC from NMC ${bal.release || "?"}, data year ${bal.year || "not covered"}; ratio side 1 / side 2: ${num(bal.ratio)}.`,
      bal.note ? " " + bal.note + "." : ""
    ),
    // With a probability of honouring, the sides are one run of the series
    // (run 0); the engine's note names who was bound and stayed out of it.
    report.shown_run && report.shown_run.note ? h("p", { class: "shownrun" }, named(report.shown_run.note)) : null,
    bar,
    h(
      "div",
      { class: "twocol" },
      sides.map((s, i) =>
        h(
          "div",
          { class: "side" },
          h("h3", {}, s.name, bs[i] ? ` — CINC ${num(bs[i].cinc)}` : ""),
          h(
            "table",
            {},
            h("thead", {}, h("tr", {}, h("th", {}, "state"), h("th", {}, "since"), h("th", {}, "round"), h("th", {}, "how"))),
            h(
              "tbody",
              {},
              s.members.map((m) => h("tr", {}, h("td", {}, h("a", { href: `#/state/${m.state}` }, label(m.state))), h("td", {}, m.since), h("td", {}, m.round), h("td", {}, named(m.how))))
            )
          ),
          bs[i] && bs[i].missing
            ? h("p", { class: "hint" }, "Left out of the sums (missing values): " + Object.entries(bs[i].missing).map(([k, v]) => `${k}: ${v.map(label).join(", ")}`).join("; "))
            : null
        )
      )
    )
  );
}

function extras(report) {
  const parts = [];
  if (report.conflicts && report.conflicts.length)
    parts.push(h("h3", {}, "Conflicting obligations"), h("ul", {}, report.conflicts.map((c) => h("li", {}, `${label(c.state)}: ${c.kind.replace(/_/g, " ")} — ${named(c.detail)}`))));
  if (report.neutrals && report.neutrals.length)
    parts.push(h("h3", {}, "Bound to stay out"), h("ul", {}, report.neutrals.map((n) => h("li", {}, `${label(n.state)} toward ${label(n.toward)} (${n.treaty}, ${n.article})`))));
  if (report.open_entries && report.open_entries.length)
    parts.push(h("h3", {}, "Entries that depend on an open fact"), h("ul", {}, report.open_entries.map((n) => h("li", {}, `${label(n.state)} for ${label(n.for)} (${n.treaty}, ${n.article}): ${(n.open || []).map(named).join("; ")}`))));
  if (report.monte_carlo) {
    const mc = report.monte_carlo;
    parts.push(
      h("h3", {}, `Monte Carlo: ${mc.runs} runs, honour ${mc.honour}, seed ${mc.seed}`),
      downloads("casus-montecarlo", { rows: () => mc.states, cols: ["state", "side1", "side2"], json: () => mc }),
      h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "state"), h("th", {}, "share of runs on side 1"), h("th", {}, "on side 2"))), h("tbody", {}, (mc.states || []).map((s) => h("tr", {}, h("td", {}, label(s.state)), h("td", {}, num(s.side1, 3)), h("td", {}, num(s.side2, 3))))))
    );
  }
  if (report.notes && report.notes.length) parts.push(h("h3", {}, "Notes"), h("ul", {}, report.notes.map((n) => h("li", {}, named(n)))));
  return parts.length ? h("section", { class: "extras" }, parts) : null;
}

function obligationsTable(report) {
  const obs = report.obligations || [];
  return h(
    "section",
    { class: "obligations", id: "obligations" },
    h("h2", {}, `Every obligation the events touch (${obs.length})`),
    downloads("casus-obligations", {
      rows: () => obs,
      cols: ["treaty", "treaty_title", "source", "article", "obligor", "beneficiary", "kind", "status", "reason", "open", "round", "date", "response", "qualifiers", "flags"],
      json: () => report,
    }),
    h(
      "details",
      {},
      h("summary", {}, "Show the table"),
      h(
        "div",
        { class: "scroll" },
        h(
          "table",
          {},
          h("thead", {}, h("tr", {}, ["treaty", "article", "obligor", "beneficiary", "kind", "status", "reason"].map((c) => h("th", {}, c)))),
          h(
            "tbody",
            {},
            obs.map((o) =>
              h(
                "tr",
                { class: "st-" + o.status },
                h("td", {}, h("a", { href: `#/treaty/${encodeURIComponent(o.treaty)}` }, o.treaty)),
                h("td", {}, o.article),
                h("td", {}, label(o.obligor)),
                h("td", {}, label(o.beneficiary)),
                h("td", {}, o.kind),
                h("td", {}, o.status),
                h("td", {}, named(o.reason))
              )
            )
          )
        )
      )
    )
  );
}
