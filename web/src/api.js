// Every call the UI makes to casus serve, in one place. Responses are the
// engine's JSON as the CLI prints it with --format json; errors are
// {error, hint} and become an Error carrying both.

export class APIError extends Error {
  constructor(status, error, hint, problems) {
    super(error);
    this.status = status;
    this.hint = hint || "";
    // Every problem of a posted treaty file, one line each (400).
    this.problems = Array.isArray(problems) ? problems : [];
  }
}

async function call(path, opts = {}) {
  let res;
  try {
    res = await fetch(path, opts);
  } catch (e) {
    throw new APIError(0, "the casus server did not answer: " + e.message, "is casus serve still running?");
  }
  const text = await res.text();
  let body;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = null;
  }
  if (!res.ok) {
    const err = body && body.error ? body.error : `${res.status} ${res.statusText}`;
    throw new APIError(res.status, err, body && body.hint, body && body.problems);
  }
  if (body === null && text) throw new APIError(res.status, "the server answered something that is not JSON", path);
  return body;
}

const q = (params) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") s.set(k, v);
  const t = s.toString();
  return t ? "?" + t : "";
};

export const api = {
  places: () => call("/api/places"),
  states: (on) => call("/api/states" + q({ on })),
  state: (id, on) => call("/api/states/" + encodeURIComponent(id) + q({ on })),
  // casus state Q --years A-B: NMC components, CINC and share of the system by year.
  capabilities: (id, years) => call("/api/states/" + encodeURIComponent(id) + q({ years })),
  // saved: the analysts' saved treaties join the registry (?treaties=saved).
  scenario: (text, saved) =>
    call("/api/scenario" + q({ treaties: saved ? "saved" : "" }), { method: "POST", headers: { "Content-Type": "application/yaml" }, body: text }),
  treaties: (params) => call("/api/treaties" + q(params)),
  treaty: (id, saved) => call("/api/treaties/" + encodeURIComponent(id) + q({ treaties: saved ? "saved" : "" })),
  guarantees: (state, on) => call("/api/guarantees" + q({ state, on })),
  system: (year, blocs) => call("/api/system" + q({ year, blocs: blocs ? "true" : "" })),
  series: (years) => call("/api/system/series" + q({ years })),
  // Saved scenarios (casus serve --db). Reads are open; a save needs a
  // bearer token, sent only in the Authorization header.
  savedScenarios: () => call("/api/scenarios"),
  savedScenario: (id) => call("/api/scenarios/" + encodeURIComponent(id)),
  savedReport: (id, saved) => call("/api/scenarios/" + encodeURIComponent(id) + "/report" + q({ treaties: saved ? "saved" : "" })),
  // Saved treaty files: checked as casus treaty check does, saved under
  // their id (409 when one is saved already: replace it with PUT).
  savedTreaties: () => call("/api/treaties/saved"),
  checkTreaty: (text) => call("/api/treaties/validate", { method: "POST", headers: { "Content-Type": "application/yaml" }, body: text }),
  saveTreaty: (text, token, replace) =>
    call("/api/treaties/saved" + (replace ? "/" + encodeURIComponent(replace) : ""), {
      method: replace ? "PUT" : "POST",
      headers: { "Content-Type": "application/yaml", Authorization: "Bearer " + token },
      body: text,
    }),
  deleteTreaty: (id, token) => call("/api/treaties/saved/" + encodeURIComponent(id), { method: "DELETE", headers: { Authorization: "Bearer " + token } }),
  deleteScenario: (id, token) => call("/api/scenarios/" + encodeURIComponent(id), { method: "DELETE", headers: { Authorization: "Bearer " + token } }),
  saveScenario: (text, token) =>
    call("/api/scenarios", {
      method: "POST",
      headers: { "Content-Type": "application/yaml", Authorization: "Bearer " + token },
      body: text,
    }),
};
