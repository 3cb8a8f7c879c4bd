package server

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestOpenAPIMatchesRoutes walks the router and the OpenAPI document: a
// route the document lacks, or a documented operation no route serves,
// fails. Every $ref must resolve.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q, want 3.x", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			switch method {
			case "get", "put", "post", "delete", "patch", "head", "options":
				documented[strings.ToUpper(method)+" "+path] = true
			}
		}
	}
	s := New(Options{World: nil})
	served := map[string]bool{}
	for _, r := range s.Routes() {
		served[r] = true
	}
	var missing, extra []string
	for r := range served {
		if !documented[r] {
			missing = append(missing, r)
		}
	}
	for r := range documented {
		if !served[r] {
			extra = append(extra, r)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 {
		t.Errorf("routes the OpenAPI document lacks: %v", missing)
	}
	if len(extra) > 0 {
		t.Errorf("documented operations no route serves: %v", extra)
	}
	if len(served) < 5 {
		t.Errorf("only %d routes: %v", len(served), s.Routes())
	}

	var all any
	json.Unmarshal(openapiJSON, &all)
	var walk func(v any, at string)
	walk = func(v any, at string) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if k == "$ref" {
					if err := resolveRef(all, x.(string)); err != nil {
						t.Errorf("%s: %v", at, err)
					}
					continue
				}
				walk(x, at+"/"+k)
			}
		case []any:
			for i, x := range v {
				walk(x, fmt.Sprintf("%s/%d", at, i))
			}
		}
	}
	walk(all, "#")
}

func resolveRef(doc any, ref string) error {
	if !strings.HasPrefix(ref, "#/") {
		return fmt.Errorf("ref %q is not local", ref)
	}
	v := doc
	for _, part := range strings.Split(ref[2:], "/") {
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("ref %q: %q is not an object", ref, part)
		}
		if v, ok = m[part]; !ok {
			return fmt.Errorf("ref %q: no %q", ref, part)
		}
	}
	return nil
}
