//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/casus-dev/casus/store"
)

// childEnv makes the test binary run casus's main instead of the tests,
// so the crash test can start `casus serve` as a real process without a
// separate build.
const childEnv = "CASUS_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// serveProcess starts `casus serve --addr 127.0.0.1:0 --db db` as a child
// process and returns it with its base URL.
func serveProcess(t *testing.T, db string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0", "--db", db)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addrRE := regexp.MustCompile(`addr=(http://127\.0\.0\.1:\d+)`)
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := addrRE.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
				break
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	select {
	case base := <-found:
		return cmd, base
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("casus serve did not listen within 60s")
	}
	return nil, ""
}

type ack struct {
	id    int64
	title string
}

// TestKill9KeepsAcknowledgedWrites is the crash test: writers stream saved
// scenarios to a `casus serve` process, which is killed with SIGKILL at a
// random moment, restarted and killed again (20 times; 3 with -short).
// Every write the server acknowledged (201 with its id) must be there
// after the last restart, with its title and file intact.
func TestKill9KeepsAcknowledgedWrites(t *testing.T) {
	kills := 20
	if testing.Short() {
		kills = 3
	}
	db := filepath.Join(t.TempDir(), "crash.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := st.CreateToken(context.Background(), "crash test")
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	scenario := []byte("date: 2025-06-01\nevents:\n  - armed_attack: {by: [ROK], on: PRK, at: PRK}\n")

	var mu sync.Mutex
	var acked []ack
	attempted := 0
	client := &http.Client{Timeout: 10 * time.Second}
	rng := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < kills; k++ {
		cmd, base := serveProcess(t, db)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for wr := 0; wr < 4; wr++ {
			wg.Add(1)
			go func(wr int) {
				defer wg.Done()
				for j := 0; ; j++ {
					select {
					case <-stop:
						return
					default:
					}
					title := fmt.Sprintf("kill %d writer %d write %d", k, wr, j)
					body := append([]byte("title: "+strconv.Quote(title)+"\n"), scenario...)
					req, _ := http.NewRequest("POST", base+"/api/scenarios", bytes.NewReader(body))
					req.Header.Set("Authorization", "Bearer "+tok)
					mu.Lock()
					attempted++
					mu.Unlock()
					resp, err := client.Do(req)
					if err != nil {
						return // the server died under us: not acknowledged
					}
					var sc store.Scenario
					err = json.NewDecoder(resp.Body).Decode(&sc)
					resp.Body.Close()
					if resp.StatusCode != http.StatusCreated || err != nil || sc.Title != title {
						if err == nil {
							t.Errorf("write %q answered %d %+v", title, resp.StatusCode, sc)
						}
						return
					}
					mu.Lock()
					acked = append(acked, ack{sc.ID, title})
					mu.Unlock()
				}
			}(wr)
		}
		time.Sleep(time.Duration(50+rng.IntN(300)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		close(stop)
		wg.Wait()
	}

	cmd, base := serveProcess(t, db)
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	resp, err := client.Get(base + "/api/scenarios")
	if err != nil {
		t.Fatal(err)
	}
	var saved []store.Scenario
	if err := json.NewDecoder(resp.Body).Decode(&saved); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	byID := map[int64]store.Scenario{}
	for _, s := range saved {
		byID[s.ID] = s
	}
	lost := 0
	for _, a := range acked {
		s, ok := byID[a.id]
		if !ok || s.Title != a.title || !bytes.HasSuffix([]byte(s.YAML), scenario) {
			lost++
			if lost <= 5 {
				t.Errorf("acknowledged write %d %q lost or changed: %+v", a.id, a.title, s)
			}
		}
	}
	if len(acked) < kills {
		t.Errorf("only %d writes acknowledged over %d kills: the test did not exercise the server", len(acked), kills)
	}
	t.Logf("kill -9 test: %d kills, %d writes attempted, %d acknowledged, %d lost; %d rows after restart (unacknowledged writes may have committed)",
		kills, attempted, len(acked), lost, len(saved))
}

// TestSIGTERMShutsDownGracefully: SIGTERM lets a request in flight finish
// and the process exit 0.
func TestSIGTERMShutsDownGracefully(t *testing.T) {
	cmd, base := serveProcess(t, filepath.Join(t.TempDir(), "term.db"))
	// A dyad's panel rows build the whole 1816-2016 dyad-year panel first:
	// long enough (some 100 ms) to be in flight when the signal arrives.
	type result struct {
		status int
		n      int
		err    error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := http.Get(base + "/api/panel?a=USA&b=UKG&add=atop,nmc,majors,contiguity&format=csv")
		if err != nil {
			done <- result{err: err}
			return
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		done <- result{resp.StatusCode, bytes.Count(b, []byte("\n")), err}
	}()
	time.Sleep(30 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.err != nil || r.status != 200 || r.n != 1+2016-1816+1 {
		t.Errorf("the request in flight: status %d, %d lines, %v", r.status, r.n, r.err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("after SIGTERM: %v, want exit 0", err)
	}
}
