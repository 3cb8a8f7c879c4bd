// The world map: Natural Earth 1:110m boundaries (world-atlas, embedded in
// the bundle), projected once with d3-geo; each country is a focusable SVG
// path coloured by the category of the COW state(s) that hold its ISO code.
import { geoArea, geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { s } from "./util.js";
import { statesOfFeature, label, featureId as featureIdOf } from "./states.js";
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
const shapes = countries.map((f) => ({ id: f.id || "", name: f.properties.name, d: path(f), bounds: path.bounds(mainland(f)) }));
const sphere = path({ type: "Sphere" });

// drawMap returns the SVG. catOf(abb) gives a state's category or "";
// breachedOf(abb) whether it breaks an obligation (outlined);
// onSelect(abb) is called when a country is clicked or activated by key.
// marker is an optional {lat, lon, name} for the place of the attack.
export function drawMap({ catOf, breachedOf, onSelect, marker, title, viewBox, cls, labels }) {
  const svg = s("svg", {
    viewBox: viewBox || `0 0 ${W} ${H}`,
    class: "map " + (cls || "world"),
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
    const breach = best && breachedOf && breachedOf(best) && cat !== "breached";
    const p = s("path", {
      d: c.d,
      class: "country cat-" + (cat || "untouched") + (best ? "" : " nocow") + (breach ? " is-breached" : ""),
      "data-breached": breach ? "true" : null,
      "data-iso": c.id,
      "data-state": best,
      "data-status": status,
      // Only the states the scenario involves are tab stops on the world
      // map (the panel lists them too); the rest stay clickable.
      tabindex: best ? (cat && cat !== "untouched" && cls !== "inset" ? "0" : "-1") : null,
      role: best ? "button" : null,
      "aria-label": `${name}: ${status}${breach ? ", breached" : ""}`,
    });
    p.append(s("title", {}, `${name}: ${status}${breach ? ", breached" : ""}`));
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
  const vw = Number((viewBox || `0 0 ${W} ${H}`).split(" ")[2]);
  if (labels) {
    // Abbreviations on the coloured countries, sized to the view.
    for (const c of shapes) {
      const p = svg.querySelector(`path[data-iso="${c.id}"]`);
      if (!c.id || !p || !p.dataset.state || p.dataset.status === "untouched") continue;
      const [x, y] = path.centroid(mainland(countries[shapes.indexOf(c)]));
      if (!Number.isFinite(x)) continue;
      // A label that would be cut by the frame is left out.
      const [bx, by, , bh] = (viewBox || `0 0 ${W} ${H}`).split(" ").map(Number);
      if (x < bx + vw * 0.04 || x > bx + vw * 0.96 || y < by + bh * 0.04 || y > by + bh * 0.96) continue;
      svg.append(s("text", { x, y, class: "flabel", "font-size": (vw / 60).toFixed(2), "text-anchor": "middle", "aria-hidden": "true" }, p.dataset.state));
    }
  }
  if (marker && typeof marker.lat === "number") {
    const xy = projection([marker.lon, marker.lat]);
    if (xy) {
      svg.append(
        s(
          "g",
          { class: "marker" },
          s("circle", { cx: xy[0], cy: xy[1], r: (vw / 160).toFixed(2) }),
          s("text", { x: xy[0] + vw / 100, y: xy[1] + vw / 240, "font-size": (vw / 70).toFixed(2) }, marker.name)
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

// theatreBox is a viewBox around the features of the given states (the
// first event's victim and attacker), at least ZOOM times closer than the
// world map and with its proportions, or "" when none is on the map.
// Russia, Canada and the like are left out unless nothing else remains:
// their bounds would be the whole world.
const ZOOM = 3.5;
export function theatreBox(abbs, marker) {
  const boxes = [];
  // The place of the attack (Guam) belongs in the frame.
  if (marker && typeof marker.lat === "number") {
    const xy = projection([marker.lon, marker.lat]);
    if (xy) boxes.push([xy, xy]);
  }
  for (const abb of abbs) {
    const id = featureIdOf(abb);
    const sh = id && shapes.find((x) => x.id === id);
    if (sh) boxes.push(sh.bounds);
  }
  const small = boxes.filter((b) => b[1][0] - b[0][0] < W / 4);
  const use = small.length ? small : boxes;
  if (!use.length) return "";
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of use) {
    x0 = Math.min(x0, b[0][0]);
    y0 = Math.min(y0, b[0][1]);
    x1 = Math.max(x1, b[1][0]);
    y1 = Math.max(y1, b[1][1]);
  }
  let w = Math.max((x1 - x0) * 2.5, W / ZOOM);
  let hgt = Math.max((y1 - y0) * 2.5, H / ZOOM);
  if (w / hgt > W / H) hgt = (w * H) / W;
  else w = (hgt * W) / H;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return `${(cx - w / 2).toFixed(1)} ${(cy - hgt / 2).toFixed(1)} ${w.toFixed(1)} ${hgt.toFixed(1)}`;
}

// mainland is a country's largest polygon, where its label goes (France's
// centroid with French Guiana would fall in Spain).
function mainland(f) {
  if (f.geometry.type !== "MultiPolygon") return f;
  let best = null;
  let area = -1;
  for (const coords of f.geometry.coordinates) {
    const g = { type: "Polygon", coordinates: coords };
    const a = geoArea(g);
    if (a > area) {
      area = a;
      best = g;
    }
  }
  return best;
}
