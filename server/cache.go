package server

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"sync/atomic"

	lru "github.com/hashicorp/golang-lru/v2"
)

// answerCache keeps the JSON of recent evaluations. The world is immutable
// and the engines are deterministic (Monte-Carlo runs are seeded), so a
// scenario or a guarantees question asked again has the same answer; only
// the saved treaties change, and their generation is part of the key. A
// repeated evaluation — a shared link opened by many readers, the UI
// replaying a scenario — then costs a lookup instead of a cascade.
type answerCache struct {
	c *lru.Cache[string, []byte]
	// bytes is the memory the kept answers hold (their capacity).
	bytes *atomic.Int64
	// hits and misses count lookups, for the load test's hit ratio.
	hits, misses *atomic.Int64
}

// The cache is bounded twice: by count and by memory. Answers average
// about 70 kB (512 varied scenarios held 34 MB in the load test), but one
// that touches hundreds of obligations (an attack on the United States in
// August 1945) is 2 MB, and 512 of those would hold a gigabyte.
const (
	answerCacheSize  = 512
	answerCacheBytes = 64 << 20
)

func newAnswerCache() answerCache {
	held := new(atomic.Int64)
	c, err := lru.NewWithEvict(answerCacheSize, func(_ string, b []byte) { held.Add(-int64(cap(b))) })
	if err != nil {
		panic(err) // only for a size < 1
	}
	return answerCache{c, held, new(atomic.Int64), new(atomic.Int64)}
}

// key is the cache key of a question: what is asked (kind), the query
// parameters (canonically ordered), the body and the saved treaties'
// generation when the request uses them.
func (s *Server) cacheKey(kind string, r *http.Request, body []byte) string {
	q := r.URL.Query()
	h := sha256.New()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(url.Values(q).Encode()))
	h.Write([]byte{0})
	h.Write(body)
	if q.Get("treaties") == "saved" && s.opt.Store != nil {
		h.Write([]byte{0})
		var b [8]byte
		g := s.opt.Store.TreatyGeneration()
		for i := range b {
			b[i] = byte(g >> (8 * i))
		}
		h.Write(b[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c answerCache) get(key string) ([]byte, bool) {
	b, ok := c.c.Get(key)
	if ok {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	return b, ok
}

// put keeps an answer, then drops the least recently used ones while the
// kept answers hold more than answerCacheBytes. One answer may take an
// eighth of that at most; a larger one is not kept.
func (c answerCache) put(key string, b []byte) {
	n := int64(cap(b))
	if n > answerCacheBytes/8 {
		return
	}
	if found, _ := c.c.ContainsOrAdd(key, b); found {
		return
	}
	c.bytes.Add(n)
	for c.bytes.Load() > answerCacheBytes {
		if _, _, ok := c.c.RemoveOldest(); !ok {
			break
		}
	}
}

// stats returns the lookups that found an answer and those that did not,
// since the server started.
func (c answerCache) stats() (hits, misses int64) { return c.hits.Load(), c.misses.Load() }
