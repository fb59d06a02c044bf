"""The printable dictionary's stylesheet, inlined into the page so that the file needs nothing else.

Black on white, a serif face the reader already has, two columns from a
reasonable width (and on paper), no entry split across a column or a page,
no letter heading left alone at the bottom of one.
"""

from __future__ import annotations

STYLE = """\
@page { size: A4; margin: 16mm 14mm 18mm; }
:root { color: #000; background: #fff; }
body { margin: 0 auto; max-width: 64rem; padding: 1rem 1.25rem 2rem; line-height: 1.35;
  font: 11pt/1.35 "Noto Serif", "DejaVu Serif", "PT Serif", Georgia, "Times New Roman", serif; }
a { color: inherit; }
header { border-bottom: 2pt solid #000; margin-bottom: .75rem; }
h1 { font-size: 1.9em; margin: 0 0 .1em; line-height: 1.15; }
.subtitle { margin: 0; font-variant: small-caps; letter-spacing: .04em; }
.description { margin: .4em 0; font-style: italic; }
.meta { margin: .4em 0; font-size: .9em; }
nav.letters ul { list-style: none; margin: .5em 0 .75em; padding: 0; display: flex; flex-wrap: wrap; gap: .15em .55em; }
nav.letters a { font-weight: 700; text-decoration: none; font-size: 1.1em; }
nav.letters .unused { color: #888; font-size: 1.1em; }
section.letter > h2, section.sources > h2 { font-size: 1.7em; margin: .9em 0 .3em; padding-bottom: .1em;
  border-bottom: 1pt solid #000; break-after: avoid; page-break-after: avoid; }
.entries { columns: 2 20rem; column-gap: 2rem; column-rule: .5pt solid #999; }
.entry { break-inside: avoid; page-break-inside: avoid; margin: 0 0 .65em; }
.headword { font-size: 1.08em; margin: 0; }
.variants, .entry p { margin: .1em 0; }
.equivalents { margin: .15em 0; }
.equivalents div { display: flex; gap: .4em; align-items: baseline; }
.equivalents dt { font-style: italic; flex: none; }
.equivalents dt::after { content: ":"; }
.equivalents dd { margin: 0; }
.status { font-variant: small-caps; font-size: .9em; }
.definition .label { font-weight: 700; }
.definition .in { font-style: italic; }
.definition .text { white-space: pre-line; }
.source { font-size: .88em; }
.source a { text-decoration: none; }
.locator { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; }
.reference .term { font-weight: 700; }
.reference .see { font-style: italic; }
.sources ul { padding-left: 1.25em; }
.sources li { margin: .2em 0; break-inside: avoid; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav.letters a { text-decoration: none; }
  .sources a[href^="http"]::after { content: ""; }
}
"""
