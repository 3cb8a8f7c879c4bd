package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
	"github.com/casus-dev/casus/treaty"
	"github.com/casus-dev/casus/world"
)

var (
	worldOnce sync.Once
	testWorld *world.World
	worldErr  error
)

// realWorld is the world `casus serve` builds on the official data, loaded
// once for the package's tests.
func realWorld(t testing.TB) *world.World {
	t.Helper()
	dir := sourcetest.Data() // $CASUS_DATA's directory, else the embedded snapshot
	worldOnce.Do(func() {
		ctx := context.Background()
		w, err := source.Load(ctx, dir, source.LoadOptions{})
		if err == nil {
			err = treaty.Attach(ctx, w, dir, nil)
		}
		if err == nil {
			w.Freeze()
		}
		testWorld, worldErr = w, err
	})
	if worldErr != nil {
		t.Fatal(worldErr)
	}
	return testWorld
}

// start runs a server on a loopback listener for the test's duration.
func start(t testing.TB, opt Options) (*Server, string) {
	t.Helper()
	if opt.World == nil {
		opt.World = realWorld(t)
	}
	s := New(opt)
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	return s, hs.URL
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

func (a answer) json(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(a.body, v); err != nil {
		t.Fatalf("answer is not JSON (%v): %s", err, a.body)
	}
}

// apiErr decodes an error answer and checks its status.
func (a answer) apiErr(t testing.TB, status int) apiError {
	t.Helper()
	if a.status != status {
		t.Fatalf("status %d, want %d: %s", a.status, status, a.body)
	}
	var e apiError
	a.json(t, &e)
	if e.Msg == "" {
		t.Fatalf("error answer without a message: %s", a.body)
	}
	return e
}

func do(t testing.TB, method, url string, body io.Reader, header ...string) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{resp.StatusCode, resp.Header, b}
}

func get(t testing.TB, url string) answer { return do(t, "GET", url, nil) }

func post(t testing.TB, url, body string, header ...string) answer {
	return do(t, "POST", url, strings.NewReader(body), header...)
}

const korea2025 = `# S1a: the Republic of Korea launches an armed attack on North Korean territory.
date: 2025-06-01
events:
  - armed_attack: {by: [ROK], on: PRK, at: PRK}
assume:
  entry_counts_as_attack: false
  honour: all
`

func TestScenarioKorea2025(t *testing.T) {
	_, url := start(t, Options{})
	a := post(t, url+"/api/scenario?name=korea-2025.yaml", korea2025)
	if a.status != 200 || a.header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d %s: %s", a.status, a.header.Get("Content-Type"), a.body)
	}
	var rep struct {
		Obligations []struct {
			Treaty, Obligor, Beneficiary, Status string
		} `json:"obligations"`
	}
	a.json(t, &rep)
	// The 2024 Russia–DPRK treaty, Art. 4: Russia must assist the DPRK
	// at once when it is attacked.
	found := false
	for _, o := range rep.Obligations {
		if o.Treaty == "rus-prk-2024" && o.Obligor == "RUS" && o.Beneficiary == "PRK" && o.Status == "binding" {
			found = true
		}
	}
	if !found {
		t.Errorf("Russia not bound to defend the DPRK: %+v", rep.Obligations)
	}
	// The JSON answer names no file, so ?name changes nothing in it.
	b := post(t, url+"/api/scenario", korea2025)
	if b.status != 200 || !bytes.Equal(a.body, b.body) {
		t.Errorf("unnamed scenario: status %d, body differs from the named one: %.200s", b.status, b.body)
	}
}

func TestScenarioJSONBody(t *testing.T) {
	_, url := start(t, Options{})
	yamlA := post(t, url+"/api/scenario", korea2025)
	jsonA := post(t, url+"/api/scenario", `{"date": "2025-06-01", "events": [{"armed_attack": {"by": ["ROK"], "on": "PRK", "at": "PRK"}}],
		"assume": {"entry_counts_as_attack": false, "honour": "all"}}`, "Content-Type", "application/json")
	if yamlA.status != 200 || !bytes.Equal(yamlA.body, jsonA.body) {
		t.Errorf("the JSON form of the scenario answers differently (status %d):\n%.400s", jsonA.status, jsonA.body)
	}
}

func TestScenarioMalformed400(t *testing.T) {
	_, url := start(t, Options{})
	for _, tc := range []struct{ name, body, want string }{
		{"", "date: 2025-06-01\nevents:\n  - armed_attack: {by: [ROK], on: Atlantis}\n", "scenario:3:"},
		{"k.yaml", "date: 2025-02-30\nevents: []\n", "k.yaml:1:"},
		{"", "date: [\n", "scenario:"},
	} {
		a := post(t, url+"/api/scenario?name="+tc.name, tc.body)
		e := a.apiErr(t, http.StatusBadRequest)
		if !strings.HasPrefix(e.Msg, tc.want) {
			t.Errorf("%q: error %q, want it to start with %q", tc.body, e.Msg, tc.want)
		}
	}
}

