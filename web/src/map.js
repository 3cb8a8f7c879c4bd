// The world map: Natural Earth 1:110m boundaries (world-atlas, embedded in
// the bundle), projected once with d3-geo; each country is a focusable SVG
// path coloured by the category of the COW state(s) that hold its ISO code.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { s } from "./util.js";
import { statesOfFeature, label } from "./states.js";
import { LABEL } from "./status.js";

const W = 960;
const H = 500;
const countries = feature(world, world.objects.countries).features;
const projection = geoNaturalEarth1().fitExtent(
  [
    [4, 4],
    [W - 4, H - 4],
  ],
  { type: "Sphere" }
);
const path = geoPath(projection);
const shapes = countries.map((f) => ({ id: f.id || "", name: f.properties.name, d: path(f) }));
const sphere = path({ type: "Sphere" });

// drawMap returns the SVG. catOf(abb) gives a state's category or "";
// onSelect(abb) is called when a country is clicked or activated by key.
// marker is an optional {lat, lon, name} for the place of the attack.
export function drawMap({ catOf, onSelect, marker, title }) {
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    class: "map",
    role: "group",
    "aria-label": title || "world map",
  });
  svg.append(s("path", { d: sphere, class: "sphere" }));
  for (const c of shapes) {
    const abbs = c.id ? statesOfFeature(c.id) : [];
    // Several COW states can share today's territory; the most involved
    // one colours it (attacker before victim before … untouched).
    let best = "";
    let cat = "";
    for (const a of abbs) {
      const k = catOf(a);
      if (k && (!cat || rank(k) < rank(cat))) {
        cat = k;
        best = a;
      }
    }
    if (!best && abbs.length) best = abbs[0];
    const name = best ? label(best) : c.name;
    const status = cat && cat !== "untouched" ? LABEL[cat] : "untouched";
    const p = s("path", {
      d: c.d,
      class: "country cat-" + (cat || "untouched") + (best ? "" : " nocow"),
      "data-iso": c.id,
      "data-state": best,
      "data-status": status,
      tabindex: best ? "0" : null,
      role: best ? "button" : null,
      "aria-label": `${name}: ${status}`,
    });
    p.append(s("title", {}, `${name}: ${status}`));
    if (best) {
      p.addEventListener("click", () => onSelect(best));
      p.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onSelect(best);
        }
      });
    }
    svg.append(p);
  }
  if (marker && typeof marker.lat === "number") {
    const xy = projection([marker.lon, marker.lat]);
    if (xy) {
      svg.append(
        s(
          "g",
          { class: "marker" },
          s("circle", { cx: xy[0], cy: xy[1], r: 6 }),
          s("text", { x: xy[0] + 9, y: xy[1] + 4 }, marker.name)
        )
      );
    }
  }
  return svg;
}

const ORDER = ["attacker", "victim", "breached", "fight", "contingent", "neutral", "consult", "nottriggered", "untouched"];
function rank(k) {
  const i = ORDER.indexOf(k);
  return i < 0 ? ORDER.length : i;
}
