package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserSaveScenario saves a scenario through the UI with a bearer
// token and reopens it: a wrong token gets the server's 401 line, the right
// one saves Korea 2025 under a title, the saved scenario is listed and
// reopens (in another tab too, which has no token: sessionStorage is per
// tab) with Russia bound to fight; the token is in no URL. A broken file
// gets the server's 400 line (file:line) and an oversized one its 413.
func TestBrowserSaveScenario(t *testing.T) {
	bctx, base, tok := browserWithToken(t)
	art := artifactDir(t)
	ctx, cancel := context.WithTimeout(bctx, 2*time.Minute)
	defer cancel()

	const title = "Korea, June 2025 (e2e)"
	var wrongStatus, wrongMsg string
	err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/#/scenario?a=ROK&v=PRK&d=2025-06-01&h=all"),
		chromedp.WaitVisible(`#share-link`, chromedp.ByQuery),
		chromedp.Click(`#saved > summary`, chromedp.ByQuery),
		chromedp.WaitVisible(`#token`, chromedp.ByQuery),
		chromedp.SendKeys(`#token`, "casus_not-a-token", chromedp.ByQuery),
		chromedp.Click(`#save`, chromedp.ByQuery),
		chromedp.WaitVisible(`#save-error`, chromedp.ByQuery),
		chromedp.AttributeValue(`#save-error`, "data-status", &wrongStatus, nil, chromedp.ByQuery),
		chromedp.Text(`#save-error`, &wrongMsg, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("saving with a wrong token: %v", err)
	}
	// The server's own line (server/auth.go) is shown, after what it means.
	if wrongStatus != "401" || !strings.Contains(wrongMsg, "invalid token") || !strings.Contains(wrongMsg, "did not accept the token") {
		t.Errorf("wrong token: status %q, message %q; want 401 with the server's \"invalid token\"", wrongStatus, wrongMsg)
	}

	// The keyboard path: token, Tab to the title, Enter saves.
	var openHref, listed, href, stored, afterTab string
	var formPNG []byte
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelector("#token").value = ""`, nil),
		chromedp.SendKeys(`#token`, tok, chromedp.ByQuery),
		chromedp.KeyEvent("\t"),
		chromedp.Evaluate(`document.activeElement.id`, &afterTab),
		chromedp.SendKeys(`#save-title`, title+"\r", chromedp.ByQuery),
		chromedp.WaitVisible(`#saved-open`, chromedp.ByQuery),
		chromedp.AttributeValue(`#saved-open`, "href", &openHref, nil, chromedp.ByQuery),
		chromedp.WaitVisible(`#saved-list ul.savedlist li`, chromedp.ByQuery),
		chromedp.Text(`#saved-list`, &listed, chromedp.ByQuery),
		chromedp.Evaluate(`location.href`, &href),
		chromedp.Evaluate(`sessionStorage.getItem("casus.token") || ""`, &stored),
		chromedp.Screenshot(`#saved`, &formPNG, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("saving with the token: %v", err)
	}
	save(t, art, "save-form-desktop.png", formPNG)
	if afterTab != "save-title" {
		t.Errorf("Tab from the token field goes to %q, want the title field", afterTab)
	}
	if !strings.HasPrefix(openHref, "#/scenario?sid=") {
		t.Fatalf("the saved scenario's link is %q, want #/scenario?sid=N", openHref)
	}
	if !strings.Contains(listed, title) {
		t.Errorf("the list of saved scenarios lacks %q:\n%s", title, listed)
	}
	if strings.Contains(href, tok) || strings.Contains(openHref, tok) {
		t.Errorf("the token is in a URL: %s / %s", href, openHref)
	}
	if stored != tok {
		t.Errorf("sessionStorage holds %q, want the token typed", stored)
	}

	// Reopen from the saved list: the server evaluates the saved file.
	var heading, russia, file, attacker, date, savedTitle string
	var reopenedPNG []byte
	err = chromedp.Run(ctx,
		chromedp.Navigate(base+"/#/scenario"),
		chromedp.WaitVisible(`#builder`, chromedp.ByQuery),
		chromedp.WaitVisible(`#saved-list ul.savedlist li a`, chromedp.ByQuery),
		chromedp.Click(`#saved-list ul.savedlist li a`, chromedp.ByQuery),
		chromedp.WaitVisible(`#share-link`, chromedp.ByQuery),
		chromedp.Text(`.headline h2`, &heading, chromedp.ByQuery),
		chromedp.AttributeValue(`svg.world path.country[data-state="RUS"]`, "data-status", &russia, nil, chromedp.ByQuery),
		chromedp.Value(`#scenario-text`, &file, chromedp.ByQuery),
		chromedp.Value(`#attacker`, &attacker, chromedp.ByQuery),
		chromedp.Value(`#date`, &date, chromedp.ByQuery),
		chromedp.Value(`#save-title`, &savedTitle, chromedp.ByQuery),
		chromedp.Evaluate(`window.scrollTo(0, 0)`, nil),
		chromedp.CaptureScreenshot(&reopenedPNG),
	)
	if err != nil {
		t.Fatalf("reopening the saved scenario: %v", err)
	}
	save(t, art, "saved-reopened-desktop.png", reopenedPNG)
	// Saved from the form, it reopens in the form, under its title.
	if attacker != "ROK" || date != "2025-06-01" || savedTitle != title {
		t.Errorf("reopened form: attacker %q, date %q, title %q; want ROK, 2025-06-01, %q", attacker, date, savedTitle, title)
	}
	if heading != title || russia != "bound to fight" || !strings.Contains(file, `"on": "PRK"`) {
		t.Errorf("reopened: heading %q, Russia %q, file %q; want the title, bound to fight, the saved file", heading, russia, file)
	}

	// Another tab: the link works, the token does not follow (the
	// scenario is deleted at the end).
	tab, cancelTab := chromedp.NewContext(bctx)
	defer cancelTab()
	tab, cancelT := context.WithTimeout(tab, time.Minute)
	defer cancelT()
	var russia2, tok2 string
	if err := chromedp.Run(tab,
		chromedp.EmulateViewport(375, 900),
		chromedp.Navigate(base+"/"+openHref),
		chromedp.WaitVisible(`#share-link`, chromedp.ByQuery),
		chromedp.AttributeValue(`svg.world path.country[data-state="RUS"]`, "data-status", &russia2, nil, chromedp.ByQuery),
		chromedp.Value(`#token`, &tok2, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("the saved scenario's link in another tab: %v", err)
	}
	if russia2 != "bound to fight" || tok2 != "" {
		t.Errorf("another tab: Russia %q, token field %q; want bound to fight and no token", russia2, tok2)
	}
	var scrollW int
	if err := chromedp.Run(tab, chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollW)); err != nil {
		t.Fatal(err)
	}
	if scrollW > 375 {
		t.Errorf("at 375 px the saved scenario's page is %d px wide", scrollW)
	}

	// A broken file: the server's file:line message. An oversized one: 413.
	for _, c := range []struct {
		name, text, status, want string
	}{
		{"unknown state", "date: 2025-06-01\nevents:\n  - armed_attack: {by: [ROK], on: Narnia}\n", "400", "scenario:3:"},
		{"too large", "date: 2025-06-01\n# " + strings.Repeat("x", 1<<20) + "\nevents: []\n", "413", "request body too large"},
	} {
		var status, msg string
		err := chromedp.Run(ctx,
			// A query string of its own: a fresh page load each time.
			chromedp.Navigate(base+"/?case="+c.status+"#/scenario"),
			chromedp.WaitVisible(`#builder`, chromedp.ByQuery),
			chromedp.Click(`details.paste summary`, chromedp.ByQuery),
			chromedp.SetValue(`#scenario-text`, c.text, chromedp.ByQuery),
			chromedp.WaitVisible(`#token`, chromedp.ByQuery), // open: the tab holds a token
			chromedp.Click(`#save`, chromedp.ByQuery),
			chromedp.WaitVisible(`#save-error`, chromedp.ByQuery),
			chromedp.AttributeValue(`#save-error`, "data-status", &status, nil, chromedp.ByQuery),
			chromedp.Text(`#save-error`, &msg, chromedp.ByQuery),
		)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if status != c.status || !strings.Contains(msg, c.want) {
			t.Errorf("%s: status %q, message %q; want %s with %q", c.name, status, msg, c.status, c.want)
		}
		t.Logf("%s: %s", c.name, msg)
	}

	// The phone view of a reopened scenario, from the top, and of the save
	// box (screenshots only in the first tab: in a background tab one can
	// wait for a frame that never comes).
	var phone, box []byte
	if err := chromedp.Run(ctx,
		chromedp.EmulateViewport(375, 800),
		chromedp.Navigate(base+"/"+openHref),
		chromedp.WaitVisible(`#share-link`, chromedp.ByQuery),
		chromedp.Evaluate(`window.scrollTo(0, 0)`, nil),
		chromedp.CaptureScreenshot(&phone),
		chromedp.Screenshot(`#saved`, &box, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("the reopened scenario at 375 px: %v", err)
	}
	save(t, art, "saved-reopened-375.png", phone)
	save(t, art, "save-form-375.png", box)

	// Delete it (two steps); the list is empty after.
	var empty string
	if err := chromedp.Run(ctx,
		chromedp.EmulateViewport(1280, 1000),
		chromedp.Click(`#saved-list li .delete button`, chromedp.ByQuery),
		chromedp.Click(`#saved-list li .delete button.danger`, chromedp.ByQuery),
		chromedp.WaitNotPresent(`#saved-list li`, chromedp.ByQuery),
		chromedp.Text(`#saved-list`, &empty, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("deleting the saved scenario: %v", err)
	}
	if !strings.Contains(empty, "No saved scenarios yet") {
		t.Errorf("after deleting, the list says %q", empty)
	}
}
