"""Writing the report: paragraph templates rendered with the figures of the records
(``fazhi.core.figures.collect``), assembled into the report's sections.

The template syntax is described in ``outline.py``. A figure the platform lacks is never
invented: its sentence is replaced by one saying the data is not available from the platform."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from fazhi.core import figures as core_figures

from . import outline
from .checker import int_to_cn

PLACEHOLDER_RE = re.compile(r"\{([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)?)\}")
CONDITION_RE = re.compile(r"^\s*\[([a-z_][a-z0-9_]*\.[a-z0-9_]+)\s*(=|!=|>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\]")
BUILTINS = ("year", "next_year", "town")
NOT_AVAILABLE = "{label}数据暂未能从平台取得。"


def format_value(value) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return str(value)


def _compare(actual, op, expected) -> bool:
    try:
        a, b = float(actual), float(expected)
    except (TypeError, ValueError):
        return False  # a condition on a figure that is not a number never holds
    return {"=": a == b, "!=": a != b, ">": a > b, "<": a < b, ">=": a >= b, "<=": a <= b}[op]


def figure_url(name: str) -> str:
    """The staff page of the module behind a figure, when that module is installed."""
    app = name.split(".", 1)[0]
    try:
        return reverse(f"{app}:index")
    except NoReverseMatch:
        return ""


@dataclass
class Sentence:
    text: str
    figures: list[str] = field(default_factory=list)
    available: bool = True

    @property
    def url(self) -> str:
        for name in self.figures:
            url = figure_url(name)
            if url:
                return url
        return ""


def split_sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=。)", text)
    return [p for p in parts if p.strip()]


def template_figures(text: str) -> list[str]:
    names = []
    for sentence in split_sentences(text):
        rest = sentence
        while m := CONDITION_RE.match(rest):
            names.append(m[1])
            rest = rest[m.end():]
        names += [n for n in PLACEHOLDER_RE.findall(rest) if n not in BUILTINS]
    return list(dict.fromkeys(names))


def render_template(text: str, figures: dict, *, year: int, town_name: str) -> list[Sentence]:
    builtins = {"year": str(year), "next_year": str(year + 1), "town": town_name}
    out: list[Sentence] = []
    reported: set[str] = set()
    for raw in split_sentences(text):
        rest, conditions = raw, []
        while m := CONDITION_RE.match(rest):
            conditions.append((m[1], m[2], m[3]))
            rest = rest[m.end():]
        used = [c[0] for c in conditions] + [n for n in PLACEHOLDER_RE.findall(rest) if n not in builtins]
        used = list(dict.fromkeys(used))
        missing = [n for n in used if figures.get(n) is None]
        if missing:
            for name in missing:
                if name not in reported:
                    reported.add(name)
                    out.append(Sentence(NOT_AVAILABLE.format(label=outline.figure_label(name)), [name], False))
            continue
        if not all(_compare(figures[n], op, v) for n, op, v in conditions):
            continue

        def fill(m):
            name = m[1]
            return builtins[name] if name in builtins else format_value(figures[name])

        out.append(Sentence(PLACEHOLDER_RE.sub(fill, rest).strip(), [n for n in used if n not in builtins]))
    return out


@dataclass
class ParagraphSpec:
    section: int
    subsection: int
    subsection_title: str
    kind: str
    text: str
    id: int | None = None
    position: int = 0


@dataclass
class RenderedParagraph:
    spec: ParagraphSpec
    sentences: list[Sentence]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.sentences)

    @property
    def id(self):
        return self.spec.id


@dataclass
class Subsection:
    number: int
    title: str
    paragraphs: list[RenderedParagraph] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"（{int_to_cn(self.number)}）"


@dataclass
class Section:
    number: int
    title: str
    paragraphs: list[RenderedParagraph] = field(default_factory=list)
    subsections: list[Subsection] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{int_to_cn(self.number)}、"


@dataclass
class Document:
    town_slug: str
    town_name: str
    header: str
    year: int
    title: str
    intro: list[RenderedParagraph]
    sections: list[Section]
    signature: str
    date: datetime.date | None
    figures: dict

    @property
    def date_text(self) -> str:
        d = self.date
        return f"{d.year}年{d.month}月{d.day}日" if d else ""

    def lines(self) -> list[str]:
        out = [self.header, self.title, ""]
        out += [p.text for p in self.intro]
        for s in self.sections:
            out.append(f"{s.label}{s.title}")
            out += [p.text for p in s.paragraphs]
            for sub in s.subsections:
                out.append(f"{sub.label}{sub.title}")
                out += [p.text for p in sub.paragraphs]
        out += ["", self.signature]
        if self.date:
            out.append(self.date_text)
        return out

    def text(self) -> str:
        return "\n".join(self.lines()) + "\n"

    def as_json(self) -> dict:
        return {
            "town": self.town_slug,
            "town_name": self.town_name,
            "year": self.year,
            "title": self.title,
            "intro": [p.text for p in self.intro],
            "sections": [
                {
                    "number": int_to_cn(s.number),
                    "title": s.title,
                    "paragraphs": [p.text for p in s.paragraphs],
                    "subsections": [
                        {"number": sub.label, "title": sub.title, "paragraphs": [p.text for p in sub.paragraphs]}
                        for sub in s.subsections
                    ],
                }
                for s in self.sections
            ],
            "signature": self.signature,
            "date": self.date.isoformat() if self.date else None,
            "figures": self.figures,
        }


def default_title(year: int) -> str:
    return f"关于{year}年法治政府建设情况的报告"


def default_specs(figures: dict, year: int) -> list[ParagraphSpec]:
    from . import proposals

    titles = {(s, n): t for s, subs in outline.SUBSECTIONS.items() for n, t in subs}
    specs = [ParagraphSpec(0, 0, "", "computed", outline.INTRO)]
    for section, sub, kind, text in outline.DEFAULT_PARAGRAPHS:
        specs.append(ParagraphSpec(section, sub, titles.get((section, sub), ""), kind, text))
    specs.append(ParagraphSpec(3, 0, "", "free", proposals.shortcomings_text(figures, year)))
    specs.append(ParagraphSpec(4, 0, "", "computed", proposals.NEXT_YEAR_OPENING))
    specs.append(ParagraphSpec(4, 0, "", "free", proposals.next_year_text(figures, year)))
    for position, spec in enumerate(specs):
        spec.position = position
    return specs


def collect_figures(town, year: int) -> dict:
    """Only through the modules' figures() (fazhi.core.figures.collect)."""
    return dict(core_figures.collect(town, year))


