package web_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/casus-dev/casus/server"
	"github.com/casus-dev/casus/source"
	"github.com/casus-dev/casus/source/sourcetest"
	"github.com/casus-dev/casus/store"
	"github.com/casus-dev/casus/treaty"
	"github.com/casus-dev/casus/web"
)

// TestBrowserEndToEnd drives Debian's Chromium headless through the UI of a
// real casus server on loopback: it builds the Korea 2025 scenario in the
// form (attacker ROK, victim PRK, 2025-06-01), runs it, finds Russia marked
// "bound to fight" on the map and in the side panel (with the 2024
// treaty's Art. 4 behind it), follows the shareable URL in a fresh tab and
// gets the same map, then pastes July 1914 and finds France bound to fight
// and Austria-Hungary, which has no feature on today's map, listed as the
// attacker beside it. Screenshots of both maps go to $CASUS_ARTIFACTS (or a
// temporary directory); the path is printed.
//
// chromedp is the Go library made for driving Chrome over the DevTools
// protocol; the test needs no Node, Selenium or WebDriver.
func TestBrowserEndToEnd(t *testing.T) {
	bctx, base := browser(t)
	art := artifactDir(t)
	ctx, cancel := context.WithTimeout(bctx, 2*time.Minute)
	defer cancel()

	const russia = `svg.world path.country[data-state="RUS"]`
	var status, share, panelStatus, detail, entered string
	var mapPNG []byte
	err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`#attacker`, chromedp.ByQuery),
		chromedp.SendKeys(`#attacker`, "ROK", chromedp.ByQuery),
		chromedp.SendKeys(`#victim`, "PRK", chromedp.ByQuery),
		chromedp.SetValue(`#date`, "2025-06-01", chromedp.ByQuery),
		chromedp.Click(`#run`, chromedp.ByQuery),
		chromedp.WaitVisible(`#share-link`, chromedp.ByQuery),
		chromedp.AttributeValue(russia, "data-status", &status, nil, chromedp.ByQuery),
		chromedp.AttributeValue(`#panel button.statebtn[data-state="RUS"]`, "data-status", &panelStatus, nil, chromedp.ByQuery),
		// The keyboard path: focus Russia on the map and press Enter.
		chromedp.Focus(russia, chromedp.ByQuery),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(`#state-detail[data-state="RUS"]`, chromedp.ByQuery),
		chromedp.Text(`#state-detail`, &detail, chromedp.ByQuery),
		chromedp.AttributeValue(`#share-link`, "href", &share, nil, chromedp.ByQuery),
		chromedp.Text(`#cascade ul.entered li[data-state="RUS"]`, &entered, chromedp.ByQuery),
		chromedp.Screenshot(`figure.mapfig`, &mapPNG, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("Korea 2025 in the browser: %v", err)
	}
	if status != "bound to fight" || panelStatus != "bound to fight" {
		t.Errorf("Russia on the map: %q, in the side panel: %q; want bound to fight in both", status, panelStatus)
	}
	// Russia's duty rests on the 2024 Russia–DPRK treaty, Art. 4 (in force
	// 2024-12-04), owed to North Korea.
	for _, want := range []string{"bound to fight", "Art. 4", "PRK North Korea", "every condition holds"} {
		if !strings.Contains(detail, want) {
			t.Errorf("Russia's side panel lacks %q:\n%s", want, detail)
		}
	}
	// The cascade says who enters and why: Russia, for North Korea, under
	// the 2024 treaty.
	for _, want := range []string{"RUS Russia enters", "PRK North Korea", "rus-prk-2024 Art. 4"} {
		if !strings.Contains(entered, want) {
			t.Errorf("Russia's entry in the cascade lacks %q: %q", want, entered)
		}
	}
	save(t, art, "korea-2025-map.png", mapPNG)
	first := mapState(t, ctx)
	if len(first) < 5 {
		t.Fatalf("only %d states coloured on the Korea map", len(first))
	}

	// The shared URL in a fresh tab gives the same view.
	if !strings.Contains(share, "#/scenario?") {
		t.Fatalf("share link %q does not encode the scenario", share)
	}
	tab, cancelTab := chromedp.NewContext(bctx)
	defer cancelTab()
	tab, cancelT := context.WithTimeout(tab, time.Minute)
	defer cancelT()
	var status2 string
	if err := chromedp.Run(tab,
		chromedp.Navigate(share),
		chromedp.WaitVisible(`#share-link`, chromedp.ByQuery),
		chromedp.AttributeValue(russia, "data-status", &status2, nil, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("following the shared URL: %v", err)
	}
	if status2 != "bound to fight" {
		t.Errorf("Russia after following the shared URL: %q, want bound to fight", status2)
	}
	if second := mapState(t, tab); strings.Join(second, "\n") != strings.Join(first, "\n") {
		t.Errorf("the shared URL shows another map:\nfirst:  %v\nshared: %v", first, second)
	}

	// Phone width: nothing wider than 375 px.
	var scrollW int
	if err := chromedp.Run(tab,
		chromedp.EmulateViewport(375, 800),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollW),
	); err != nil {
		t.Fatal(err)
	}
	if scrollW > 375 {
		t.Errorf("at 375 px the page is %d px wide: it scrolls sideways", scrollW)
	}

	// The state page, reached from the side panel's link: North Korea is
	// among Russia's defenders on the day, under the 2024 treaty.
	var defenders string
	if err := chromedp.Run(ctx,
		chromedp.Click(`#state-detail a[href^="#/state/RUS"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#guarantees table`, chromedp.ByQuery),
		chromedp.Text(`#guarantees`, &defenders, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("Russia's state page: %v", err)
	}
	if !strings.Contains(defenders, "PRK North Korea") || !strings.Contains(defenders, "Art. 4") {
		t.Errorf("Russia's guarantees lack North Korea under Art. 4:\n%s", defenders)
	}

	// July 1914 pasted as a file.
	file, err := os.ReadFile(filepath.Join("..", "examples", "july-1914.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var france, auh, auhOffMap string
	var png1914 []byte
	err = chromedp.Run(ctx,
		chromedp.Navigate(base+"/#/scenario"),
		chromedp.WaitVisible(`#builder`, chromedp.ByQuery),
		chromedp.Click(`details.paste summary`, chromedp.ByQuery),
		chromedp.SetValue(`#scenario-text`, string(file), chromedp.ByQuery),
		chromedp.Click(`#run-pasted`, chromedp.ByQuery),
		chromedp.WaitVisible(`#share-link`, chromedp.ByQuery),
		chromedp.AttributeValue(`svg.world path.country[data-state="FRN"]`, "data-status", &france, nil, chromedp.ByQuery),
		chromedp.AttributeValue(`#panel ul[data-category="attacker"] button[data-state="AUH"]`, "data-status", &auh, nil, chromedp.ByQuery),
		chromedp.Text(`#panel ul[data-category="attacker"]`, &auhOffMap, chromedp.ByQuery),
		chromedp.Screenshot(`figure.mapfig`, &png1914, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("July 1914 in the browser: %v", err)
	}
	// France enters under the Franco-Russian alliance once Germany
	// declares war on Russia; Austria-Hungary began the war.
	if france != "bound to fight" {
		t.Errorf("France in July 1914: %q, want bound to fight", france)
	}
	if auh != "attacker" || !strings.Contains(auhOffMap, "not on today's map") {
		t.Errorf("Austria-Hungary: %q, listed as %q; want attacker, not on today's map", auh, auhOffMap)
	}
	save(t, art, "july-1914-map.png", png1914)
}

// browser starts Chromium headless and casus's server, both for the test's
// duration, or skips when there is no Chromium and CASUS_E2E is unset.
func browser(t *testing.T) (context.Context, string) {
	ctx, base, _ := browserWithToken(t)
	return ctx, base
}

// browserWithToken is browser with a database behind the server and a
// write token for it.
func browserWithToken(t *testing.T) (context.Context, string, string) {
	t.Helper()
	chrome := findChromium()
	if chrome == "" {
		if os.Getenv("CASUS_E2E") != "" {
			t.Fatal("CASUS_E2E is set but no chromium on PATH: install it (apt-get install -y chromium)")
		}
		t.Skip("no chromium on PATH and CASUS_E2E unset: apt-get install -y chromium to run the browser test (.ci/run does)")
	}
	base, tok := startServer(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox, // CI runs as root, where Chromium refuses its sandbox
		chromedp.WindowSize(1280, 1000),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	t.Cleanup(func() { cancelB(); cancelA() })
	return bctx, base, tok
}

// mapState lists "STATE:status" for every coloured country on the page.
func mapState(t *testing.T, ctx context.Context) []string {
	t.Helper()
	var got []string
	js := `[...document.querySelectorAll('svg.world path.country[data-state]')].filter(p => p.dataset.status !== 'untouched').map(p => p.dataset.state + ':' + p.dataset.status)`
	if err := chromedp.Run(ctx, chromedp.Evaluate(js, &got)); err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	return got
}

func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startServer runs casus's HTTP server, with the embedded UI and a fresh
// database, on a loopback port for the test's duration, and returns its
// address and a write token.
func startServer(t *testing.T) (string, string) {
	t.Helper()
	data := sourcetest.Data()
	ctx := context.Background()
	w, err := source.Load(ctx, data, source.LoadOptions{})
	if err == nil {
		err = treaty.Attach(ctx, w, data, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	w.Freeze()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "casus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	tok, err := st.CreateToken(ctx, "e2e")
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: server.New(server.Options{World: w, Store: st, UI: web.Assets}), ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	return "http://" + ln.Addr().String(), tok
}

func artifactDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CASUS_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "casus-e2e")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func save(t *testing.T, dir, name string, png []byte) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	// Printed, not logged, so the path shows without -v.
	fmt.Fprintf(os.Stderr, "e2e screenshot: %s\n", p)
}

// TestBrowserPages opens the treaty, network and power pages on the real
// server and checks published facts on each: Sweden joined NATO on
// 2024-03-07; in 1960 the Soviet Union and Poland are in one defence-pact
// component (the Warsaw Pact) that the United States is not in; COW counts
// eight major powers in 1914.
func TestBrowserPages(t *testing.T) {
	bctx, base := browser(t)
	ctx, cancel := context.WithTimeout(bctx, 2*time.Minute)
	defer cancel()

	var members string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/#/treaty/nato-1949"),
		chromedp.WaitVisible(`table`, chromedp.ByQuery),
		chromedp.Text(`table`, &members, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("NATO's treaty page: %v", err)
	}
	if !strings.Contains(members, "SWD Sweden") || !strings.Contains(members, "2024-03-07") {
		t.Errorf("NATO's members lack Sweden joining 2024-03-07:\n%s", members)
	}

	var comps []string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/#/network?on=1960-01-01"),
		chromedp.WaitVisible(`svg.network`, chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll('main ol li')].map(li => li.textContent)`, &comps),
	); err != nil {
		t.Fatalf("the 1960 network: %v", err)
	}
	warsaw := false
	for _, c := range comps {
		if strings.Contains(c, "RUS Russia") && strings.Contains(c, "POL Poland") && !strings.Contains(c, "USA United States") {
			warsaw = true
		}
	}
	if !warsaw {
		t.Errorf("no 1960 component with Russia and Poland but not the USA: %q", comps)
	}

	// Capabilities over time on a state page: China's CINC line, and the
	// NMC note that it has no row before it joined the system (1860).
	var capNote string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/#/state/CHN?on=2025-06-01"),
		chromedp.WaitVisible(`#capabilities svg.chart path.line`, chromedp.ByQuery),
		chromedp.Text(`#capabilities`, &capNote, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("China's capabilities over time: %v", err)
	}
	if !strings.Contains(capNote, "1816–1859") {
		t.Errorf("China's capabilities do not say NMC has no row for 1816–1859:\n%s", capNote)
	}

	// Taiwan attacked in 2026: no one is bound to fight for it, and the
	// summary says why — the US–ROC treaty, its last defence pledge, ended
	// on 1979-12-31 after the US gave notice.
	var summary string
	var headline []byte
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/#/scenario?a=CHN&v=TAW&d=2026-06-01&h=all"),
		chromedp.WaitVisible(`dl.summary dt.unprotected`, chromedp.ByQuery),
		chromedp.Text(`dl.summary`, &summary, chromedp.ByQuery),
		chromedp.Screenshot(`section.headline`, &headline, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("Taiwan 2026: %v", err)
	}
	save(t, artifactDir(t), "taiwan-2026-summary.png", headline)
	for _, want := range []string{"no one bound to fight for: TAW Taiwan", "usa-roc-1954", "1979-12-31"} {
		if !strings.Contains(summary, want) {
			t.Errorf("Taiwan 2026's summary lacks %q:\n%s", want, summary)
		}
	}

	var majors int
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/#/system?year=1914"),
		chromedp.WaitVisible(`#system-year table tbody tr`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#system-year table tbody tr').length`, &majors),
	); err != nil {
		t.Fatalf("the power page: %v", err)
	}
	if majors != 8 {
		t.Errorf("1914 has %d majors on the power page, want COW's 8", majors)
	}
}
