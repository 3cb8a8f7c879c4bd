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
export function saveError(e, what = "scenario", verb = "Not saved") {
  const lead = {
    0: `${verb}: the server did not answer.`,
    400: `${verb}: the server found a problem in the ${what} (400).`,
    401: `${verb}: the server did not accept the token (401).`,
    409: `${verb}: one is saved under this id already (409).`,
    413: `${verb}: the ${what} is larger than the server accepts (413).`,
    503: `${verb}: this server keeps no saved work (503).`,
  }[e.status] || `${verb} (${e.status || "error"}).`;
  // A treaty file's problems come one line each; the first is the message.
  const more = (e.problems || []).length > 1 ? e.problems : [];
  return h(
    "div",
    { class: "error", role: "alert", id: "save-error", "data-status": String(e.status || 0) },
    h("strong", {}, lead),
    " ",
    h("span", { class: "server-message" }, e.message),
    more.length ? h("ul", { class: "problems" }, more.map((p) => h("li", { class: "server-message" }, p))) : null,
    e.hint ? h("div", { class: "hint" }, e.hint) : null
  );
}

// tokenField is the token input and its "Forget token" button; both save
// forms use it, and both read the same sessionStorage entry.
function tokenField(status) {
  const input = h("input", {
    id: "token",
    name: "token",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    value: token.get(),
    "aria-describedby": "token-hint",
  });
  input.addEventListener("input", () => token.set(input.value.trim()));
  const forget = h("button", { type: "button", id: "forget-token" }, "Forget token");
  forget.addEventListener("click", () => {
    input.value = "";
    token.set("");
    clear(status).append(h("p", { role: "status" }, "Token forgotten in this tab."));
    input.focus();
  });
  return { field: h("div", { class: "field" }, h("label", { for: "token" }, "Token"), input), input, forget };
}

// needToken reads the field (keeping it for the tab) or says it is empty.
function needToken(tok, status) {
  const t = tok.input.value.trim();
  token.set(t);
  if (!t) {
    clear(status).append(saveError({ status: 401, message: "a write needs a bearer token", hint: "paste the token into the Token field" }));
    tok.input.focus();
  }
  return t;
}

// savePanel is the save form and the list of saved scenarios. scenario()
// returns the file to save (form fields or pasted text), or null when the
// builder form is incomplete (it then shows the browser's own messages).
export function savePanel({ scenario, open }) {
  const title = h("input", { id: "save-title", name: "title", type: "text", autocomplete: "off", placeholder: "Korea, June 2025" });
  // Outcomes announce themselves: a success as a status, a failure as an
  // alert (saveError), so the container itself is no live region.
  const status = h("div", { id: "save-status" });
  const list = h("div", { id: "saved-list" });
  const tok = tokenField(status);
  const form = h(
    "form",
    { id: "save-form", class: "saveform", "aria-label": "save the scenario" },
    h(
      "div",
      { class: "fields" },
      tok.field,
      h("div", { class: "field" }, h("label", { for: "save-title" }, "Title (optional)"), title),
      h(
        "span",
        { id: "token-hint", class: "hint small" },
        "Saves the form's scenario, or the pasted file when the paste box is open. Saving needs a token from whoever runs this server (casus token create --db FILE); it is kept in this tab only and sent only in the Authorization header."
      )
    ),
    h("div", { class: "buttons" }, h("button", { type: "submit", id: "save" }, "Save scenario"), tok.forget),
    status
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = scenario();
    if (text === null) return;
    const t = needToken(tok, status);
    if (!t) return;
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
      refresh(list, { tok, status });
    } catch (err) {
      clear(status).append(saveError(err));
    }
  });
  refresh(list, { tok, status });
  return h(
    "details",
    { class: "savebox", id: "saved", open: open || token.get() ? true : null },
    h("summary", {}, "Save this scenario, or reopen a saved one"),
    form,
    h("h3", { id: "saved-heading" }, "Saved on this server"),
    list
  );
}

async function refresh(list, ctx) {
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
          h("span", { class: "meta" }, ` saved ${when(r.updated || r.created)} `),
          deleteButton(`scenario ${r.id}`, (t) => api.deleteScenario(r.id, t), ctx, () => refresh(list, ctx))
        )
      )
    )
  );
}

// deleteButton deletes a saved item in two steps: "Delete", then "Delete
// NAME for good?" with "Yes, delete" and "Keep" (focused: the safe
// answer). The outcome goes to the form's status area, as a save's does.
function deleteButton(name, del, { tok, status }, after) {
  const box = h("span", { class: "delete" });
  const ask = () => {
    const keep = h("button", { type: "button", class: "small-button", onclick: () => reset().focus() }, "Keep");
    clear(box).append(
      h("span", {}, `Delete ${name} for good? `),
      h(
        "button",
        {
          type: "button",
          class: "small-button danger",
          onclick: async () => {
            const t = needToken(tok, status);
            if (!t) return;
            try {
              await del(t);
              clear(status).append(h("p", { class: "saved-ok", role: "status" }, `Deleted ${name}.`));
              after();
            } catch (e) {
              clear(status).append(saveError(e, "request", "Not deleted"));
              reset();
            }
          },
        },
        "Yes, delete"
      ),
      " ",
      keep
    );
    keep.focus();
  };
  const reset = () => {
    const b = h("button", { type: "button", class: "small-button", "aria-label": `Delete ${name}`, onclick: ask }, "Delete");
    clear(box).append(b);
    return b;
  };
  reset();
  return box;
}