def assemble(*, town, year: int, specs: list[ParagraphSpec], figures: dict, title: str | None = None,
             signature: str | None = None, date: datetime.date | None = None) -> Document:
    def render(spec: ParagraphSpec) -> RenderedParagraph:
        if spec.kind == "free":
            sentences = [Sentence(spec.text.strip())] if spec.text.strip() else []
        else:
            sentences = render_template(spec.text, figures, year=year, town_name=town.name)
        return RenderedParagraph(spec, sentences)

    ordered = sorted(specs, key=lambda s: (s.section, s.subsection, s.position, s.id or 0))
    intro = [render(s) for s in ordered if s.section == 0]
    sections: list[Section] = []
    for number in range(1, 6):
        own = [s for s in ordered if s.section == number]
        rendered = [(s, render(s)) for s in own]
        rendered = [(s, r) for s, r in rendered if r.text]
        if number == 5 and not rendered:
            continue  # 五、其他需要报告的情况: only where there is any (RG-CONTENT)
        section = Section(number, outline.SECTION_TITLES[number].format(year=year, next_year=year + 1))
        subs: dict[int, Subsection] = {}
        for spec, para in rendered:
            if spec.subsection == 0:
                section.paragraphs.append(para)
            else:
                sub = subs.setdefault(spec.subsection, Subsection(spec.subsection, spec.subsection_title))
                sub.paragraphs.append(para)
        # Sub-items are numbered in order, whatever numbers the rows carry: never a gap.
        for index, key in enumerate(sorted(subs), start=1):
            subs[key].number = index
            section.subsections.append(subs[key])
        sections.append(section)
    return Document(
        town_slug=town.slug, town_name=town.name, header=town.full_government_name, year=year,
        title=title or default_title(year), intro=intro, sections=sections,
        signature=signature or town.full_government_name, date=date, figures=figures,
    )


def specs_of(report) -> list[ParagraphSpec]:
    return [ParagraphSpec(p.section, p.subsection, p.subsection_title, p.kind, p.text, p.id, p.position)
            for p in report.paragraphs.all()]


def report_figures(report) -> dict:
    """A draft states the records as they are now; an approved report what was approved."""
    if report.figures_snapshot is not None and report.status != "draft":
        return report.figures_snapshot
    return collect_figures(report.town, report.year)


def document_for(report, *, figures: dict | None = None) -> Document:
    return assemble(
        town=report.town, year=report.year, specs=specs_of(report),
        figures=figures if figures is not None else report_figures(report),
        title=report.title, signature=report.signature, date=report.document_date,
    )


def document_for_town(town, year: int) -> Document:
    """The report as the platform would write it today (no saved draft needed)."""
    from .models import AnnualReport

    report = AnnualReport.objects.filter(town=town, year=year).select_related("town__district").first()
    if report is not None:
        return document_for(report)
    figures = collect_figures(town, year)
    # A draft has no 成文日期 yet: it is the day the leader approves.
    return assemble(town=town, year=year, specs=default_specs(figures, year), figures=figures)
