// The state page: codes and membership, who must defend it and whom it
// must defend on a date (guarantees both ways), and its capabilities over
// time.
import { api } from "./api.js";
import { h, s, clear, num, downloads, errorBox, today } from "./util.js";
import { label, allStates } from "./states.js";
import { named } from "./scenario.js";

export async function renderState(root, id, params) {
  const on = params.on || today();
  clear(root);
  if (!id) return stateIndex(root, on);
  const form = h(
    "form",
    { class: "inline-form", "aria-label": "date of the state page" },
    h("label", { for: "state-on" }, "On "),
    h("input", { id: "state-on", type: "date", value: on, min: "1816-01-01" }),
    h("button", { type: "submit" }, "Show")
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/state/${encodeURIComponent(id)}?on=${form.querySelector("input").value}`;
  });
  const head = h("div", {}, h("p", { class: "loading" }, "Loading…"));
  const guar = h("section", { id: "guarantees" });
  const caps = h("section", { id: "capabilities" });
  root.append(h("h2", {}, label(id)), form, head, guar, caps);
  api.state(id, on).then((st) => clear(head).append(stateFacts(st)), (e) => clear(head).append(errorBox(e)));
  api.guarantees(id, on).then((g) => guar.append(...guarantees(g).filter(Boolean)), (e) => guar.append(h("h3", {}, "Guarantees"), errorBox(e)));
  api.capabilities(id, "1816-2022").then((c) => caps.append(...capChart(id, c)), (e) => caps.append(h("h3", {}, "Capabilities over time"), errorBox(e)));
}

function stateFacts(st) {
  const c = st.capabilities || {};
  return h(
    "dl",
    { class: "facts" },
    h("dt", {}, "COW"),
    h("dd", {}, `${st.ccode} ${st.stateabb}`),
    h("dt", {}, "ISO3"),
    h("dd", {}, st.iso3 || "none"),
    h("dt", {}, "in the system"),
    h("dd", {}, (st.spells || []).map((x) => `${x.start} – ${x.end}`).join(", ") + (st.open_ended ? " (open-ended)" : "")),
    h("dt", {}, `on ${st.on}`),
    h("dd", {}, `${st.member ? "a member" : "not a member"}; major power: ${st.major_power}`),
    st.capabilities ? [h("dt", {}, `CINC (NMC ${c.release}, ${c.year})`), h("dd", {}, num(c.cinc))] : null,
    (st.notes || []).length ? [h("dt", {}, "notes"), h("dd", {}, st.notes.join("; "))] : null
  );
}

function guarantees(g) {
  const cols = ["treaty", "article", "obligor", "beneficiary", "kind", "status", "reason"];
  const table = (list, who) =>
    list.length
      ? h(
          "div",
          { class: "scroll" },
          h(
            "table",
            {},
            h("thead", {}, h("tr", {}, h("th", {}, who), h("th", {}, "treaty, article"), h("th", {}, "kind"), h("th", {}, "status"), h("th", {}, "reason"))),
            h(
              "tbody",
              {},
              list.map((o) =>
                h(
                  "tr",
                  { class: "st-" + o.status },
                  h("td", {}, h("a", { href: `#/state/${who === "defender" ? o.obligor : o.beneficiary}` }, label(who === "defender" ? o.obligor : o.beneficiary))),
                  h("td", {}, h("a", { href: `#/treaty/${encodeURIComponent(o.treaty)}` }, o.treaty_title || o.treaty), ", " + o.article),
                  h("td", {}, o.kind),
                  h("td", {}, o.status),
                  h("td", {}, named(o.reason))
                )
              )
            )
          )
        )
      : h("p", {}, "None.");
  return [
    h("h3", {}, `Guarantees on ${g.date}`),
    (g.summary || []).length ? h("ul", {}, g.summary.map((x) => h("li", {}, named(typeof x === "string" ? x : JSON.stringify(x))))) : null,
    downloads("casus-guarantees-" + g.state + "-" + g.date, {
      rows: () => [...g.defenders.map((o) => ({ direction: "defends it", ...o })), ...g.defends.map((o) => ({ direction: "it defends", ...o }))],
      cols: ["direction", ...cols],
      json: () => g,
    }),
    h("h4", {}, `Who must defend ${label(g.state)} (${g.defenders.length})`),
    table(g.defenders, "defender"),
    h("h4", {}, `Whom ${label(g.state)} must defend (${g.defends.length})`),
    table(g.defends, "protected"),
  ];
}