function when(t) {
  // The server writes RFC 3339 in UTC; minutes are enough to tell saves apart.
  return t ? String(t).replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC") : "";
}

// treatySavePanel is the treaty index page's form for the analyst's own
// treaty files: paste one, check it (as casus treaty check would; no
// token), save it under its id (409 when one is saved already, then
// "Replace"), and the list of saved files, each opening on its treaty page
// with the saved treaties loaded. A scenario includes them with "include
// the treaties saved on this server".
export function treatySavePanel() {
  const status = h("div", { id: "save-status" });
  const list = h("div", { id: "saved-list" });
  const tok = tokenField(status);
  const text = h("textarea", { id: "treaty-text", name: "treaty", rows: "12", spellcheck: "false", "aria-describedby": "treaty-hint" });
  const check = h("button", { type: "button", id: "check-treaty" }, "Check");
  const form = h(
    "form",
    { id: "treaty-save-form", class: "saveform", "aria-label": "save a treaty file" },
    h("div", { class: "field" }, h("label", { for: "treaty-text" }, "Treaty file (YAML, the registry's format)"), text),
    h(
      "p",
      { id: "treaty-hint", class: "hint small" },
      "The format of the registry's files (treaty/registry/*.yaml and its README). It is checked against the states, places and every other treaty as casus treaty check does."
    ),
    h("div", { class: "fields" }, tok.field, h("span", { id: "token-hint", class: "hint small" }, "Saving needs a token from whoever runs this server (casus token create --db FILE); it is kept in this tab only and sent only in the Authorization header.")),
    h("div", { class: "buttons" }, check, h("button", { type: "submit", id: "save" }, "Save treaty"), tok.forget),
    status
  );
  check.addEventListener("click", async () => {
    if (!text.value.trim()) return text.focus();
    clear(status).append(h("p", { role: "status" }, "Checking…"));
    try {
      const t = await api.checkTreaty(text.value);
      clear(status).append(
        h("p", { class: "saved-ok", role: "status" }, `Valid: ${t.id} “${t.title}”, ${(t.members || []).length} members, ${(t.obligations || []).length} articles. Nothing is saved yet.`)
      );
    } catch (e) {
      clear(status).append(saveError(e, "treaty file", "Not valid"));
    }
  });
  const save = async (replace) => {
    const t = needToken(tok, status);
    if (!t) return;
    clear(status).append(h("p", { role: "status" }, "Saving…"));
    try {
      const rec = await api.saveTreaty(text.value, t, replace);
      clear(status).append(
        h(
          "p",
          { class: "saved-ok", role: "status" },
          `${replace ? "Replaced" : "Saved"} treaty ${rec.id}. `,
          h("a", { href: `#/treaty/${encodeURIComponent(rec.id)}?treaties=saved`, id: "saved-open" }, "Open it"),
          " · ",
          h("a", { href: "#/scenario?ts=1" }, "a scenario with the saved treaties")
        )
      );
      refreshTreaties(list, text, { tok, status });
    } catch (e) {
      const box = saveError(e, "treaty file");
      // The id is taken: offer to replace the saved file of that id.
      const id = e.status === 409 && /"([^"]+)"/.exec(e.message);
      if (id) box.append(h("button", { type: "button", id: "replace-treaty", onclick: () => save(id[1]) }, `Replace the saved ${id[1]}`));
      clear(status).append(box);
    }
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!text.value.trim()) return text.focus();
    save("");
  });
  refreshTreaties(list, text, { tok, status });
  return h(
    "details",
    { class: "savebox", id: "saved", open: token.get() ? true : null },
    h("summary", {}, "Your own treaty files: check, save, reopen"),
    form,
    h("h3", { id: "saved-heading" }, "Treaty files saved on this server"),
    list
  );
}

// refreshTreaties lists the saved files; "Edit" puts one into the form
// (to change and replace it).
async function refreshTreaties(list, text, ctx) {
  let recs;
  try {
    recs = await api.savedTreaties();
  } catch (e) {
    clear(list).append(h("p", { class: "hint" }, e.message + (e.hint ? " (" + e.hint + ")" : "")));
    return;
  }
  clear(list);
  if (!recs || !recs.length) {
    list.append(h("p", { class: "hint" }, "No saved treaty files yet."));
    return;
  }
  list.append(
    h(
      "ul",
      { class: "savedlist", "aria-labelledby": "saved-heading" },
      recs.map((r) =>
        h(
          "li",
          { "data-id": r.id },
          h("a", { href: `#/treaty/${encodeURIComponent(r.id)}?treaties=saved` }, r.id),
          h("span", { class: "meta" }, ` ${titleOf(r.yaml)}saved ${when(r.updated || r.created)} `),
          h(
            "button",
            {
              type: "button",
              class: "small-button",
              "aria-label": `Edit ${r.id}: put the saved file into the form`,
              onclick: () => {
                text.value = r.yaml;
                text.focus();
              },
            },
            "Edit"
          ),
          " ",
          deleteButton(r.id, (t) => api.deleteTreaty(r.id, t), ctx, () => refreshTreaties(list, text, ctx))
        )
      )
    )
  );
}

// titleOf reads the title line of a saved treaty file for the list (the
// record carries only the id and the file).
function titleOf(yaml) {
  const m = /^title:\s*(.+)$/m.exec(yaml || "");
  return m ? `“${m[1].trim().replace(/^["']|["']$/g, "")}”, ` : "";
}
