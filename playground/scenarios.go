package playground

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// bundled holds the example scenarios that ship with RaftLab: teachers copy
// them, lessons and share links load them by name.
//
//go:embed scenarios/*.json
var bundled embed.FS

// BundledScenarios lists the names of the bundled scenarios, sorted.
func BundledScenarios() []string {
	entries, _ := fs.ReadDir(bundled, "scenarios")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".json"))
	}
	slices.Sort(names)
	return names
}

// BundledScenarioFile returns the raw file of a bundled scenario.
func BundledScenarioFile(name string) ([]byte, error) {
	if name == "" || strings.ContainsAny(name, `/\.`) {
		return nil, i18n.Errorf("scenario.bundled.none", name)
	}
	data, err := bundled.ReadFile(path.Join("scenarios", name+".json"))
	if err != nil {
		return nil, i18n.Errorf("scenario.bundled.none.have", name, strings.Join(BundledScenarios(), ", "))
	}
	return data, nil
}

// LoadBundled parses a bundled scenario by name.
func LoadBundled(name string) (*view.Scenario, error) {
	data, err := BundledScenarioFile(name)
	if err != nil {
		return nil, err
	}
	sc, err := ParseScenario(data)
	if err != nil {
		return nil, i18n.Errorf("scenario.bundled.bad", name, err)
	}
	return sc, nil
}
