package world

// ComponentUnits gives the unit of each NMC component, in ComponentNames
// order, as the NMC codebook states them: every figure is in thousands,
// and milex is in British pounds before 1914 (ComponentUnit gives a
// year's).
var ComponentUnits = [6]string{
	"thousands of current US$ (British £ before 1914)",
	"thousands of personnel",
	"thousands of tons",
	"thousands of coal-ton equivalents",
	"thousands of people",
	"thousands of people",
}

// ComponentMeanings says what each NMC component measures, in
// ComponentNames order.
var ComponentMeanings = [6]string{
	"military expenditure",
	"military personnel",
	"iron and steel production",
	"primary energy consumption",
	"total population",
	"urban population (cities of 100,000 or more)",
}

// ComponentUnit is the unit of component i (ComponentNames order) in a data
// year: NMC gives military expenditure in current British pounds before
// 1914 and in current US dollars from 1914 on.
func ComponentUnit(i, year int) string {
	if i == 0 {
		if year < 1914 {
			return "thousands of current British £"
		}
		return "thousands of current US$"
	}
	return ComponentUnits[i]
}
