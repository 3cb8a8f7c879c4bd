package server

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"

	lru "github.com/hashicorp/golang-lru/v2"
)

// answerCache keeps the JSON of recent evaluations. The world is immutable
// and the engines are deterministic (Monte-Carlo runs are seeded), so a
// scenario or a guarantees question asked again has the same answer; only
// the saved treaties change, and their generation is part of the key. A
// repeated evaluation — a shared link opened by many readers, the UI
// replaying a scenario — then costs a lookup instead of a cascade.
type answerCache struct{ c *lru.Cache[string, []byte] }

// answerCacheSize bounds the memory: answers are 10–100 kB, so at most a
// few tens of MB.
const answerCacheSize = 512

func newAnswerCache() answerCache {
	c, err := lru.New[string, []byte](answerCacheSize)
	if err != nil {
		panic(err) // only for a size < 1
	}
	return answerCache{c}
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

func (c answerCache) get(key string) ([]byte, bool) { return c.c.Get(key) }
func (c answerCache) put(key string, b []byte)      { c.c.Add(key, b) }
