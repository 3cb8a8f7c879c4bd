// The treaty page: dates, members over time (a timeline and a table),
// articles with their paraphrase, conditions and source, the sources, and
// the provenance tags of the registry's notes explained.
import { api } from "./api.js";
import { h, s, clear, downloads, errorBox, today } from "./util.js";
import { label, abbOf } from "./states.js";
import { treatySavePanel } from "./saved.js";

// ATOP 5.1's last day: an import with no end is an assumption after it.
const ATOP_END = "2018-12-31";

const TAGS = {
  V: "checked against the source cited",
  D: "read off the ATOP data",
  M: "from general knowledge, not re-checked against a source",
  U: "uncertain: to be verified",
};

// params.treaties === "saved" loads the treaties saved on the server too
// (a saved treaty file opens this way).
export async function renderTreaty(root, id, params = {}) {
  if (!id) return renderTreatyIndex(root);
  clear(root).append(h("p", { class: "loading" }, "Loading treaty…"));
  let t;
  try {
    t = await api.treaty(id, params.treaties === "saved");
  } catch (e) {
    clear(root).append(errorBox(e));
    return;
  }
  clear(root);
  const members = t.members || [];
  root.append(
    h("h2", {}, t.title, t.short ? ` (${t.short})` : ""),
    h(
      "dl",
      { class: "facts" },
      fact("id", t.id),
      fact("source", t.source === "atop" ? "ATOP 5.1 import" : t.source === "registry" ? "casus registry (reviewed treaty file)" : t.source === "user" ? "a user's treaty file (saved on this server, or --treaties)" : t.source),
      fact("signed", t.signed),
      fact("in force", t.in_force),
      fact("ended", t.ended || (t.source === "atop" ? `no end in ATOP 5.1, whose data end ${ATOP_END}; casus assumes it is still in force after that day` : t.in_force || t.signed ? "in force (no end recorded)" : "")),
      fact("legally binding", t.legally_binding === false ? "no: a political commitment" : "yes"),
      fact("ATOP id", t.atop_id)
    ),
    h("section", {}, h("h3", {}, "Members over time"), timeline(t), downloads("casus-treaty-" + t.id + "-members", {
      rows: () => members.map((m) => ({ ...m, name: label(m.state).slice(4) })),
      cols: ["state", "name", "ccode", "signed", "joined", "exited", "note"],
      json: () => members,
    }), memberTable(members)),
    h(
      "section",
      {},
      h("h3", {}, "Articles"),
      downloads("casus-treaty-" + t.id + "-articles", {
        rows: () => (t.obligations || []).map((o) => ({ article: o.article, kind: o.kind, trigger: o.trigger, response: o.response && o.response.action, text: o.text, source: o.source })),
        cols: ["article", "kind", "trigger", "response", "text", "source"],
        json: () => t.obligations || [],
      }),
      (t.obligations || []).map(article)
    ),
    t.sources && t.sources.length
      ? h("section", {}, h("h3", {}, "Sources"), h("ul", {}, t.sources.map((x) => h("li", {}, h("a", { href: x.url, rel: "noopener" }, x.title || x.url)))))
      : null,
    t.notes ? h("section", {}, h("h3", {}, "Notes and provenance"), h("p", { class: "notes" }, tagged(t.notes)), tagLegend()) : null,
    h("details", {}, h("summary", {}, "The treaty as JSON"), h("pre", {}, JSON.stringify(t, null, 2)))
  );
}

function fact(k, v) {
  if (v === undefined || v === null || v === "") return null;
  return [h("dt", {}, k), h("dd", {}, String(v))];
}

function tagged(text) {
  const parts = [];
  let last = 0;
  const re = /\[([VDMU])(\s[^\]]*)?\]/g;
  let m;
  while ((m = re.exec(text))) {
    parts.push(text.slice(last, m.index));
    parts.push(h("abbr", { class: "tag", title: TAGS[m[1]] + (m[2] ? ":" + m[2] : ""), tabindex: "0" }, m[0]));
    last = re.lastIndex;
  }
  parts.push(text.slice(last));
  return parts;
}

function tagLegend() {
  return h("dl", { class: "taglegend" }, Object.entries(TAGS).map(([k, v]) => [h("dt", {}, `[${k}]`), h("dd", {}, v)]));
}

function memberTable(members) {
  return h(
    "div",
    { class: "scroll" },
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, ["state", "signed", "joined", "left", "note"].map((c) => h("th", {}, c)))),
      h(
        "tbody",
        {},
        members.map((m) =>
          h(
            "tr",
            {},
            h("td", {}, h("a", { href: `#/state/${abbOf(m.state)}` }, label(m.state))),
            h("td", { class: "date" }, m.signed || ""),
            h("td", { class: "date" }, m.joined || ""),
            h("td", { class: "date" }, m.exited || ""),
            h("td", { class: "note" }, [m.note || "", ...Object.entries(m).filter(([k]) => !["state", "ccode", "signed", "joined", "exited", "note"].includes(k)).map(([k, v]) => ` ${k}: ${JSON.stringify(v)}`)])
          )
        )
      )
    )
  );
}

