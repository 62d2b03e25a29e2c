package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// CSVHeader is the first row of the actions CSV. The columns after owner
// repeat, on every row, the goal's competency (its level today, the claim
// when unverified, its judgement score, the role's target) and the planned
// role (readiness, the readiness claimed, fit, when its experience
// minimums are met at the earliest, the overall judgement), so that a
// spreadsheet can filter and pivot without joining tables.
var CSVHeader = []string{"goal", "competency", "step", "category", "action", "detail", "effort_hours", "duration_weeks", "start", "due", "evidence", "role", "person", "owner",
	"reach", "led_by", "goal_due", "level", "level_claimed", "judgement", "target", "readiness", "readiness_claimed", "fit", "blocked_until", "overall_judgement"}

// WriteCSV writes one row per planned action, for spreadsheets and HR
// tools. Cells that a spreadsheet would run as a formula are defused.
func WriteCSV(w io.Writer, p *assess.Plan) error {
	readiness, claimed := num(p.Role.Readiness), ""
	if c := p.Role.ReadinessClaimed; c != nil && *c > p.Role.Readiness {
		claimed = num(*c)
	}
	overall := ""
	if p.Judgement != nil {
		overall = num(p.Judgement.Score)
	}
	return writeCSVRows(w, CSVHeader, func(row func(...string) error) error {
		for _, g := range p.Goals {
			levelClaimed, judgement := "", ""
			if g.Unverified && g.Claimed != nil {
				levelClaimed = num(*g.Claimed)
			}
			if g.Judgement != nil {
				judgement = num(*g.Judgement)
			}
			for _, a := range g.Actions {
				if err := row(strconv.Itoa(g.N), g.Name, a.Step, string(a.Category), wording.ActionTitle(a), wording.ActionDetail(a),
					strconv.Itoa(a.EffortHours), strconv.Itoa(a.DurationWeeks), a.Start.String(), a.Due.String(),
					wording.ActionEvidence(a), p.Role.Title, p.Name, owner(p, g.Competency),
					string(a.Reach), a.LedBy, g.Due.String(), num(g.Current), levelClaimed, judgement, strconv.Itoa(g.Target),
					readiness, claimed, num(p.Role.Fit), dateOrEmpty(p.BlockedUntil()), overall); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// writeCSVRows writes a header and the rows a producer emits, every cell
// defused against formula injection: the one CSV path for plans and
// cohorts.
func writeCSVRows(w io.Writer, header []string, rows func(row func(...string) error) error) error {
	cw := csv.NewWriter(w)
	emit := func(cells ...string) error {
		for i := range cells {
			cells[i] = defuse(cells[i])
		}
		return cw.Write(cells)
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	if err := rows(emit); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// defuse prefixes a quote to cells starting with = + - @ so spreadsheet
// programs show them as text instead of running them (CSV injection).
func defuse(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}

// owner is the owner agreed in a mentor's gap review, if any.
func owner(p *assess.Plan, competency string) string {
	if p.Mentor == nil {
		return ""
	}
	for _, a := range p.Mentor.Agreed {
		if a.Competency == competency {
			return a.Owner
		}
	}
	return ""
}

// dateOrEmpty writes a date, or nothing when there is none.
func dateOrEmpty(d *assess.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}
