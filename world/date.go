package world

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a civil date encoded as YYYYMMDD (so 2024-12-04 is 20241204).
// The encoding keeps dates ordered as integers, readable in a debugger and
// cheap to compare on the engines' hot paths. The zero Date is "no date":
// an unknown start or an open end, depending on the field.
type Date int32

// D builds a Date from year, month and day. It does not validate; use
// ParseDate for input from people.
func D(year, month, day int) Date { return Date(year*10000 + month*100 + day) }

// Year, Month and Day return the components of d.
func (d Date) Year() int  { return int(d) / 10000 }
func (d Date) Month() int { return int(d) / 100 % 100 }
func (d Date) Day() int   { return int(d) % 100 }

// IsZero reports whether d is the zero ("no date") value.
func (d Date) IsZero() bool { return d == 0 }

// String renders d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	y := d.Year()
	if y < 0 || y > 9999 {
		return fmt.Sprintf("%04d-%02d-%02d", y, d.Month(), d.Day())
	}
	// By hand: the engine writes dates into every fact of every chain, and
	// Sprintf was a sixth of an uncached scenario's time.
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + d.Month()/10), byte('0' + d.Month()%10), '-', byte('0' + d.Day()/10), byte('0' + d.Day()%10)}
	return string(b[:])
}

// Time converts d to a time.Time at midnight UTC.
func (d Date) Time() time.Time {
	return time.Date(d.Year(), time.Month(d.Month()), d.Day(), 0, 0, 0, 0, time.UTC)
}

// FromTime converts a time to a Date (its UTC calendar day).
func FromTime(t time.Time) Date {
	t = t.UTC()
	return D(t.Year(), int(t.Month()), t.Day())
}

// AddDays returns d moved by n days (n may be negative).
func (d Date) AddDays(n int) Date { return FromTime(d.Time().AddDate(0, 0, n)) }

// ParseDate reads YYYY-MM-DD (or YYYY for 1 January of that year) and checks
// that the day exists in the calendar.
func ParseDate(s string) (Date, error) {
	if len(s) == 4 {
		y, err := strconv.Atoi(s)
		if err != nil {
			return 0, fmt.Errorf("want a date YYYY-MM-DD, got %q", s)
		}
		return D(y, 1, 1), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("want a date YYYY-MM-DD, got %q", s)
	}
	return FromTime(t), nil
}

// Valid reports whether d names a real calendar day.
func (d Date) Valid() bool {
	if d.Month() < 1 || d.Month() > 12 || d.Day() < 1 {
		return false
	}
	return d.Time().Day() == d.Day()
}

// MarshalText and UnmarshalText let Date appear as YYYY-MM-DD in YAML, JSON
// and CSV.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = 0
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Spell is a closed interval of days [Start, End]. A zero End means the
// spell is still running; a zero Start means it began before records do.
type Spell struct {
	Start Date `json:"start" yaml:"start"`
	End   Date `json:"end,omitempty" yaml:"end,omitempty"`
}

// Contains reports whether day d falls inside the spell, both ends included
// (a treaty in force "on" its deposit day binds on that day).
func (s Spell) Contains(d Date) bool {
	return (s.Start == 0 || d >= s.Start) && (s.End == 0 || d <= s.End)
}

// Overlaps reports whether two spells share at least one day.
func (s Spell) Overlaps(o Spell) bool {
	startS, startO := s.Start, o.Start
	endS, endO := s.End, o.End
	if endS == 0 {
		endS = 99991231
	}
	if endO == 0 {
		endO = 99991231
	}
	return startS <= endO && startO <= endS
}

// InYear reports whether the spell covers at least one day of year y.
func (s Spell) InYear(y int) bool { return s.Overlaps(Spell{D(y, 1, 1), D(y, 12, 31)}) }
