// The defence-pact network of a date: every treaty in force with a defence
// obligation links its members on that day; a force layout (d3-force, run
// to rest before drawing, so the picture is the same on every load) places
// the states, coloured by connected component.
import { forceSimulation, forceLink, forceManyBody, forceX, forceY, forceCollide } from "d3-force";
import { api } from "./api.js";
import { h, s, clear, downloads, errorBox } from "./util.js";
import { label } from "./states.js";

export async function renderNetwork(root, params) {
  const on = params.on || "1960-01-01";
  clear(root);
  const form = h(
    "form",
    { class: "inline-form", "aria-label": "date of the network" },
    h("label", { for: "net-on" }, "Defence pacts in force on "),
    h("input", { id: "net-on", type: "date", value: on, min: "1816-01-01" }),
    h("button", { type: "submit" }, "Draw")
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "#/network?on=" + form.querySelector("input").value;
  });
  const out = h("div", {}, h("p", { class: "loading" }, "Loading treaties…"));
  root.append(h("h2", {}, "The defence-pact network"), form, out);
  let list;
  try {
    list = await api.treaties({ in_force: on, kind: "defense" });
  } catch (e) {
    clear(out).append(errorBox(e));
    return;
  }
  clear(out).append(...draw(list, on));
}

function draw(list, on) {
  // A link per pair of states one defence obligation ties together: an
  // obligation that names obligors and protected parties (ATOP's
  // one-sided pledges) links each obligor to each party it protects, one
  // that names neither binds every member to every other.
  const edges = new Map();
  const link = (x, y, t) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const k = a + " " + b;
    if (!edges.has(k)) edges.set(k, { source: a, target: b, treaties: new Set(), ab: false, ba: false });
    const e = edges.get(k);
    e.treaties.add(t.id);
    if (x === a) e.ab = true;
    else e.ba = true;
  };
  for (const t of list) {
    const members = [...new Set(t.members || [])];
    const on_day = new Set(members);
    for (const o of t.obligations || []) {
      if (o.kind !== "defense") continue;
      const obligors = (o.obligors || members).filter((m) => on_day.has(m));
      const protects = (o.protects || members).filter((m) => on_day.has(m));
      for (const x of obligors) for (const y of protects) link(x, y, t);
    }
  }
  for (const e of edges.values()) e.treaties = [...e.treaties];
  const names = [...new Set([...edges.values()].flatMap((e) => [e.source, e.target]))].sort();
  const nodes = names.map((id) => ({ id, degree: 0 }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const e of edges.values()) {
    byId.get(e.source).degree++;
    byId.get(e.target).degree++;
  }
  // Components by union-find, numbered by size.
  const parent = new Map(names.map((n) => [n, n]));
  const find = (x) => (parent.get(x) === x ? x : (parent.set(x, find(parent.get(x))), parent.get(x)));
  for (const e of edges.values()) parent.set(find(e.source), find(e.target));
  const comps = new Map();
  for (const n of names) {
    const r = find(n);
    if (!comps.has(r)) comps.set(r, []);
    comps.get(r).push(n);
  }
  const ordered = [...comps.values()].sort((a, b) => b.length - a.length);
  ordered.forEach((c, i) => c.forEach((n) => (byId.get(n).comp = i)));

  const edgeRows = [...edges.values()].map((e) => ({ a: e.source, b: e.target, a_defends_b: e.ab, b_defends_a: e.ba, treaties: e.treaties.join(" ") }));
  const links = [...edges.values()].map((e) => ({ source: e.source, target: e.target, oneway: e.ab !== e.ba }));
  const W = 720;
  const H = 560;
  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).id((d) => d.id).distance(40).strength(0.2))
    .force("charge", forceManyBody().strength(-60))
    // Weak gravity keeps separate components on the page.
    .force("x", forceX(W / 2).strength(0.07))
    .force("y", forceY(H / 2).strength(0.1))
    .force("collide", forceCollide(9))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  // Fit the layout into the drawing, keeping its proportions.
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min((W - 60) / Math.max(1, maxX - minX), (H - 40) / Math.max(1, maxY - minY));
  for (const n of nodes) {
    n.x = 30 + (n.x - minX) * k;
    n.y = 20 + (n.y - minY) * k;
  }
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "group", "aria-label": `defence-pact network on ${on}: ${nodes.length} states, ${edges.size} links` });
  for (const l of links)
    svg.append(s("line", { x1: l.source.x, y1: l.source.y, x2: l.target.x, y2: l.target.y, class: l.oneway ? "edge oneway" : "edge" }));
  for (const n of nodes) {
    const x = n.x;
    const y = n.y;
    const a = s(
      "a",
      { href: `#/state/${n.id}?on=${on}`, class: "node comp-" + Math.min(n.comp, 7), "aria-label": `${label(n.id)}: ${n.degree} pact partners` },
      s("circle", { cx: x, cy: y, r: 3 + Math.sqrt(n.degree) }),
      s("text", { x: x + 5, y: y - 5 }, n.id),
      s("title", {}, `${label(n.id)}: ${n.degree} partners`)
    );
    svg.append(a);
  }
  return [
    h("p", {}, `${list.length} treaties with a defence obligation in force on ${on}; ${nodes.length} states, ${edges.size} linked pairs, ${ordered.length} ${ordered.length === 1 ? "component" : "components"}. A link joins two states one defence obligation ties on that day (dashed: one-sided, only one defends the other). Select a state for its page.`),
    downloads("casus-network-" + on, { rows: () => edgeRows, cols: ["a", "b", "a_defends_b", "b_defends_a", "treaties"], json: () => ({ date: on, nodes: nodes.map((n) => ({ state: n.id, degree: n.degree, component: n.comp })), edges: edgeRows }) }),
    h("figure", {}, svg),
    h("h3", {}, "Components"),
    h("ol", {}, ordered.map((c) => h("li", {}, c.map(label).join(", ")))),
  ];
}