// capChart draws CINC and the share of the system over the years (casus
// state --years), with a gap where a year is missing.
function capChart(id, doc) {
  const list = (doc.years || []).map((r) => ({ year: r.year, in_release: r.in_release, cinc: r.cinc ?? null, share_of_system: r.share_of_system ?? null, ...(r.components || {}) }));
  const out = [h("h3", {}, `Capabilities over time (NMC ${doc.release || "?"})`)];
  out.push(
    downloads("casus-capabilities-" + id, {
      rows: () => list,
      cols: ["year", "in_release", "cinc", "share_of_system", "milex", "milper", "irst", "pec", "tpop", "upop"],
      json: () => doc,
    })
  );
  if (!list.some((r) => r.cinc !== null)) return [...out, h("p", {}, "No capability data.")];
  out.push(
    lineChart({
      series: [
        { name: "CINC", cls: "l1", pts: list.map((r) => [r.year, r.cinc]) },
        { name: "share of the system's CINC", cls: "l2", pts: list.map((r) => [r.year, r.share_of_system]) },
      ],
      label: `CINC of ${label(id)} by year`,
    })
  );
  if (doc.notes && doc.notes.length) out.push(h("p", { class: "hint" }, doc.notes.join(" ")));
  return out;
}

// lineChart draws year-indexed series on one axis; a null value breaks the
// line (missing is not zero).
export function lineChart({ series, label: aria, right, height = 260 }) {
  const W = 720;
  const H = height;
  const L = 50;
  const R = right ? 50 : 12;
  const all = series.flatMap((x) => x.pts).filter((p) => p[1] !== null && p[1] !== undefined);
  const xs = all.map((p) => p[0]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  // Axis tops at 4 round steps (0.1, 0.25, 2, 5 …) above the largest value.
  const nice = (x) => {
    const p = Math.pow(10, Math.floor(Math.log10(x)));
    const m = x / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
  };
  const ymax = (list) => {
    const m = Math.max(...list.flatMap((x) => x.pts).filter((p) => p[1] != null).map((p) => p[1]), 0);
    return m > 0 ? 4 * nice(m / 4) : 1;
  };
  const left = series.filter((x) => !x.right);
  const rightS = series.filter((x) => x.right);
  const yl = ymax(left);
  const yr = rightS.length ? ymax(rightS) : 1;
  const x = (v) => L + ((v - x0) / Math.max(1, x1 - x0)) * (W - L - R);
  const y = (v, r) => H - 24 - (v / (r ? yr : yl)) * (H - 34);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": aria });
  for (let i = 0; i <= 4; i++) {
    const v = (yl * i) / 4;
    svg.append(s("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "grid" }), s("text", { x: L - 4, y: y(v) + 4, "text-anchor": "end" }, String(Number(v.toPrecision(3)))));
    if (rightS.length) svg.append(s("text", { x: W - R + 4, y: y((yr * i) / 4, true) + 4 }, String(Number(((yr * i) / 4).toPrecision(3)))));
  }
  const step = Math.max(1, Math.round((x1 - x0) / 8 / 10) * 10 || 1);
  for (let v = Math.ceil(x0 / step) * step; v <= x1; v += step) svg.append(s("text", { x: x(v), y: H - 6, "text-anchor": "middle" }, String(v)));
  for (const ser of series) {
    let d = "";
    let pen = false;
    for (const [a, b] of ser.pts) {
      if (b === null || b === undefined || Number.isNaN(b)) {
        pen = false;
        continue;
      }
      d += (pen ? "L" : "M") + x(a).toFixed(1) + "," + y(b, ser.right).toFixed(1);
      pen = true;
    }
    svg.append(s("path", { d, class: "line " + ser.cls }, s("title", {}, ser.name)));
  }
  const legend = h("ul", { class: "legend" }, series.map((x) => h("li", {}, h("span", { class: "swatch line-" + x.cls, "aria-hidden": "true" }), x.name + (x.right ? " (right axis)" : ""))));
  return h("figure", {}, svg, h("figcaption", {}, legend));
}

function stateIndex(root, on) {
  const form = h(
    "form",
    { class: "inline-form", "aria-label": "open a state" },
    h("label", { for: "state-q" }, "State "),
    h("input", { id: "state-q", list: "state-index", placeholder: "RUS, 365, Russia" }),
    h("datalist", { id: "state-index" }, allStates.map((r) => h("option", { value: r.a }, `${r.a} ${r.n}`))),
    h("button", { type: "submit" }, "Open")
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const v = form.querySelector("input").value.trim();
    if (v) location.hash = `#/state/${encodeURIComponent(v)}?on=${on}`;
  });
  root.append(h("h2", {}, "States"), form, h("p", {}, "A COW code, abbreviation, ISO3 code or name: the page shows who must defend the state, whom it must defend, and its capabilities over time."));
}
