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

// statusAt is an obligation's status as things stand after round k, or
// null when it had not been judged yet (its events come later).
//
// The report gives each obligation its best status over the cascade, with
// the round that first produced it, and status_by_round (obligation/doc.go,
// since 11d54d1) when a later round raised it: one step per round that
// changed it, the first the round it was first judged in. The status as of
// round k is the last step with round <= k; without steps the status never
// changed, so it holds from its round on.
export function statusAt(o, k) {
  const steps = Array.isArray(o.status_by_round) && o.status_by_round.length ? o.status_by_round : null;
  if (!steps) return o.round <= k ? o : null;
  let step = null;
  for (const st of steps) if (st.round <= k) step = st;
  if (!step) return null;
  if (step.status === o.status && step.round === o.round) return o;
  // An earlier step: its status, reason, round and date; the event line
  // of the report belongs to the final status, so it is left out.
  return { ...o, status: step.status, reason: step.reason, round: step.round, date: step.date, event: "", later: { status: o.status, round: o.round } };
}

// classify returns Map abb -> {cat, side, member, owes[], owed[], later[],
// enters, breached} for every state the report names, as things stand after round
// upto of the cascade (default: the end): the side members that had
// entered by then (sides[].members[].round: the round the state joined,
// the rounds[].entered of that round) and the obligations with a status
// by then (statusAt). enters is {side, member} for a state that joins a
// side after upto; later[] holds a state's obligations first judged in a
// later round.
export function classify(report, upto = Infinity) {
  const out = new Map();
  const get = (abb) => {
    if (!out.has(abb)) out.set(abb, { abb, cat: "untouched", side: 0, member: null, owes: [], owed: [], later: [] });
    return out.get(abb);
  };
  const sides = report.sides || [];
  sides.forEach((side, i) => {
    for (const m of side.members || []) {
      if (m.round > upto) {
        get(m.state).enters = { side: i + 1, member: m };
        continue;
      }
      const s = get(m.state);
      s.side = i + 1;
      s.member = m;
    }
  });
  for (const o of report.obligations || []) {
    const now = statusAt(o, upto);
    if (!now) {
      get(o.obligor).later.push(o);
      continue;
    }
    get(o.obligor).owes.push(now);
    get(o.beneficiary).owed.push(now);
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
