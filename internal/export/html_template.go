package export

import (
	"html/template"
	"sync"
)

// htmlPage is the parsed page, parsed on first use: parsing at package
// initialisation cost every command, the interface's start-up included,
// a quarter of a millisecond.
var htmlPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("plan").Parse(htmlTemplate))
})

const htmlTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="generator" content="secpath" />
<title>{{.Title}}</title>
<style>
:root {
  --fg: #1c2128; --muted: #4d5761; --line: #c9d1d9; --soft: #f3f5f7; --page: #ffffff;
  --accent: #1f5faa; --you: #1f5faa; --target: #b34d00; --long: #6b3fa0; --role: #6e7781;
  --warn: #8a5a00; --warn-bg: #fff7e0; --held: #1a7f37; --meets: #1f5faa; --notyet: #9a4a00;
  color-scheme: light;
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #a4afba; --line: #3d444d; --soft: #161b22; --page: #0d1117;
    --accent: #6cb6ff; --you: #6cb6ff; --target: #f0a050; --long: #c39bff; --role: #9aa5b1;
    --warn: #e3b341; --warn-bg: #2b2111; --held: #56d364; --meets: #6cb6ff; --notyet: #f0a050;
    color-scheme: dark;
  }
}
* { box-sizing: border-box; }
html { background: var(--page); }
body {
  margin: 0 auto; max-width: 900px; padding: 28px 24px 48px;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif;
  color: var(--fg); background: var(--page);
}
h1 { font-size: 1.75em; line-height: 1.2; margin: 0 0 .7em; }
h2 { font-size: 1.3em; line-height: 1.25; margin: 1.9em 0 .6em; padding-bottom: .25em; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.08em; line-height: 1.3; margin: 1.3em 0 .4em; }
p, ul, dl { margin: .5em 0; }
ul { padding-left: 1.3em; }
li { margin: .2em 0; }
time { font-variant-numeric: tabular-nums; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: .88em; }
th, td { border: 1px solid var(--line); padding: .35em .5em; text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; }
td.nowrap, th.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.summary { width: auto; min-width: 60%; font-size: .95em; }
table.summary th { background: var(--soft); width: 11em; white-space: nowrap; }
table.summary .note { color: var(--muted); }
td ul { margin: 0; padding-left: 1.1em; }
.whatif { border: 1px solid var(--warn); border-left-width: 5px; background: var(--warn-bg); padding: .6em .9em; margin: 1em 0; }
.whatif strong { color: var(--warn); }
.charts figure { margin: 1.4em 0; }
figure svg { display: block; width: 100%; height: auto; margin: 0 auto; }
figure.radar-fig svg { max-width: 820px; }
figure.placement-fig svg { max-width: 760px; }
figcaption { font-size: .85em; color: var(--muted); text-align: center; margin-top: .3em; }
.chart text { fill: var(--fg); font-size: 11px; }
.chart.radar text { font-size: 12px; }
.chart .ticks text { fill: var(--muted); font-size: 10px; paint-order: stroke; stroke: var(--page); stroke-width: 3px; stroke-linejoin: round; }
.chart .legend text { font-size: 12px; }
.chart .axis-title { font-size: 12px; font-weight: 600; }
.chart .grid path, .chart .grid line { fill: none; stroke: var(--line); stroke-width: 1; }
.chart .grid .outer { stroke: var(--muted); }
.chart .spokes line { stroke: var(--line); stroke-width: 1; }
.chart .axes line { stroke: var(--muted); stroke-width: 1.2; }
.chart .leaders line { stroke: var(--muted); stroke-width: .8; }
.chart polygon.you, .chart rect.you { fill: var(--you); fill-opacity: .16; stroke: var(--you); stroke-width: 2; stroke-linejoin: round; }
.chart .dots circle { fill: var(--you); }
.chart polygon.target { fill: none; stroke: var(--target); stroke-width: 2; stroke-dasharray: 6 4; stroke-linejoin: round; }
.chart line.target { stroke: var(--target); stroke-width: 2; stroke-dasharray: 6 4; }
.chart circle.you { fill: var(--you); stroke: var(--page); stroke-width: 1.5; }
.chart .plan { fill: var(--target); stroke: var(--page); stroke-width: 1; }
.chart .long { fill: var(--long); stroke: var(--page); stroke-width: 1; }
.chart circle.role { fill: var(--page); stroke: var(--role); stroke-width: 1.6; }
.chart .label-bg { fill: var(--page); fill-opacity: .85; }
.chart .label { paint-order: stroke; stroke: var(--page); stroke-width: 3px; stroke-linejoin: round; }
.chart.placement .label { font-size: 11.5px; }
.chart .label.strong { font-weight: 700; }
.chart .label.you { fill: var(--you); }
.chart .label.plan { fill: var(--target); }
.chart .label.long { fill: var(--long); }
.goal { border: 1px solid var(--line); border-radius: 6px; padding: .1em 1em .4em; margin: 1em 0 1.2em; }
.goal h3 { margin-top: .7em; }
.goal h3 .step { color: var(--muted); font-weight: 600; white-space: nowrap; }
.goal .statement { font-weight: 500; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25em .9em; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table.balance { width: auto; min-width: 55%; }
.bar { display: block; width: 9em; }
.bar span { display: block; border-top: .7em solid var(--accent); }
.phase h3 .dates { color: var(--muted); font-weight: 400; font-size: .9em; }
.phase ul time { font-weight: 600; }
.cert { border-left: 3px solid var(--line); padding: .1em 0 .1em .9em; margin: 1em 0; }
.cert p { margin: .25em 0; }
.status { display: inline-block; padding: 0 .45em; border: 1px solid currentColor; border-radius: 3px; font-size: .82em; font-weight: 600; }
.status-held { color: var(--held); }
.status-meets-rule { color: var(--meets); }
.status-not-yet { color: var(--notyet); }
.kind { color: var(--muted); }
.muted { color: var(--muted); }
footer { margin-top: 2.2em; padding-top: .6em; border-top: 1px solid var(--line); color: var(--muted); font-size: .85em; }
.print-only { display: none; }
.dates { color: var(--muted); font-weight: 400; font-size: .9em; }
table.gaps { width: auto; min-width: 70%; }
header h2 { margin-top: 1.3em; }
#next-90-days ul time { font-weight: 600; }
.goal .meta { margin: .3em 0; }
.goal .meta span { margin-right: 1.2em; white-space: nowrap; }
.goal .meta span:last-child { margin-right: 0; }
table.actions td.dates { color: var(--fg); font-size: 1em; }
table.actions .evidence { color: var(--muted); }
@media screen and (min-width: 760px) {
  .certs { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.4em; }
}
@page { size: A4; margin: 10mm 11mm 11mm 11mm; }
@media print {
  :root { --fg: #000000; --muted: #3b3b3b; --line: #9a9a9a; --soft: transparent; --page: #ffffff; --warn-bg: transparent; --warn: #5c3c00; }
  html, body { background: none; }
  body { max-width: none; padding: 0; font-size: 8.5pt; line-height: 1.25; }
  h1 { font-size: 16pt; margin-bottom: .4em; }
  h2 { font-size: 12pt; margin: .8em 0 .3em; padding-bottom: .1em; border-bottom-width: 1px; }
  h3 { font-size: 9.5pt; margin: .7em 0 .2em; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  p, ul, dl { margin: .3em 0; }
  li { margin: .05em 0; }
  p, li { orphans: 3; widows: 3; }
  .print-only { display: block; }
  /* The first page reads alone: who, the role, readiness, the gaps and
     the next 90 days, before any detail; the detail flows on after it
     without a forced page break, so no page is left half empty. */
  header { border-bottom: 1px solid var(--line); padding-bottom: .5em; }
  header h2 { margin-top: .9em; }
  .goal, .cert, .phase, figure, tr, .whatif, .keep, dl.facts, .goal .meta { break-inside: avoid; page-break-inside: avoid; }
  table.long, table.actions, table.gaps { break-inside: auto; page-break-inside: auto; }
  thead { display: table-header-group; }
  thead th, table.summary th { background: none; }
  .goal { border: 0; border-left: 2px solid #9a9a9a; border-radius: 0; padding: 0 0 0 .6em; margin: .5em 0 .6em; break-inside: auto; page-break-inside: auto; }
  .goal h3 { margin-top: 0; }
  .goal .statement { margin: .15em 0; }
  .goal .meta { font-size: 8.5pt; margin: .15em 0; }
  dl.facts { font-size: 8.5pt; gap: 0 .7em; margin: .15em 0; }
  table { font-size: 7.3pt; margin: .3em 0 .4em; }
  th, td { padding: .1em .3em; }
  table.summary { font-size: 9pt; min-width: 0; }
  table.summary th { width: auto; }
  table.gaps { font-size: 8.5pt; min-width: 0; }
  .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 0 4mm; align-items: start; }
  .charts figure { margin: .2em 0; }
  figure svg { max-height: 70mm; }
  figcaption { font-size: 7.5pt; }
  #timeline { display: none; }
  #time-to-readiness { break-inside: auto; page-break-inside: auto; }
  #time-to-readiness ul { columns: 2; column-gap: 6mm; font-size: 8pt; }
  #time-to-readiness li { break-inside: avoid; page-break-inside: avoid; }
  #check-ins table.checkins { display: none; }
  ul.checkins-brief { columns: 2; column-gap: 6mm; font-size: 7.3pt; line-height: 1.15; padding-left: 0; list-style: none; }
  ul.checkins-brief li { break-inside: avoid; page-break-inside: avoid; margin: 0 0 .15em; }
  .certs { display: block; columns: 2; column-gap: 5mm; font-size: 8pt; line-height: 1.2; }
  .cert:first-child { margin-top: 0; }
  .cert { margin: .3em 0; }
  .cert p { margin: .1em 0; }
  .cert p.study { display: inline; margin: 0; }
  .cert ul.study { display: inline; padding: 0; margin: 0; }
  .cert ul.study li { display: inline; }
  .cert ul.study li:not(:last-child)::after { content: ";"; }
  .cert ul.study li:last-child::after { content: "."; }
  table.checkins { font-size: 7.5pt; }
  td ul { padding-left: .9em; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: none; }
  footer { break-inside: avoid; break-before: avoid; page-break-before: avoid; margin-top: .4em; padding-top: .2em; font-size: 7pt; }
  footer p { margin: 0; }
}
section#mentor table.signoff td.line { border-bottom: 1px solid #444; min-width: 12em; }
</style>
</head>
<body>
<header>
<h1>{{.Heading}}</h1>
<table class="summary">
<tbody>
{{- range .Summary}}
<tr><th scope="row">{{.Label}}</th><td>{{if .Strong}}<strong>{{.Value}}</strong>{{else}}{{.Value}}{{end}}{{with .Note}} <span class="note">({{.}})</span>{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- with .Assumed}}
<div class="whatif" role="note"><p><strong>{{$.Words.WhatIf}}</strong> {{.}}</p></div>
{{- end}}
{{- if .TopGaps}}
<section id="top-gaps" class="keep">
<h2>Top gaps</h2>
<table class="gaps">
<thead><tr><th class="num">Goal</th><th>Competency</th><th class="num">Now</th><th class="num">Target</th><th class="num">Priority</th><th class="nowrap">First step due</th></tr></thead>
<tbody>
{{- range .TopGaps}}
<tr><td class="num"><a href="#goal-{{.N}}">{{.N}}</a></td><td>{{.Name}}</td><td class="num">{{.Now}}</td><td class="num">{{.Target}}</td><td class="num">{{.Priority}}</td><td class="nowrap"><time datetime="{{.Due}}">{{.Due}}</time></td></tr>
{{- end}}
</tbody>
</table>
</section>
{{- end}}
{{- if .Blockers}}
<div class="keep" id="not-yet-met">
<p><strong>{{$.Words.NotYetMet}}</strong> {{$.Words.NotYetMetNote}}</p>
<ul>
{{- range .Blockers}}
<li>{{.}}</li>
{{- end}}
</ul>
</div>
{{- end}}
{{- with .Next90}}
<section id="next-90-days" class="keep">
<h2>Next 90 days <span class="dates">(<time datetime="{{.From}}">{{.From}}</time> to <time datetime="{{.To}}">{{.To}}</time>)</span></h2>
<ul>
{{- range .Items}}
<li>{{with .Date}}<time datetime="{{.}}">{{.}}</time>: {{end}}{{.Text}}</li>
{{- else}}
<li>{{$.Words.NothingDated}}</li>
{{- end}}
</ul>
</section>
{{- end}}
</header>
<main>
<section id="where-you-stand">
<h2>Where you stand</h2>
<ul>
{{- range .Rationale}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- with .Strengths}}
<p><strong>{{$.Words.Strengths}}</strong> {{.}}.</p>
{{- end}}
{{- if or .Radar .Placement}}
<div class="charts">
{{- if .Placement}}
<figure class="placement-fig">
{{.Placement}}
<figcaption>{{.PlaceNote}}</figcaption>
</figure>
{{- end}}
{{- if .Radar}}
<figure class="radar-fig">
{{.Radar}}
<figcaption>{{.RadarNote}}</figcaption>
</figure>
{{- end}}
</div>
{{- end}}
</section>
<section id="goals">
<h2>Goals</h2>
<p class="print-only muted">Each goal's table dates its actions, and each goal gives its due date and the steps after it; the first 90 days are on the first page, so the printed plan leaves out the timeline that the page on screen shows.</p>
{{- if not .Goals}}
<p>{{.Words.AllMet}}</p>
{{- end}}
{{- range .Goals}}
<section class="goal" id="goal-{{.N}}">
<h3>{{.N}}. {{.Name}}: <span class="step">{{.Step}}</span></h3>
<p class="statement">{{.Statement}}</p>
<p class="meta"><span><strong>Level today</strong> {{.Level}}; judgement {{.Judgement}}</span> <span><strong>Priority</strong> {{.Priority}}</span> <span><strong>Due</strong> <time datetime="{{.Day}}">{{.Due}}</time></span></p>
<dl class="facts">
{{- with .Then}}
<dt>Then</dt><dd>{{.}}</dd>
{{- end}}
{{- with .Target}}
<dt>Target</dt><dd>{{.}}</dd>
{{- end}}
<dt>Done when</dt><dd>{{.Measure}}</dd>
<dt>Next level looks like</dt><dd>{{.Next}}</dd>
</dl>
{{- if .Actions}}
<table class="actions">
<thead><tr><th class="nowrap">Dates</th><th class="nowrap">Step</th><th>Type</th><th>Action and its evidence</th><th class="nowrap">Effort</th></tr></thead>
<tbody>
{{- range .Actions}}
<tr><td class="nowrap dates"><time datetime="{{.Start}}">{{.Start}}</time><br />to <time datetime="{{.Due}}">{{.Due}}</time></td><td class="nowrap">{{.Step}}</td><td>{{.Category}}</td><td>{{.Title}}{{with .LedBy}} <span class="muted">({{.}})</span>{{end}}<br /><span class="evidence">Evidence: {{.Evidence}}</span></td><td class="nowrap">{{.Effort}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
</section>
{{- end}}
{{- if .Balance}}
<div class="keep" id="balance">
<h3>70-20-10 balance</h3>
<table class="balance">
<thead><tr><th>Type</th><th class="num">Actions</th><th class="num">Hours</th><th class="num">Share</th><th><span class="muted">of the hours</span></th></tr></thead>
<tbody>
{{- range .Balance}}
<tr><td>{{.Category}}</td><td class="num">{{.Actions}}</td><td class="num">{{.Hours}}</td><td class="num">{{.Percent}}</td><td><span class="bar"><span style="width: {{.Width}}%"></span></span></td></tr>
{{- end}}
</tbody>
</table>
</div>
{{- end}}
</section>
<section id="timeline">
<h2>Timeline</h2>
{{- range .Timeline}}
<div class="phase">
<h3>{{.Name}} <span class="dates">(<time datetime="{{.From}}">{{.From}}</time> to <time datetime="{{.To}}">{{.To}}</time>)</span></h3>
<ul>
{{- range .Items}}
<li>{{with .Date}}<time datetime="{{.}}">{{.}}</time>: {{end}}{{.Text}}</li>
{{- else}}
<li>{{$.Words.NothingDated}}</li>
{{- end}}
</ul>
</div>
{{- end}}
</section>
<section id="certifications">
<h2>Certifications</h2>
<p>{{.Words.CertsChecked}}</p>
{{- if not .Certs}}
<p>{{.Words.NoCerts}}</p>
{{- end}}
<div class="certs">
{{- range .Certs}}
<div class="cert">
<p><strong>{{.Abbr}}</strong> ({{.Body}}) <span class="status status-{{.Status}}">{{.StatusText}}</span></p>
<p>{{.Why}}</p>
<p>{{.Message}}</p>
{{- with .Checked}}
<p class="muted">{{.}}</p>
{{- end}}
{{- with .From}}
<p>{{.}}</p>
{{- end}}
{{- if .Study}}
<p class="study">{{$.Words.StudyFirst}}</p>
<ul class="study">
{{- range .Study}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
</div>
{{- end}}
</div>
</section>
<section id="check-ins">
<h2>Check-ins</h2>
<table class="long checkins">
<thead><tr><th class="nowrap">Date</th><th>Kind</th><th>Review</th></tr></thead>
<tbody>
{{- range .CheckIns}}
<tr><td class="nowrap"><time datetime="{{.Date}}">{{.Date}}</time></td><td class="kind">{{.Kind}}</td><td>{{if eq (len .Review) 1}}{{index .Review 0}}{{else}}<ul>{{range .Review}}<li>{{.}}</li>{{end}}</ul>{{end}}</td></tr>
{{- end}}
</tbody>
</table>
<ul class="checkins-brief print-only">
{{- range .CheckIns}}
<li><time datetime="{{.Date}}">{{.Date}}</time> <span class="kind">({{.Kind}})</span>: {{range $i, $b := .Brief}}{{if $i}} {{end}}{{$b}}{{end}}</li>
{{- end}}
</ul>
</section>
{{- with .Mentor}}
<section id="mentor">
<h2>Reviewed with {{.Name}}</h2>
{{- if .Agreed}}
<h3>Agreed on the gaps</h3>
<table>
<thead><tr><th>Priority</th><th>Gap</th><th>Matters</th><th>Owner</th><th class="nowrap">Due</th><th class="nowrap">Next check-in</th><th>Agreed action</th><th>Notes</th></tr></thead>
<tbody>
{{- range .Agreed}}
<tr><td>{{.Priority}}</td><td>{{.Name}}</td><td>{{.Matters}}</td><td>{{.Owner}}</td><td class="nowrap">{{.Due}}</td><td class="nowrap">{{.CheckIn}}</td><td>{{.Action}}</td><td>{{.Notes}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- if .Differences}}
<h3>Where the two views differ by a level or more</h3>
<ul>
{{- range .Differences}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
{{- if .Notes}}
<h3>Mentor's notes</h3>
<ul>
{{- range .Notes}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
<h3>Sign-off</h3>
{{- if .Signed}}
<p class="signoff">Agreed by {{.Mentee}} (mentee) and {{.Mentor}} (mentor) on <time datetime="{{.Date}}">{{.Date}}</time>.</p>
{{- else}}
<table class="signoff">
<tbody>
<tr><th>Mentee</th><td>{{.Mentee}}</td><th>Signature</th><td class="line"></td></tr>
<tr><th>Mentor</th><td>{{.Mentor}}</td><th>Signature</th><td class="line"></td></tr>
<tr><th>Date</th><td>{{.Date}}</td><td></td><td></td></tr>
</tbody>
</table>
{{- end}}
</section>
{{- end}}
<section id="time-to-readiness" class="keep">
<h2>Time to readiness</h2>
{{- if .ReadyNow}}
<p><strong>Ready now</strong> for {{.RoleTitle}} on competencies:</p>
{{- else}}
<p>About <strong>{{.Estimate}}</strong> for {{.RoleTitle}}, assuming:</p>
{{- end}}
<ul>
{{- range .EstAssumes}}
<li>{{.}}</li>
{{- end}}
</ul>
</section>
</main>
<footer>
<p>{{.Words.WrittenFor}}</p>
</footer>
</body>
</html>
`
