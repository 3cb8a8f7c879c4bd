// The power page: CON, the effective number of poles and the top power's
// CINC share over 1816 to the last NMC year, and the majors' shares of a
// chosen year. Years without majors data are gaps, not zeros.
import { api } from "./api.js";
import { h, clear, num, downloads, errorBox } from "./util.js";
import { label } from "./states.js";
import { lineChart } from "./statepage.js";

export async function renderSystem(root, params) {
  clear(root);
  const year = params.year || "1914";
  const out = h("div", {}, h("p", { class: "loading" }, "Loading the series…"));
  const yearBox = h("section", { id: "system-year" });
  const powers = h("section", { id: "system-powers" }, h("p", { class: "loading" }, "Loading the powers' shares…"));
  root.append(h("h2", {}, "Power over time"), out, powers, yearBox);
  topPowers().then(
    (parts) => clear(powers).append(...parts),
    (e) => clear(powers).append(errorBox(e))
  );
  api.series("1816-2022").then(
    (rows) => clear(out).append(...seriesChart(rows)),
    (e) => clear(out).append(errorBox(e))
  );
  const form = h(
    "form",
    { class: "inline-form", "aria-label": "year of the majors table" },
    h("label", { for: "sys-year" }, "Majors in "),
    h("input", { id: "sys-year", type: "number", min: "1816", max: "2022", value: year }),
    h("button", { type: "submit" }, "Show")
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "#/system?year=" + form.querySelector("input").value;
  });
  yearBox.append(form);
  const tbl = h("div", {});
  yearBox.append(tbl);
  try {
    const y = await api.system(year);
    tbl.append(...yearTable(y));
  } catch (e) {
    tbl.append(errorBox(e));
  }
}

function seriesChart(rows) {
  const pts = (k) => rows.map((r) => [r.year, r[k] === undefined ? null : r[k]]);
  const first = rows[0] || {};
  return [
    h("p", {}, `NMC ${first.nmc || "?"}, ${rows.length} years. CON is the concentration of capability among the majors (Singer, Bremer & Stuckey 1972); effective poles are 1/Σ share²; majors data end in 2016, so later years have no CON.`),
    downloads("casus-system-series", { rows: () => rows, cols: Object.keys(first), json: () => rows }),
    lineChart({
      series: [
        { name: "CON", cls: "l1", pts: pts("con") },
        { name: "top power's share of the majors' CINC", cls: "l2", pts: pts("top_share") },
        { name: "effective poles", cls: "l3", right: true, pts: pts("poles") },
      ],
      right: true,
      label: "CON, top power's share and effective poles by year",
    }),
  ];
}

function yearTable(y) {
  const majors = y.majors || [];
  return [
    h("p", {}, `${y.year}: ${y.states} states, CON ${num(y.con)}, effective poles ${num(y.poles)}, ${y.polarity || "polarity unknown"} (NMC ${y.nmc}).`),
    downloads("casus-system-" + y.year, { rows: () => majors, cols: ["stateabb", "ccode", "cinc", "share"], json: () => y }),
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, h("th", {}, "major"), h("th", {}, "CINC"), h("th", {}, "share of the majors"))),
      h(
        "tbody",
        {},
        majors.map((m) =>
          h(
            "tr",
            {},
            h("td", {}, h("a", { href: `#/state/${m.stateabb}` }, label(m.stateabb))),
            h("td", {}, num(m.cinc)),
            h("td", {}, h("span", { class: "sharebar", style: `width:${Math.round(100 * (m.share || 0))}px` }), " ", num(m.share, 3))
          )
        )
      )
    ),
  ];
}

// The powers that have been COW majors for the longest, whose shares of
// the system's capability the second chart follows.
const TOP = ["UKG", "FRN", "RUS", "GMY", "USA", "JPN", "CHN", "ITA", "AUH"];

async function topPowers() {
  const docs = await Promise.all(TOP.map((abb) => api.capabilities(abb, "1816-2022")));
  const rows = [];
  const series = docs.map((d, i) => {
    const pts = (d.years || []).map((r) => [r.year, r.share_of_system ?? null]);
    for (const [year, share] of pts) rows.push({ state: TOP[i], year, share_of_system: share });
    return { name: label(TOP[i]), cls: "p" + i, pts };
  });
  return [
    h("h3", {}, "Shares of the system's capability (CINC over the sum of all states' CINC)"),
    h("p", {}, `NMC ${docs[0].release || "?"}; a state's line breaks where it is not in the data (Germany has no row 1946–1989, when West and East Germany have codes of their own; Austria-Hungary ends in 1918).`),
    downloads("casus-system-powers", { rows: () => rows, cols: ["state", "year", "share_of_system"], json: () => docs }),
    lineChart({ series, label: "shares of the system's CINC of nine powers by year" }),
  ];
}
