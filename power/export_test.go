package power

// Build exposes the uncached Index builder to the benchmarks: going through
// Recompute with fresh pointers would fill the cache and measure the GC.
var Build = build
