package tui

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// TestFastStylesRenderAsLipgloss checks that every style of both palettes
// draws exactly what lipgloss draws, byte for byte, on the fast path and
// off it (a tab, a newline, several strings), and that the plain
// colour styles do take the fast path.
func TestFastStylesRenderAsLipgloss(t *testing.T) {
	texts := [][]string{{""}, {"a"}, {"two words"}, {"█░┃ · ● …"}, {"日本語 👩‍💻"}, {"tab\there"}, {"line\nbreak"}, {"cr\r\nlf"}, {"joined", "by", "spaces"}}
	for _, dark := range []bool{true, false} {
		s := buildStyles(dark)
		v := reflect.ValueOf(s).Elem()
		for i := 0; i < v.NumField(); i++ {
			st, ok := v.Field(i).Interface().(Style)
			if !ok {
				continue
			}
			name := v.Type().Field(i).Name
			if name != "Box" && !st.fast {
				t.Errorf("%s (dark %v) does not take the fast path", name, dark)
			}
			if name == "Box" && st.fast {
				t.Errorf("Box has a border and padding but takes the fast path")
			}
			for _, text := range texts {
				if got, want := st.Render(text...), st.Style.Render(text...); got != want {
					t.Errorf("%s (dark %v).Render(%q) = %q, lipgloss gives %q", name, dark, text, got, want)
				}
			}
		}
	}
	// A style with layout never takes the fast path.
	for _, st := range []lipgloss.Style{
		lipgloss.NewStyle().Width(10), lipgloss.NewStyle().Padding(0, 1), lipgloss.NewStyle().Underline(true),
		lipgloss.NewStyle().MaxWidth(3), lipgloss.NewStyle().Margin(1), lipgloss.NewStyle().Reverse(true),
	} {
		if newStyle(st).fast {
			t.Errorf("a style with layout took the fast path: %v", st)
		}
	}
}

// TestNewStylesIsShared checks that the styles are built once per
// background and handed out again, unchanged.
func TestNewStylesIsShared(t *testing.T) {
	dark, light := NewStyles(true), NewStyles(false)
	if NewStyles(true) != dark || NewStyles(false) != light || dark == light {
		t.Error("NewStyles does not return one copy per background")
	}
	if !NewStyles(true).IsDark || NewStyles(false).IsDark {
		t.Error("the cached styles mix up the backgrounds")
	}
}

// TestStartupProfileOnlyForStdout checks that the colour profile detected
// at start-up is reused only for the standard output and the process's
// own environment, where it is the same answer.
func TestStartupProfileOnlyForStdout(t *testing.T) {
	if _, ok := startupProfile(&bytes.Buffer{}, os.Environ()); ok {
		t.Error("reused the start-up profile for a buffer")
	}
	if _, ok := startupProfile(os.Stdout, append(os.Environ(), "COLORTERM=truecolor")); ok {
		t.Error("reused the start-up profile for another environment")
	}
	if p, ok := startupProfile(os.Stdout, os.Environ()); !ok || p != lipgloss.Writer.Profile {
		t.Errorf("did not reuse the start-up profile for stdout: %v %v", p, ok)
	}
}

// TestCompareLayoutFollowsWidthAndStyles checks that the compare screen's
// saved layout is laid out again when the width or the styles change.
func TestCompareLayoutFollowsWidthAndStyles(t *testing.T) {
	a := withPersona(t, 80, 24, Options{Previous: earlier(t)})
	a.send(resultsMsg{})
	a.press("c")
	if a.screen != screenCompare {
		t.Fatal("compare did not open")
	}
	narrow := strings.Join(a.compare().layout(60), "\n")
	wide := strings.Join(a.compare().layout(150), "\n")
	if narrow == wide || strings.Join(a.compare().lines(60), "\n") != narrow {
		t.Error("the layout did not follow the width")
	}
	dark := a.compare().layout(80)
	a.c.Styles = NewStyles(false)
	if light := a.compare().layout(80); strings.Join(light, "\n") == strings.Join(dark, "\n") {
		t.Error("the layout did not follow the styles")
	}
}
