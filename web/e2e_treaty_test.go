package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// pactE2E is a made-up mutual-defence pact of Mongolia and Kazakhstan (a
// test file, not a treaty: neither state has one with the other in the
// registry or ATOP).
const pactE2E = `id: mon-kzk-e2e
title: Made-up test pact of Mongolia and Kazakhstan
signed: 2020-01-01
members:
  - {state: MON, joined: 2020-01-01}
  - {state: KZK, joined: 2020-01-01}
obligations:
  - article: Art. 1
    kind: defense
    trigger: armed_attack
    response:
      action: military_assistance
sources:
  - url: https://example.org/test
    title: a test file
`

// TestBrowserSaveTreaty saves a treaty file through the treaty page with a
// token: Check validates it without saving, Save stores it, saving it
// again is a 409 that offers Replace, a file naming an unknown state gets
// the server's file:line line. The saved file opens on its treaty page,
// and a scenario that includes the saved treaties brings Mongolia in for
// Kazakhstan under it — and only with them.
func TestBrowserSaveTreaty(t *testing.T) {
	bctx, base, tok := browserWithToken(t)
	art := artifactDir(t)
	ctx, cancel := context.WithTimeout(bctx, 2*time.Minute)
	defer cancel()

	var checked, saved, conflict, replaced, listed string
	var png []byte
	err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/#/treaty"),
		chromedp.WaitVisible(`#saved > summary`, chromedp.ByQuery),
		chromedp.Click(`#saved > summary`, chromedp.ByQuery),
		chromedp.WaitVisible(`#treaty-text`, chromedp.ByQuery),
		chromedp.SetValue(`#treaty-text`, pactE2E, chromedp.ByQuery),
		chromedp.Click(`#check-treaty`, chromedp.ByQuery),
		chromedp.WaitVisible(`#save-status .saved-ok`, chromedp.ByQuery),
		chromedp.Text(`#save-status`, &checked, chromedp.ByQuery),
		chromedp.SendKeys(`#token`, tok, chromedp.ByQuery),
		chromedp.Click(`#save`, chromedp.ByQuery),
		chromedp.WaitVisible(`#saved-open`, chromedp.ByQuery),
		chromedp.Text(`#save-status`, &saved, chromedp.ByQuery),
		chromedp.WaitVisible(`#saved-list li[data-id="mon-kzk-e2e"]`, chromedp.ByQuery),
		chromedp.Text(`#saved-list`, &listed, chromedp.ByQuery),
		chromedp.Click(`#save`, chromedp.ByQuery),
		chromedp.WaitVisible(`#replace-treaty`, chromedp.ByQuery),
		chromedp.Text(`#save-error`, &conflict, chromedp.ByQuery),
		chromedp.Screenshot(`#saved`, &png, chromedp.ByQuery),
		chromedp.Click(`#replace-treaty`, chromedp.ByQuery),
		chromedp.WaitVisible(`#saved-open`, chromedp.ByQuery),
		chromedp.Text(`#save-status`, &replaced, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("saving a treaty file: %v", err)
	}
	save(t, art, "treaty-save-409-desktop.png", png)
	if !strings.Contains(checked, "Valid: mon-kzk-e2e") || !strings.Contains(checked, "2 members, 1 articles") || !strings.Contains(checked, "Nothing is saved") {
		t.Errorf("Check says %q", checked)
	}
	if !strings.Contains(saved, "Saved treaty mon-kzk-e2e") || !strings.Contains(listed, "Made-up test pact") {
		t.Errorf("saved: %q; listed: %q", saved, listed)
	}
	if !strings.Contains(conflict, "409") || !strings.Contains(conflict, `a saved treaty "mon-kzk-e2e" already exists`) {
		t.Errorf("saving it again: %q, want the server's 409 line", conflict)
	}
	if !strings.Contains(replaced, "Replaced treaty mon-kzk-e2e") {
		t.Errorf("replacing: %q", replaced)
	}

	// A file naming a state that does not exist: 400, file:line.
	var bad, badStatus string
	if err := chromedp.Run(ctx,
		chromedp.SetValue(`#treaty-text`, strings.Replace(pactE2E, "state: KZK", "state: Narnia", 1), chromedp.ByQuery),
		chromedp.Click(`#check-treaty`, chromedp.ByQuery),
		chromedp.WaitVisible(`#save-error`, chromedp.ByQuery),
		chromedp.AttributeValue(`#save-error`, "data-status", &badStatus, nil, chromedp.ByQuery),
		chromedp.Text(`#save-error`, &bad, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("checking a broken file: %v", err)
	}
	if badStatus != "400" || !strings.Contains(bad, "treaty:") || !strings.Contains(bad, "Narnia") {
		t.Errorf("broken file: status %q, %q; want 400 with the server's treaty:LINE line", badStatus, bad)
	}
	t.Logf("broken file: %s", bad)

	// Edit puts the saved file (not the broken one) back into the form.
	var edited string
	if err := chromedp.Run(ctx,
		chromedp.Click(`#saved-list li[data-id="mon-kzk-e2e"] button`, chromedp.ByQuery),
		chromedp.Value(`#treaty-text`, &edited, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("Edit: %v", err)
	}
	if edited != pactE2E {
		t.Errorf("Edit put %q into the form, want the saved file", edited)
	}

	// The saved file's treaty page.
	var facts, members string
	if err := chromedp.Run(ctx,
		chromedp.Click(`#saved-list li[data-id="mon-kzk-e2e"] a`, chromedp.ByQuery),
		chromedp.WaitVisible(`dl.facts`, chromedp.ByQuery),
		chromedp.Text(`dl.facts`, &facts, chromedp.ByQuery),
		chromedp.Text(`table`, &members, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("the saved treaty's page: %v", err)
	}
	if !strings.Contains(facts, "a user's treaty file") || !strings.Contains(members, "MON Mongolia") || !strings.Contains(members, "KZK Kazakhstan") {
		t.Errorf("saved treaty page: facts %q, members %q", facts, members)
	}

	// China attacks Kazakhstan: Mongolia is bound to fight only when the
	// saved treaties are included.
	mongolia := func(name, hash string) string {
		t.Helper()
		var st string
		if err := chromedp.Run(ctx,
			// A query string of its own: a fresh page load each time.
			chromedp.Navigate(base+"/?case="+name+hash),
			chromedp.WaitVisible(`#share-link`, chromedp.ByQuery),
			chromedp.AttributeValue(`svg.world path.country[data-state="MON"]`, "data-status", &st, nil, chromedp.ByQuery),
		); err != nil {
			t.Fatalf("%s: %v", hash, err)
		}
		return st
	}
	with := mongolia("with", "#/scenario?a=CHN&v=KZK&d=2025-06-01&h=all&ts=1")
	without := mongolia("without", "#/scenario?a=CHN&v=KZK&d=2025-06-01&h=all")
	if with != "bound to fight" || without == "bound to fight" {
		t.Errorf("Mongolia when China attacks Kazakhstan: %q with the saved treaties, %q without; want bound to fight only with them", with, without)
	}

	// 375 px: the save box open (the tab holds the token), nothing wider.
	var phone []byte
	var scrollW int
	if err := chromedp.Run(ctx,
		chromedp.EmulateViewport(375, 800),
		chromedp.Navigate(base+"/?case=phone#/treaty"),
		chromedp.WaitVisible(`#saved-list li[data-id="mon-kzk-e2e"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('#saved').scrollIntoView({block: 'start'})`, nil),
		chromedp.CaptureScreenshot(&phone),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollW),
	); err != nil {
		t.Fatalf("the treaty page at 375 px: %v", err)
	}
	save(t, art, "treaty-save-375.png", phone)
	if scrollW > 375 {
		t.Errorf("at 375 px the treaty page is %d px wide", scrollW)
	}

	// Delete, in two steps: Keep first (nothing happens), then Yes.
	var kept, gone string
	var confirm []byte
	if err := chromedp.Run(ctx,
		chromedp.Click(`#saved-list li[data-id="mon-kzk-e2e"] .delete button`, chromedp.ByQuery),
		chromedp.WaitVisible(`#saved-list li[data-id="mon-kzk-e2e"] .delete button.danger`, chromedp.ByQuery),
		chromedp.Screenshot(`#saved-list`, &confirm, chromedp.ByQuery),
		chromedp.Click(`#saved-list li[data-id="mon-kzk-e2e"] .delete button:not(.danger)`, chromedp.ByQuery),
		chromedp.Text(`#saved-list`, &kept, chromedp.ByQuery),
		chromedp.Click(`#saved-list li[data-id="mon-kzk-e2e"] .delete button`, chromedp.ByQuery),
		chromedp.Click(`#saved-list li[data-id="mon-kzk-e2e"] .delete button.danger`, chromedp.ByQuery),
		chromedp.WaitNotPresent(`#saved-list li[data-id="mon-kzk-e2e"]`, chromedp.ByQuery),
		chromedp.Text(`#save-status`, &gone, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("deleting the saved treaty: %v", err)
	}
	save(t, art, "treaty-delete-confirm-375.png", confirm)
	if !strings.Contains(kept, "mon-kzk-e2e") || !strings.Contains(gone, "Deleted mon-kzk-e2e") {
		t.Errorf("after Keep the list is %q; after Yes, delete the status is %q", kept, gone)
	}
}
