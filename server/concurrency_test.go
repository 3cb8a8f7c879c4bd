package server

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
)

// TestConcurrentRequests runs writes and reads in parallel: every one must
// succeed (run with -race to check the sharing of the world and the store).
func TestConcurrentRequests(t *testing.T) {
	url, tok, _ := withStore(t)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 25 {
				body := fmt.Sprintf("title: \"g%d i%d\"\n%s", g, i, korea2025[1+len("# S1a: the Republic of Korea launches an armed attack on North Korean territory."):])
				if a := post(t, url+"/api/scenarios", body, bearer(tok)...); a.status != http.StatusCreated {
					t.Errorf("write g%d i%d: %d %s", g, i, a.status, a.body)
				}
				if a := post(t, url+"/api/scenario", korea2025); a.status != 200 {
					t.Errorf("evaluate: %d %s", a.status, a.body)
				}
				if a := get(t, url+"/api/guarantees?state=PRK&on=2025-01-01"); a.status != 200 {
					t.Errorf("guarantees: %d %s", a.status, a.body)
				}
			}
		}()
	}
	wg.Wait()
}