function timeline(t) {
  const members = t.members || [];
  const start = (m) => m.joined || m.signed || t.in_force || t.signed;
  const end = (m) => m.exited || t.ended || today();
  const ys = (d) => Number(String(d).slice(0, 4)) + (Number(String(d).slice(5, 7)) - 1) / 12;
  const valid = members.filter((m) => start(m));
  if (!valid.length) return h("p", {}, "No member dates.");
  const x0 = Math.floor(Math.min(...valid.map((m) => ys(start(m)))));
  const x1 = Math.ceil(Math.max(...valid.map((m) => ys(end(m))))) + 1;
  const W = 720;
  const L = 200;
  const row = 16;
  const H = valid.length * row + 30;
  const x = (y) => L + ((y - x0) / Math.max(1, x1 - x0)) * (W - L - 10);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline", role: "img", "aria-label": `members of ${t.id} over time, ${x0} to ${x1}` });
  const step = Math.max(1, Math.ceil((x1 - x0) / 8));
  for (let y = x0; y <= x1; y += step) {
    svg.append(s("line", { x1: x(y), x2: x(y), y1: 0, y2: H - 20, class: "grid" }), s("text", { x: x(y), y: H - 6, "text-anchor": "middle" }, String(y)));
  }
  // After ATOP's last day an open-ended ATOP membership is assumed, and
  // drawn lighter.
  const assumedFrom = (m) => (t.source === "atop" && !m.exited && !t.ended ? ATOP_END : "");
  valid.forEach((m, i) => {
    const yy = i * row + 4;
    const a = assumedFrom(m);
    const solidEnd = a && a < end(m) ? a : end(m);
    svg.append(
      s("text", { x: L - 6, y: yy + 10, "text-anchor": "end" }, label(m.state)),
      s("rect", { x: x(ys(start(m))), y: yy, width: Math.max(2, x(ys(solidEnd)) - x(ys(start(m)))), height: row - 5, class: "bar" }, s("title", {}, `${label(m.state)}: ${start(m)} – ${m.exited || t.ended || (a ? a : "today")}`))
    );
    if (a && a < end(m)) {
      svg.append(s("rect", { x: x(ys(a)), y: yy, width: Math.max(1, x(ys(end(m))) - x(ys(a))), height: row - 5, class: "bar assumed" }, s("title", {}, `${label(m.state)}: assumed in force after ATOP's last day, ${a}`)));
    }
  });
  return svg;
}

function article(o) {
  const scope = o.scope && (o.scope.text || [...(o.scope.regions || []), ...(o.scope.territories || [])].join(", "));
  return h(
    "article",
    { class: "article" },
    h("h4", {}, o.article, " — ", o.kind),
    o.text ? h("p", { class: "paraphrase" }, o.text) : null,
    h(
      "dl",
      { class: "facts" },
      fact("trigger", o.trigger),
      fact("obligors", o.obligors && o.obligors.map(label).join(", ")),
      fact("protects", o.protects && o.protects.map(label).join(", ")),
      fact("attacker", typeof o.attacker === "string" ? o.attacker : o.attacker && Object.keys(o.attacker).length ? JSON.stringify(o.attacker) : ""),
      fact("scope", typeof o.scope === "string" ? o.scope : scope),
      fact("response", typeof o.response === "string" ? o.response : o.response && [o.response.action, o.response.text].filter(Boolean).join(": ")),
      fact("qualifiers", (o.qualifiers || (o.response && o.response.qualifiers) || []).join(", ")),
      fact("non-provocation", o.non_provocation ? "yes" : ""),
      fact("source", o.source)
    )
  );
}

// renderTreatyIndex lists the registry's treaties and opens any id (ATOP
// imports are atop-<atopid>).
async function renderTreatyIndex(root) {
  clear(root);
  const form = h(
    "form",
    { class: "inline-form", "aria-label": "open a treaty" },
    h("label", { for: "treaty-id" }, "Treaty id "),
    h("input", { id: "treaty-id", placeholder: "nato-1949 or atop-3180" }),
    h("button", { type: "submit" }, "Open")
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const v = form.querySelector("input").value.trim();
    if (v) location.hash = "#/treaty/" + encodeURIComponent(v);
  });
  const out = h("div", {}, h("p", { class: "loading" }, "Loading the registry…"));
  root.append(h("h2", {}, "Treaties"), form, treatySavePanel(), out);
  let list;
  try {
    list = await api.treaties({ source: "registry" });
  } catch (e) {
    clear(out).append(errorBox(e));
    return;
  }
  clear(out).append(
    h("p", {}, `${list.length} treaties in the casus registry; the ATOP 5.1 alliances open by id (atop-<atopid>).`),
    downloads("casus-treaties-registry", {
      rows: () => list.map((t) => ({ id: t.id, title: t.title, signed: t.signed, in_force: t.in_force, ended: t.ended, members: (t.members || []).join(" "), kinds: (t.kinds || []).join(" "), legally_binding: t.legally_binding })),
      cols: ["id", "title", "signed", "in_force", "ended", "members", "kinds", "legally_binding"],
      json: () => list,
    }),
    h(
      "div",
      { class: "scroll" },
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, ["treaty", "signed", "in force", "ended", "members", "kinds"].map((c) => h("th", {}, c)))),
        h(
          "tbody",
          {},
          list.map((t) =>
            h(
              "tr",
              {},
              h("td", {}, h("a", { href: "#/treaty/" + encodeURIComponent(t.id) }, t.title), t.legally_binding === false ? " (political)" : ""),
              h("td", { class: "date" }, t.signed || ""),
              h("td", { class: "date" }, t.in_force || ""),
              h("td", { class: "date" }, t.ended || ""),
              h("td", {}, (t.members || []).map(abbOf).join(" ")),
              h("td", {}, (t.kinds || []).join(", "))
            )
          )
        )
      )
    )
  );
}
