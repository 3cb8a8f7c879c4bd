// What each state is in a scenario report: the map colour, the legend and
// the side panel all read this one classification, so they cannot
// disagree. A state takes the first category that fits, in ORDER.

export const CATEGORIES = [
  { id: "attacker", label: "attacker", help: "began the war (side 1, round 1)" },
  { id: "victim", label: "victim", help: "attacked in the scenario's own events (side 2, round 1)" },
  { id: "breached", label: "breached", help: "breaks an obligation by its own attack (an attacker that does is outlined in purple)" },
  { id: "fight", label: "bound to fight", help: "a binding defence or offence obligation: enters the war" },
  { id: "contingent", label: "contingent", help: "bound if an open fact holds (named in its obligations): to fight, or only to consult or stay out when nothing more binds it" },
  { id: "neutral", label: "bound to stay out", help: "a binding neutrality or non-aggression promise" },
  { id: "consult", label: "consult only", help: "bound only to consult, or a political commitment" },
  { id: "nottriggered", label: "not triggered", help: "has obligations in force; none is triggered (reason given)" },
  { id: "untouched", label: "untouched", help: "no obligation in force that the events touch" },
];

export const LABEL = Object.fromEntries(CATEGORIES.map((c) => [c.id, c.label]));

const FIGHT = new Set(["defense", "offense"]);

// classify returns Map abb -> {cat, side, member, owes[], owed[], breached}
// for every state the report names, as things stand after round upto of
// the cascade (default: the end): only side members that had entered by
// then and obligations produced by events of those rounds count.
export function classify(report, upto = Infinity) {
  const out = new Map();
  const get = (abb) => {
    if (!out.has(abb)) out.set(abb, { abb, cat: "untouched", side: 0, member: null, owes: [], owed: [] });
    return out.get(abb);
  };
  const sides = report.sides || [];
  sides.forEach((side, i) => {
    for (const m of side.members || []) {
      if (m.round > upto) continue;
      const s = get(m.state);
      s.side = i + 1;
      s.member = m;
    }
  });
  for (const o of report.obligations || []) {
    if (o.round > upto) continue;
    get(o.obligor).owes.push(o);
    get(o.beneficiary).owed.push(o);
  }
  for (const s of out.values()) {
    s.cat = category(s);
    s.breached = s.owes.some((o) => o.status === "breached");
  }
  return out;
}

function category(s) {
  if (s.member && s.member.round === 1) return s.side === 1 ? "attacker" : "victim";
  const st = (pred) => s.owes.some(pred);
  if (st((o) => o.status === "breached")) return "breached";
  if (st((o) => o.status === "binding" && FIGHT.has(o.kind)) || s.member) return "fight";
  if (st((o) => o.status === "contingent" && FIGHT.has(o.kind))) return "contingent";
  if (st((o) => o.status === "binding" && (o.kind === "neutrality" || o.kind === "nonaggression"))) return "neutral";
  if (st((o) => o.status === "binding" || o.status === "non_binding")) return "consult";
  if (st((o) => o.status === "contingent")) return "contingent";
  if (s.owes.length) return "nottriggered";
  return "untouched";
}

// paraphrase pulls the article's paraphrase out of the explain chain: the
// engine writes it as "<treaty> <article> (<kind>): <text>".
export function paraphrase(o) {
  const head = `${o.treaty} ${o.article} (${o.kind}): `;
  for (const line of o.explain || []) if (line.startsWith(head)) return line.slice(head.length);
  return "";
}
