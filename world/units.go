package world

// ComponentUnits gives the unit of each NMC component, in ComponentNames
// order, as the NMC codebook states them: every figure is in thousands.
var ComponentUnits = [6]string{
	"thousands of current US$",
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
