package tomlpos

import "testing"

const doc = `# comment
schema = 1

[[role]]
id = "a"
targets = [
  { competency = "x", level = 3, weight = 2 },
  { competency = "y", level = 4, weight = 1 },
]
experience = { years_security = 5 }

[[role]]
id = "b" # second
summary = """
multi [[line]]
id = "not a key"
"""
leads_to = ["a"]

[[question]]
id = "q1"
measures = { risk = 1, "board-comms" = 2 }
  [[question.option]]
  level = 0
  text = "it's [fine]"
  [[question.option]]
  level = 1

[[question]]
id = "q2"
  [[question.option]]
  levels = { risk = 3 }

[role.extra]
k = 1
`

func TestScan(t *testing.T) {
	ix := Scan(doc)
	cases := map[string]Pos{
		"schema":                            {2, 1},
		"role[0]":                           {4, 1},
		"role[0].id":                        {5, 1},
		"role[0].targets":                   {6, 1},
		"role[0].targets[0]":                {7, 3},
		"role[0].targets[1]":                {8, 3},
		"role[0].targets[1].level":          {8, 23},
		"role[0].experience.years_security": {10, 16},
		"role[1]":                           {12, 1},
		"role[1].id":                        {13, 1},
		"role[1].leads_to":                  {18, 1},
		"question[0].measures.risk":         {22, 14},
		"question[0].measures.board-comms":  {22, 24},
		"question[0].option[0]":             {23, 3},
		"question[0].option[0].text":        {25, 3},
		"question[0].option[1].level":       {27, 3},
		"question[1].option[0]":             {31, 3},
		"question[1].option[0].levels.risk": {32, 14},
		"role[1].extra.k":                   {35, 1},
	}
	for path, want := range cases {
		got, ok := ix.Lookup(path)
		if !ok || got != want {
			t.Errorf("%s: got %v (found %v), want %v", path, got, ok, want)
		}
	}
	if _, ok := ix.Lookup("role[1].summary.id"); ok {
		t.Errorf("a key inside a multi-line string was indexed")
	}
	if got := ix.Plain("question.option.level"); len(got) != 2 {
		t.Errorf("plain question.option.level: got %v, want 2 positions", got)
	}
	kids := ix.Children("question[0]")
	if kids["measures.risk"].Line != 22 || kids["id"].Line != 21 {
		t.Errorf("children: %v", kids)
	}
}

func FuzzScan(f *testing.F) {
	f.Add(doc)
	f.Add("[[a.b]]\n[a\nx = {y = [1, {z = 2}]\n'''\n")
	f.Fuzz(func(t *testing.T, s string) {
		_ = Scan(s)
	})
}
