// Saved scenarios: the analyst's work kept by casus serve --db. Anyone can
// list and reopen them; saving needs a bearer token (casus token create
// --db FILE). The token is kept in sessionStorage — this tab only, gone
// when it closes — and travels only in the Authorization header: never in
// the URL (which is shared and logged), never in localStorage.
import { api } from "./api.js";
import { h, clear } from "./util.js";

const KEY = "casus.token";

export const token = {
  get() {
    try {
      return sessionStorage.getItem(KEY) || "";
    } catch (e) {
      return ""; // storage disabled: the field still works for this page
    }
  },
  set(v) {
    try {
      if (v) sessionStorage.setItem(KEY, v);
      else sessionStorage.removeItem(KEY);
    } catch (e) {
      /* storage disabled: nothing kept, as promised */
    }
  },
};

// withTitle puts title into a scenario file: as a JSON member when the
// file is JSON, else as the YAML title line (replacing one that is there).
// A JSON string is a valid YAML scalar, so quoting is JSON's.
export function withTitle(text, title) {
  title = (title || "").trim();
  if (!title) return text;
  if (/^\s*\{/.test(text)) {
    try {
      const doc = JSON.parse(text);
      return JSON.stringify(Object.assign({ title }, doc, { title }), null, 2) + "\n";
    } catch (e) {
      return text; // not JSON after all: the server will say what is wrong
    }
  }
  const line = "title: " + JSON.stringify(title);
  return /^title\s*:.*$/m.test(text) ? text.replace(/^title\s*:.*$/m, line) : line + "\n" + text;
}

// saveError says why a save failed, leading with what it means for the
// user and keeping the server's own one-line message and hint.
export function saveError(e) {
  const lead = {
    0: "Not saved: the server did not answer.",
    400: "Not saved: the server found a problem in the scenario (400).",
    401: "Not saved: the server did not accept the token (401).",
    409: "Not saved: it already exists (409).",
    413: "Not saved: the scenario is larger than the server accepts (413).",
    503: "Not saved: this server keeps no saved work (503).",
  }[e.status] || `Not saved (${e.status || "error"}).`;
  return h(
    "div",
    { class: "error", role: "alert", id: "save-error", "data-status": String(e.status || 0) },
    h("strong", {}, lead),
    " ",
    h("span", { class: "server-message" }, e.message),
    e.hint ? h("div", { class: "hint" }, e.hint) : null
  );
}

// savePanel is the save form and the list of saved scenarios. scenario()
// returns the file to save (form fields or pasted text), or null when the
// builder form is incomplete (it then shows the browser's own messages).
export function savePanel({ scenario, open }) {
  const tok = h("input", {
    id: "token",
    name: "token",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    value: token.get(),
    "aria-describedby": "token-hint",
  });
  tok.addEventListener("input", () => token.set(tok.value.trim()));
  const title = h("input", { id: "save-title", name: "title", type: "text", autocomplete: "off", placeholder: "Korea, June 2025" });
  // Outcomes announce themselves: a success as a status, a failure as an
  // alert (saveError), so the container itself is no live region.
  const status = h("div", { id: "save-status" });
  const list = h("div", { id: "saved-list" });
  const forget = h("button", { type: "button", id: "forget-token" }, "Forget token");
  forget.addEventListener("click", () => {
    tok.value = "";
    token.set("");
    clear(status).append(h("p", { role: "status" }, "Token forgotten in this tab."));
    tok.focus();
  });
  const form = h(
    "form",
    { id: "save-form", class: "saveform", "aria-label": "save the scenario" },
    h(
      "div",
      { class: "fields" },
      h("div", { class: "field" }, h("label", { for: "token" }, "Token"), tok),
      h("div", { class: "field" }, h("label", { for: "save-title" }, "Title (optional)"), title),
      h(
        "span",
        { id: "token-hint", class: "hint small" },
        "Saves the form's scenario, or the pasted file when the paste box is open. Saving needs a token from whoever runs this server (casus token create --db FILE); it is kept in this tab only and sent only in the Authorization header."
      )
    ),
    h("div", { class: "buttons" }, h("button", { type: "submit", id: "save" }, "Save scenario"), forget),
    status
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = scenario();
    if (text === null) return;
    const t = tok.value.trim();
    token.set(t);
    if (!t) {
      clear(status).append(saveError({ status: 401, message: "a write needs a bearer token", hint: "paste the token into the Token field" }));
      tok.focus();
      return;
    }
    clear(status).append(h("p", { role: "status" }, "Saving…"));
    try {
      const rec = await api.saveScenario(withTitle(text, title.value), t);
      clear(status).append(
        h(
          "p",
          { class: "saved-ok", role: "status" },
          `Saved as scenario ${rec.id}${rec.title ? " “" + rec.title + "”" : ""}. `,
          h("a", { href: `#/scenario?sid=${rec.id}`, id: "saved-open" }, "Open it")
        )
      );
      refresh(list);
    } catch (err) {
      clear(status).append(saveError(err));
    }
  });
  refresh(list);
  return h(
    "details",
    { class: "savebox", id: "saved", open: open || token.get() ? true : null },
    h("summary", {}, "Save this scenario, or reopen a saved one"),
    form,
    h("h3", { id: "saved-heading" }, "Saved on this server"),
    list
  );
}

async function refresh(list) {
  let recs;
  try {
    recs = await api.savedScenarios();
  } catch (e) {
    // No --db: reading is impossible too; say so without alarm.
    clear(list).append(h("p", { class: "hint" }, e.message + (e.hint ? " (" + e.hint + ")" : "")));
    return;
  }
  clear(list);
  if (!recs || !recs.length) {
    list.append(h("p", { class: "hint" }, "No saved scenarios yet."));
    return;
  }
  // Newest first: the one just saved is at the top.
  const sorted = [...recs].sort((a, b) => b.id - a.id);
  list.append(
    h(
      "ul",
      { class: "savedlist", "aria-labelledby": "saved-heading" },
      sorted.map((r) =>
        h(
          "li",
          { "data-id": r.id },
          h("a", { href: `#/scenario?sid=${r.id}` }, `${r.id}. ${r.title || "untitled scenario"}`),
          h("span", { class: "meta" }, ` saved ${when(r.updated || r.created)}`)
        )
      )
    )
  );
}

function when(t) {
  // The server writes RFC 3339 in UTC; minutes are enough to tell saves apart.
  return t ? String(t).replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC") : "";
}
