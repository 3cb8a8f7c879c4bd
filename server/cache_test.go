package server

import (
	"fmt"
	"testing"
)

// TestAnswerCacheBoundedByBytes: megabyte answers are dropped oldest first
// once the kept ones pass answerCacheBytes, however few they are; an
// answer over an eighth of the bound is not kept; hits and misses count.
func TestAnswerCacheBoundedByBytes(t *testing.T) {
	c := newAnswerCache()
	const mb = 1 << 20
	for i := range 200 {
		c.put(fmt.Sprint(i), make([]byte, mb))
		if held := c.bytes.Load(); held > answerCacheBytes {
			t.Fatalf("after %d answers of 1 MiB the cache holds %d bytes, over %d", i+1, held, answerCacheBytes)
		}
	}
	if n, want := c.c.Len(), answerCacheBytes/mb; n != want {
		t.Errorf("%d answers of 1 MiB kept, want %d", n, want)
	}
	if _, ok := c.get("199"); !ok {
		t.Error("the newest answer was dropped")
	}
	if _, ok := c.get("0"); ok {
		t.Error("the oldest answer is still kept")
	}
	c.put("big", make([]byte, answerCacheBytes/8+1))
	if _, ok := c.get("big"); ok {
		t.Error("an answer over an eighth of the bound was kept")
	}
	// Putting a kept key again changes nothing (no double count).
	before := c.bytes.Load()
	c.put("199", make([]byte, mb))
	if c.bytes.Load() != before {
		t.Errorf("a second put of a kept answer moved the count from %d to %d", before, c.bytes.Load())
	}
	if h, m := c.stats(); h != 1 || m != 2 {
		t.Errorf("stats: %d hits, %d misses; want 1 and 2", h, m)
	}
}
