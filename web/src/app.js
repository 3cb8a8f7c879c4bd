// casus web UI: a hash router over the pages. Every page state is in the
// URL, so any view can be shared and reloaded.
import { renderScenario } from "./scenario.js";
import { renderTreaty } from "./treaty.js";
import { renderState } from "./statepage.js";
import { renderNetwork } from "./network.js";
import { renderSystem } from "./system.js";

const main = document.getElementById("main");

function parse() {
  const raw = location.hash.replace(/^#/, "") || "/scenario";
  const [path, query] = raw.split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params };
}

function route() {
  const { parts, params } = parse();
  const page = parts[0] || "scenario";
  for (const a of document.querySelectorAll("nav a")) {
    if (a.dataset.page === page) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  document.body.dataset.page = page;
  switch (page) {
    case "treaty":
      return renderTreaty(main, parts[1] || "", params);
    case "state":
      return renderState(main, parts[1] || "", params);
    case "network":
      return renderNetwork(main, params);
    case "system":
      return renderSystem(main, params);
    default:
      return renderScenario(main, params);
  }
}

window.addEventListener("hashchange", () => {
  route();
  main.focus({ preventScroll: true });
});
route();

// The skip link must not change the hash: the hash is the router's.
document.querySelector(".skip").addEventListener("click", (e) => {
  e.preventDefault();
  main.focus();
});
