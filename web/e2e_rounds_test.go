package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserRounds steps the Korea 2025 cascade on the map. After round
// 1 (South Korea's attack) Russia is bound to fight under the 2024 treaty
// but has not entered, and Kazakhstan is untouched: its ATOP neutrality
// pledge toward Russia can only fall due once Russia is at war. After
// round 2 Russia has entered on North Korea's side and Kazakhstan is bound
// to stay out, and the line under the buttons says so. The round shown is
// in the URL. Screenshots of both steps, desktop and 375 px.
func TestBrowserRounds(t *testing.T) {
	bctx, base := browser(t)
	art := artifactDir(t)
	ctx, cancel := context.WithTimeout(bctx, 2*time.Minute)
	defer cancel()

	const kzk = `svg.world path.country[data-state="KZK"]`
	const rus = `svg.world path.country[data-state="RUS"]`
	type step struct {
		kzk, rus, fill, changes, detail, href string
		png                                   []byte
	}
	at := func(ctx context.Context, round string) step {
		t.Helper()
		var s step
		if err := chromedp.Run(ctx,
			chromedp.Click(`button.step[data-round="`+round+`"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`button.step[data-round="`+round+`"][aria-pressed="true"]`, chromedp.ByQuery),
			chromedp.AttributeValue(kzk, "data-status", &s.kzk, nil, chromedp.ByQuery),
			chromedp.AttributeValue(rus, "data-status", &s.rus, nil, chromedp.ByQuery),
			// The colour itself, as the browser paints it.
			chromedp.Evaluate(`getComputedStyle(document.querySelector('`+kzk+`')).fill`, &s.fill),
			chromedp.Text(`#round-changes`, &s.changes, chromedp.ByQuery),
			chromedp.Click(`#panel button.statebtn[data-state="RUS"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`#state-detail[data-state="RUS"]`, chromedp.ByQuery),
			chromedp.Text(`#state-detail`, &s.detail, chromedp.ByQuery),
			chromedp.Evaluate(`location.href`, &s.href),
			// The buttons, the line under them, the map and the panel.
			chromedp.Evaluate(`document.querySelector('.stepbox').scrollIntoView({block: 'start'})`, nil),
			chromedp.CaptureScreenshot(&s.png),
		); err != nil {
			t.Fatalf("round %s: %v", round, err)
		}
		return s
	}

	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/#/scenario?a=ROK&v=PRK&d=2025-06-01&h=all"),
		chromedp.WaitVisible(`button.step[data-round="2"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("Korea 2025: %v", err)
	}
	r1 := at(ctx, "1")
	r2 := at(ctx, "2")
	save(t, art, "korea-round-1-desktop.png", r1.png)
	save(t, art, "korea-round-2-desktop.png", r2.png)

	if r1.kzk != "untouched" || r2.kzk != "bound to stay out" {
		t.Errorf("Kazakhstan: %q after round 1, %q after round 2; want untouched, then bound to stay out", r1.kzk, r2.kzk)
	}
	if r1.fill == r2.fill {
		t.Errorf("Kazakhstan is painted %s after both rounds; the colour must change", r1.fill)
	}
	if r1.rus != "bound to fight" || r2.rus != "bound to fight" {
		t.Errorf("Russia: %q, %q; want bound to fight after both rounds", r1.rus, r2.rus)
	}
	// Russia's duty falls due in round 1; it joins side 2 in round 2.
	if strings.Contains(r1.detail, "Side 2 since") || !strings.Contains(r2.detail, "Side 2 since") || !strings.Contains(r2.detail, "round 2") {
		t.Errorf("Russia's panel should show no side after round 1 and side 2 from round 2:\nround 1: %s\nround 2: %s", r1.detail, r2.detail)
	}
	if !strings.Contains(r1.changes, "Round 1") {
		t.Errorf("round 1's line: %q", r1.changes)
	}
	for _, want := range []string{"RUS Russia", "enter the war on side 2", "now bound to stay out", "KZK Kazakhstan"} {
		if !strings.Contains(r2.changes, want) {
			t.Errorf("round 2's line lacks %q: %q", want, r2.changes)
		}
	}
	if !strings.Contains(r1.href, "r=1") || strings.Contains(r2.href, "r=") {
		t.Errorf("the URL keeps the round: %s after round 1, %s after the final round", r1.href, r2.href)
	}

	// The link of round 1 in a fresh tab, 375 px wide, opens on round 1.
	tab, cancelTab := chromedp.NewContext(bctx)
	defer cancelTab()
	tab, cancelT := context.WithTimeout(tab, time.Minute)
	defer cancelT()
	var kzkShared string
	var scrollW int
	if err := chromedp.Run(tab,
		chromedp.EmulateViewport(375, 900),
		chromedp.Navigate(r1.href),
		chromedp.WaitVisible(`button.step[data-round="1"][aria-pressed="true"]`, chromedp.ByQuery),
		chromedp.AttributeValue(kzk, "data-status", &kzkShared, nil, chromedp.ByQuery),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollW),
	); err != nil {
		t.Fatalf("round 1's link: %v", err)
	}
	if kzkShared != "untouched" {
		t.Errorf("round 1's link shows Kazakhstan %q, want untouched", kzkShared)
	}
	if scrollW > 375 {
		t.Errorf("at 375 px the round view is %d px wide", scrollW)
	}
	// Phone screenshots in the first tab (the one in front: a background
	// tab's screenshot can wait for a frame that never comes).
	for _, round := range []string{"1", "2"} {
		var png []byte
		if err := chromedp.Run(ctx,
			chromedp.EmulateViewport(375, 800),
			chromedp.Click(`button.step[data-round="`+round+`"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`button.step[data-round="`+round+`"][aria-pressed="true"]`, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelector('.stepbox').scrollIntoView({block: 'start'})`, nil),
			chromedp.CaptureScreenshot(&png),
		); err != nil {
			t.Fatalf("375 px, round %s: %v", round, err)
		}
		save(t, art, "korea-round-"+round+"-375.png", png)
	}

	// With an ally's entry counting as an attack, the US pledge to South
	// Korea (1953 Art. III: an armed attack on ROK) changes status between
	// rounds: in round 1 South Korea is the attacker, so it is not
	// triggered and the United States only consults (Camp David 2023);
	// once North Korea's allies strike South Korea in round 2 it binds,
	// and the United States enters on side 1 in round 3. Only the report's
	// status_by_round says what it was in round 1.
	usa := func(round string) (status, detail string) {
		t.Helper()
		if err := chromedp.Run(ctx,
			chromedp.Click(`button.step[data-round="`+round+`"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`button.step[data-round="`+round+`"][aria-pressed="true"]`, chromedp.ByQuery),
			chromedp.AttributeValue(`svg.world path.country[data-state="USA"]`, "data-status", &status, nil, chromedp.ByQuery),
			chromedp.Click(`#panel button.statebtn[data-state="USA"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`#state-detail[data-state="USA"]`, chromedp.ByQuery),
			chromedp.Text(`#state-detail`, &detail, chromedp.ByQuery),
		); err != nil {
			t.Fatalf("entry counts, round %s: %v", round, err)
		}
		return status, detail
	}
	if err := chromedp.Run(ctx,
		chromedp.EmulateViewport(1280, 1000),
		chromedp.Navigate(base+"/?case=entry#/scenario?a=ROK&v=PRK&d=2025-06-01&h=all&e=1"),
		chromedp.WaitVisible(`button.step[data-round="3"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("Korea 2025, entry counts: %v", err)
	}
	s1, d1 := usa("1")
	var usaPNG []byte
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelector('.stepbox').scrollIntoView({block: 'start'})`, nil),
		chromedp.CaptureScreenshot(&usaPNG),
	); err != nil {
		t.Fatal(err)
	}
	save(t, art, "korea-entry-round-1-usa-desktop.png", usaPNG)
	s2, d2 := usa("2")
	s3, d3 := usa("3")
	if s1 != "consult only" || s2 != "bound to fight" || s3 == "consult only" {
		t.Errorf("USA after rounds 1, 2, 3: %q, %q, %q; want consult only, then bound to fight, then not consult only", s1, s2, s3)
	}
	t.Logf("USA after round 3 (on side 1): %s", s3)
	for _, want := range []string{"Art. III", "NOT TRIGGERED", "is the attacker, not attacked", "Becomes binding in round 2", "the chain of facts (of its status from round 2)"} {
		if !strings.Contains(d1, want) {
			t.Errorf("USA's panel after round 1 lacks %q:\n%s", want, d1)
		}
	}
	if strings.Contains(d2, "NOT TRIGGERED") || strings.Contains(d2, "Side 1 since") || !strings.Contains(d3, "Side 1 since") {
		t.Errorf("USA's panel: after round 2 Art. III should bind with no side yet, after round 3 side 1:\nround 2: %s\nround 3: %s", d2, d3)
	}

	// A scenario that stops after round 1 (rounds: 1): the cascade says so
	// and names who would enter in round 2, which is not played.
	file, err := os.ReadFile(filepath.Join("..", "examples", "korea-2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var pending, stops string
	var cascadePNG []byte
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/?case=limit#/scenario"),
		chromedp.WaitVisible(`#builder`, chromedp.ByQuery),
		chromedp.Click(`details.paste summary`, chromedp.ByQuery),
		chromedp.SetValue(`#scenario-text`, string(file)+"rounds: 1\n", chromedp.ByQuery),
		chromedp.Click(`#run-pasted`, chromedp.ByQuery),
		chromedp.WaitVisible(`#cascade .pending`, chromedp.ByQuery),
		chromedp.Text(`#cascade .pending li[data-state="RUS"]`, &pending, chromedp.ByQuery),
		chromedp.Text(`#cascade ol.rounds > li[data-round="1"]`, &stops, chromedp.ByQuery),
		chromedp.Screenshot(`#cascade`, &cascadePNG, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("Korea 2025 with rounds: 1: %v", err)
	}
	save(t, art, "korea-rounds-limit-cascade-desktop.png", cascadePNG)
	if !strings.Contains(pending, "RUS Russia would enter on side 2 for PRK North Korea under rus-prk-2024 Art. 4") || !strings.Contains(stops, "plays 1 round (rounds: 1)") {
		t.Errorf("rounds: 1: the cascade says %q and %q", stops, pending)
	}
}
