// Small DOM, formatting and download helpers shared by the views.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

const SVGNS = "http://www.w3.org/2000/svg";
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// A number as people read it; missing (null, undefined, NaN) is shown as
// "missing", never as 0.
export function num(v, digits = 4) {
  if (v === null || v === undefined || Number.isNaN(v)) return "missing";
  if (typeof v !== "number") return String(v);
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  return v.toPrecision(digits);
}

function csvCell(v) {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return "";
  if (Array.isArray(v)) v = v.join("; ");
  else if (typeof v === "object") v = JSON.stringify(v);
  const t = String(v);
  return /[",\n\r]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
}

export function toCSV(rows, cols) {
  const lines = [cols.join(",")];
  for (const r of rows) lines.push(cols.map((c) => csvCell(r[c])).join(","));
  return lines.join("\n") + "\n";
}

export function download(name, mime, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// downloads renders the CSV and JSON buttons of one figure.
export function downloads(base, { rows, cols, json }) {
  return h(
    "div",
    { class: "downloads" },
    rows
      ? h("button", { type: "button", onclick: () => download(base + ".csv", "text/csv", toCSV(rows(), cols)) }, "CSV")
      : null,
    h(
      "button",
      { type: "button", onclick: () => download(base + ".json", "application/json", JSON.stringify(json(), null, 2) + "\n") },
      "JSON"
    )
  );
}

export function errorBox(err) {
  return h(
    "div",
    { class: "error", role: "alert" },
    h("strong", {}, "Error: "),
    err.message || String(err),
    err.hint ? h("div", { class: "hint" }, err.hint) : null
  );
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

// base64url of UTF-8 text, for scenario files in shareable URLs.
export function b64urlEncode(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function b64urlDecode(t) {
  const b = t.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b + "===".slice((b.length + 3) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}
