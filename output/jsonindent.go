package output

import (
	"encoding/json"
	"io"
)

// MarshalJSON encodes v as every casus interface writes JSON — the bytes
// of a json.Encoder with SetIndent("", "  "): HTML-escaped, two-space
// indent, one trailing newline — so the CLI's and the API's answers are
// byte for byte the same.
//
// It indents json.Marshal's compact output itself instead of calling
// json.Indent: Marshal's output is valid by construction, so the
// indenter need not re-validate it with json's scanner, which took a
// fifth of an uncached scenario answer's time. TestMarshalJSONMatchesEncoder
// holds the bytes equal to the encoder's.
func MarshalJSON(v any) ([]byte, error) {
	compact, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return indentCompact(make([]byte, 0, len(compact)+len(compact)/2), compact), nil
}

// WriteJSON writes v as MarshalJSON encodes it.
func WriteJSON(w io.Writer, v any) error {
	b, err := MarshalJSON(v)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// indentCompact appends src — compact, valid JSON as json.Marshal writes
// it (no whitespace outside strings) — to dst with a two-space indent,
// the layout json.Indent(dst, src, "", "  ") gives, and a final newline.
// An empty object or array stays "{}" or "[]", as json.Indent keeps it.
func indentCompact(dst, src []byte) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// Copy the string whole; a backslash escapes the next byte.
			j := i + 1
			for ; j < len(src) && src[j] != '"'; j++ {
				if src[j] == '\\' {
					j++
				}
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '\n')
}