func TestOversizedBody413(t *testing.T) {
	_, url := start(t, Options{MaxBody: 4096})
	big := korea2025 + "# " + strings.Repeat("x", 5000) + "\n"
	post(t, url+"/api/scenario", big).apiErr(t, http.StatusRequestEntityTooLarge)
	// A chunked body declares no length: the limit bites while reading.
	chunked := do(t, "POST", url+"/api/scenario", io.MultiReader(strings.NewReader(big)))
	chunked.apiErr(t, http.StatusRequestEntityTooLarge)
	// Under the limit the same scenario is fine.
	if a := post(t, url+"/api/scenario", korea2025); a.status != 200 {
		t.Errorf("small body: status %d", a.status)
	}
}

func TestPanicIs500AndServerGoesOn(t *testing.T) {
	var logs bytes.Buffer
	s, url := start(t, Options{Logger: newTestLogger(&logs)})
	s.mux.HandleFunc("GET /api/test-panic", func(http.ResponseWriter, *http.Request) {
		var m map[string]int
		m["boom"]++ // a nil-map write: a real runtime panic
	})
	for range 3 {
		get(t, url+"/api/test-panic").apiErr(t, http.StatusInternalServerError)
	}
	if a := get(t, url+"/healthz"); a.status != 200 {
		t.Fatalf("after the panics /healthz answers %d", a.status)
	}
	if !strings.Contains(logs.String(), "assignment to entry in nil map") {
		t.Errorf("the panic was not logged:\n%s", logs.String())
	}
}

func TestUnknownIDs404(t *testing.T) {
	_, url := start(t, Options{})
	get(t, url+"/api/states/Atlantis").apiErr(t, http.StatusNotFound)
	get(t, url+"/api/guarantees?state=999").apiErr(t, http.StatusNotFound)
	get(t, url+"/api/no-such-thing").apiErr(t, http.StatusNotFound)
	e := get(t, url+"/api/states/Korea").apiErr(t, http.StatusBadRequest)
	if !strings.Contains(e.Msg, "PRK North Korea (731)") {
		t.Errorf("ambiguous name: %q", e.Msg)
	}
	get(t, url+"/api/guarantees?state=PRK&on=2025-02-30").apiErr(t, http.StatusBadRequest)
}

func TestGuaranteesPRK2025(t *testing.T) {
	_, url := start(t, Options{})
	a := get(t, url+"/api/guarantees?state=North+Korea&on=2025-01-01")
	var g struct {
		State     string `json:"state"`
		Defenders []struct {
			Obligor, Status, Treaty string
		} `json:"defenders"`
	}
	a.json(t, &g)
	// China (1961 treaty, Art. II) and Russia (2024 treaty, Art. 4) are
	// bound to defend the DPRK in 2025.
	bound := map[string]string{}
	for _, d := range g.Defenders {
		if d.Status == "binding" {
			bound[d.Obligor] = d.Treaty
		}
	}
	if g.State != "PRK" || bound["CHN"] != "chn-prk-1961" || bound["RUS"] != "rus-prk-2024" {
		t.Errorf("state %q, bound %v", g.State, bound)
	}
	// Before the Russia–DPRK treaty entered into force (2024-12-04),
	// Russia owed nothing.
	a = get(t, url+"/api/guarantees?state=PRK&on=2024-06-01")
	a.json(t, &g)
	for _, d := range g.Defenders {
		if d.Obligor == "RUS" && d.Status == "binding" {
			t.Errorf("RUS binding before the 2024 treaty: %+v", d)
		}
	}
}

func TestStates(t *testing.T) {
	_, url := start(t, Options{})
	var st struct {
		Code  int    `json:"ccode"`
		Major string `json:"major_power"`
	}
	get(t, url+"/api/states/DPRK?on=2016-06-01").json(t, &st)
	if st.Code != 731 || st.Major != "no" {
		t.Errorf("DPRK: %+v", st)
	}
	var list struct {
		States []struct {
			Abb   string `json:"stateabb"`
			Major string `json:"major_power"`
		} `json:"states"`
	}
	// 1914-07-28: COW's majors are the UK, France, Germany, Austria-Hungary,
	// Italy, Russia, the USA and Japan.
	get(t, url+"/api/states?on=1914-07-28").json(t, &list)
	var majors []string
	for _, s := range list.States {
		if s.Major == "yes" {
			majors = append(majors, s.Abb)
		}
	}
	if got := strings.Join(majors, " "); got != "USA UKG FRN GMY AUH ITA RUS JPN" {
		t.Errorf("majors on 1914-07-28: %s", got)
	}
}

func TestUI(t *testing.T) {
	ui := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>casus</title>")}}
	_, url := start(t, Options{UI: ui})
	if a := get(t, url+"/"); a.status != 200 || !bytes.Contains(a.body, []byte("<title>casus</title>")) {
		t.Errorf("GET /: %d %s", a.status, a.body)
	}
	post(t, url+"/", "x").apiErr(t, http.StatusMethodNotAllowed)
}
