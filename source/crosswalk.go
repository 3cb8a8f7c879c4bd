package source

import (
	"strings"

	"github.com/casus-dev/casus/world"
)

// countrycode crosswalk (R package countrycode 1.8.0): the static code list
// without CLDR names (codelist_without_cldr.csv, 292 rows, 72 columns) and a
// 9-column subset of the country-year panel
// (countrycode_codelist_panel_subset.csv). Empty cells mean "no code".

const citeCountrycode = "Arel-Bundock, Vincent, Nils Enevoldsen, and CJ Yetman. 2018. \"countrycode: An R package to convert country names and country codes.\" Journal of Open Source Software 3(28): 848."

var codelistHeader = strings.Split("ar5,cctld,continent,country.name.de,country.name.de.regex,country.name.en,country.name.en.regex,country.name.es,country.name.es.regex,country.name.fr,country.name.fr.regex,country.name.it,country.name.it.regex,cow.name,cowc,cown,currency,dhs,ecb,eu28,eurocontrol_pru,eurocontrol_statfor,eurostat,fao,fips,gaul,genc2c,genc3c,genc3n,gwc,gwn,icao.region,imf,ioc,iso.name.en,iso.name.fr,iso2c,iso3c,iso3n,iso4217c,iso4217n,p4.name,p4c,p4n,p5c,p5n,region,region23,telephone,un,un.name.ar,un.name.en,un.name.es,un.name.fr,un.name.ru,un.name.zh,un.region.code,un.region.name,un.regionintermediate.code,un.regionintermediate.name,un.regionsub.code,un.regionsub.name,unhcr,unhcr.region,unicode.symbol,unpd,vdem,vdem.name,wb,wb_api2c,wb_api3c,wvs", ",")

var codelistIndex = func() map[string]int {
	m := make(map[string]int, len(codelistHeader))
	for i, n := range codelistHeader {
		m[n] = i
	}
	return m
}()

// CodelistRow is one entity of the static crosswalk. Integer codes are
// MissingInt when the entity has none (Serbia has no cown; Yugoslavia, 345,
// has no iso3c).
type CodelistRow struct {
	Name       string // country.name.en
	Cown       int
	Cowc       string
	CowName    string
	GWN        int
	GWC        string
	ISO3, ISO2 string
	ISO3N      int
	other      []string
}

// Column returns any column of the code list by its countrycode name
// ("continent", "un.name.fr", …) and whether the column exists.
func (r *CodelistRow) Column(name string) (string, bool) {
	i, ok := codelistIndex[name]
	if !ok {
		return "", false
	}
	return r.other[i], true
}

// ReadCodelist reads codelist_without_cldr.csv.
func ReadCodelist(src Source) ([]CodelistRow, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseCodelist(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	return rows, in.dataset("countrycode code list", "1.8.0", len(rows), 0, 0, citeCountrycode), nil
}

func parseCodelist(file string, data []byte) ([]CodelistRow, error) {
	ix := codelistIndex
	var rows []CodelistRow
	err := parseAll(file, data, codelistHeader, func(s *scanner) error {
		other := make([]string, len(s.fields))
		for i, f := range s.fields {
			other[i] = string(f)
		}
		r := CodelistRow{
			Name:    s.nonEmpty(ix["country.name.en"]),
			Cown:    s.intOrBlank(ix["cown"], 2, 999),
			Cowc:    s.text(ix["cowc"]),
			CowName: s.text(ix["cow.name"]),
			GWN:     s.intOrBlank(ix["gwn"], 2, 999),
			GWC:     s.text(ix["gwc"]),
			ISO3:    upperCode(s, ix["iso3c"], 3),
			ISO2:    upperCode(s, ix["iso2c"], 2),
			ISO3N:   s.intOrBlank(ix["iso3n"], 1, 999),
			other:   other,
		}
		if s.err == nil && (r.Cown == MissingInt) != (r.Cowc == "") {
			s.fail(ix["cowc"], "a COW letter code exactly when cown is set")
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// upperCode reads an ISO letter code of n upper-case letters, or blank.
func upperCode(s *scanner, i, n int) string {
	f := s.fields[i]
	if len(f) == 0 {
		return ""
	}
	ok := len(f) == n
	for _, c := range f {
		ok = ok && c >= 'A' && c <= 'Z'
	}
	if !ok {
		if n == 3 {
			s.fail(i, "three capital letters or blank")
		} else {
			s.fail(i, "two capital letters or blank")
		}
		return ""
	}
	return s.text(i)
}

var panelHeader = []string{"country.name.en", "year", "cown", "cowc", "gwn", "gwc", "iso3c", "iso3n", "iso2c"}

// CountryYearCodes is one row of the panel subset: an entity's codes in a
// year (codes change over time: Germany is 260/GFR in 1960, 255/GMY in 1995).
type CountryYearCodes struct {
	Name       string
	Year       int
	Cown       int // MissingInt when none that year
	Cowc       string
	GWN        int
	GWC        string
	ISO3, ISO2 string
	ISO3N      int
}

// ReadCodelistPanel reads countrycode_codelist_panel_subset.csv.
func ReadCodelistPanel(src Source) ([]CountryYearCodes, world.Dataset, error) {
	in, err := src.read()
	if err != nil {
		return nil, world.Dataset{}, err
	}
	rows, err := parseCodelistPanel(in.base, in.data)
	if err != nil {
		return nil, world.Dataset{}, err
	}
	var ys yearSpan
	for i := range rows {
		ys.add(rows[i].Year)
	}
	return rows, in.dataset("countrycode country-year panel (subset)", "1.8.0", len(rows), ys.first, ys.last, citeCountrycode), nil
}

func parseCodelistPanel(file string, data []byte) ([]CountryYearCodes, error) {
	rows := make([]CountryYearCodes, 0, len(data)/40+16)
	err := parseAll(file, data, panelHeader, func(s *scanner) error {
		rows = append(rows, CountryYearCodes{
			Name: s.nonEmpty(0), Year: s.intIn(1, 1700, 2100),
			Cown: s.intOrBlank(2, 2, 999), Cowc: s.text(3),
			GWN: s.intOrBlank(4, 2, 999), GWC: s.text(5),
			ISO3: upperCode(s, 6, 3), ISO3N: s.intOrBlank(7, 1, 999), ISO2: upperCode(s, 8, 2),
		})
		return nil
	})
	return rows, err
}
