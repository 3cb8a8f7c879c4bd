// The COW state table derived from the official data (states.json, written
// by web/internal/gencodes): names beside codes, and the crosswalk from a
// COW abbreviation to the ISO 3166 numeric id of a world-atlas feature.
import table from "./states.json";

const byAbb = new Map();
const byCode = new Map();
const byIsoN = new Map();
for (const r of table) {
  byAbb.set(r.a, r);
  byCode.set(String(r.c), r);
  if (r.n3) {
    const k = String(r.n3).padStart(3, "0");
    if (!byIsoN.has(k)) byIsoN.set(k, []);
    byIsoN.get(k).push(r.a);
  }
}

export const allStates = table;

// lookup takes a COW abbreviation or a COW code written as text (treaty
// files write "349" for Slovenia, whose SLV is El Salvador's ISO3).
function lookup(x) {
  return byAbb.get(x) || (/^\d+$/.test(x) ? byCode.get(x) : undefined);
}

// abbOf is the COW abbreviation of an abbreviation or a code.
export function abbOf(x) {
  const r = lookup(x);
  return r ? r.a : x;
}

// label is "RUS Russia": every code with its name beside it.
export function label(x) {
  const r = lookup(x);
  return r ? `${r.a} ${r.n}` : x;
}

export function stateName(abb) {
  const r = lookup(abb);
  return r ? r.n : abb;
}

// featureId is the world-atlas feature id ("643") of a COW state, or "".
export function featureId(abb) {
  const r = lookup(abb);
  return r && r.n3 ? String(r.n3).padStart(3, "0") : "";
}

// statesOfFeature lists the COW abbreviations whose ISO code is the feature's.
export function statesOfFeature(id) {
  return byIsoN.get(id) || [];
}
