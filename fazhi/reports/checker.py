"""The report checker: reads any draft of a 法治政府建设年度报告 (the system's or one written by
hand, as plain text or DOCX) and answers its problems, each with its line.

Pure functions: the caller passes the figures of the records and the previous year's report
when it has them (see ``check_report`` command and ``selectors.check_context``).

Required parts and deadlines: RULES §8 (《法治政府建设与责任落实督察工作规定》, RG-CONTENT,
RG-WHEN-2, RG-PUB); headings numbered 一、/（一） as in GB/T 9704-2012 §7.3.3.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import asdict, dataclass

from .outline import REQUIRED_SECTIONS, submission_deadline

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}

L1_RE = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、，,．.]")
L2_RE = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]+)\s*[）)]")
YEAR_RE = re.compile(r"(\d{4})\s*年")
CN_YEAR_RE = re.compile(r"([〇○零一二三四五六七八九]{4})\s*年")
DATE_RE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
CN_DATE_RE = re.compile(r"^\s*([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日\s*$")
SENTENCE_END = "。；;：:，,！？!?…"
SIGNATURE_ENDINGS = ("人民政府", "政府", "委员会", "办事处", "党委", "办公室", "司法所", "镇", "乡", "街道")
HEADING_MAX = 34
COPY_MIN_CHARS = 50
COPY_RATIO = 0.85


@dataclass
class Finding:
    code: str
    severity: str  # "error" | "warning"
    line: int
    message: str

    def as_dict(self):
        return asdict(self)


def cn_to_int(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    return CN_DIGITS.get(text, 0)


def int_to_cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def _cn_year(text: str) -> int:
    return int("".join(str(CN_DIGITS[c]) for c in text))


def parse_date(line: str) -> datetime.date | None:
    m = DATE_RE.match(line)
    try:
        if m:
            return datetime.date(int(m[1]), int(m[2]), int(m[3]))
        m = CN_DATE_RE.match(line)
        if m:
            return datetime.date(_cn_year(m[1]), cn_to_int(m[2]), cn_to_int(m[3]))
    except ValueError:
        return None
    return None


def read_lines(path) -> list[str]:
    """A DOCX read paragraph by paragraph (tables cell by cell), or a text file line by line."""
    path = str(path)
    if path.lower().endswith(".docx"):
        import docx

        document = docx.Document(path)
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.append(" ".join(c.text for c in row.cells))
        return lines
    with open(path, encoding="utf-8-sig") as fh:
        return fh.read().splitlines()


def text_lines(text: str) -> list[str]:
    return text.splitlines()


# --- structure ------------------------------------------------------------------------------


@dataclass
class Heading:
    level: int  # 1 or 2
    number: int | None  # None: the heading has no number
    line: int
    text: str
    section: int | None = None  # for level 1: which required part (1..5) the title names


def _is_heading_like(text: str) -> bool:
    s = text.strip()
    return bool(s) and len(s) <= HEADING_MAX and s[-1] not in SENTENCE_END and "。" not in s


def _section_kind(text: str) -> int | None:
    for number, _title, keywords in REQUIRED_SECTIONS:
        if any(k in text for k in keywords):
            return number
    return None


def _title_index(lines: list[str]) -> int | None:
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if "报告" in line and len(line.strip()) <= 60:
            return i
        if seen >= 5:
            break
    return None


def _tail_start(lines: list[str]) -> int:
    """Index of the first line of the closing block (署名 and 成文日期), or len(lines)."""
    i = len(lines)
    taken = 0
    j = len(lines) - 1
    while j >= 0 and taken < 4:
        s = lines[j].strip()
        if not s:
            j -= 1
            continue
        if parse_date(s) or (_is_heading_like(s) and s.endswith(SIGNATURE_ENDINGS)):
            i = j
            taken += 1
            j -= 1
            continue
        break
    return i


@dataclass
class Parsed:
    lines: list[str]
    title_index: int | None
    tail_index: int
    headings: list[Heading]
    paragraphs: list[tuple[int, str]]  # (line number, text) of body paragraphs

    @property
    def title(self) -> str:
        return self.lines[self.title_index].strip() if self.title_index is not None else ""


def parse(lines: list[str]) -> Parsed:
    title_index = _title_index(lines)
    tail = _tail_start(lines)
    start = (title_index + 1) if title_index is not None else 0
    raw: list[Heading] = []
    paragraphs: list[tuple[int, str]] = []
    for i in range(start, tail):
        s = lines[i].strip()
        if not s:
            continue
        m1, m2 = L1_RE.match(s), L2_RE.match(s)
        if m1 and _is_heading_like(s[:HEADING_MAX]) and (len(s) <= 60 or _section_kind(s)):
            raw.append(Heading(1, cn_to_int(m1[1]), i + 1, s, _section_kind(s)))
        elif m2 and len(s) <= 60 and "。" not in s[:-1]:
            raw.append(Heading(2, cn_to_int(m2[1]), i + 1, s))
        elif _is_heading_like(s):
            raw.append(Heading(0, None, i + 1, s, _section_kind(s)))
        else:
            paragraphs.append((i + 1, s))
    # Decide what an unnumbered short line is: a part whose title names a required part not seen
    # yet, or a sub-item of a part that numbers its other sub-items.
    headings: list[Heading] = []
    seen_sections = {h.section for h in raw if h.level == 1 and h.section}
    for index, h in enumerate(raw):
        if h.level:
            headings.append(h)
            continue
        if h.section and h.section not in seen_sections:
            seen_sections.add(h.section)
            headings.append(Heading(1, None, h.line, h.text, h.section))
            continue
        # sub-items numbered in the same part (between the previous and the next level-1 heading)
        before = [x for x in raw[:index] if x.level == 1 or (x.level == 0 and x in headings)]
        part_start = before[-1].line if before else 0
        part_end = next((x.line for x in raw[index + 1:] if x.level == 1), 10 ** 9)
        if any(x.level == 2 and part_start < x.line < part_end for x in raw):
            headings.append(Heading(2, None, h.line, h.text))
        else:
            paragraphs.append((h.line, h.text))
    paragraphs.sort()
    return Parsed(lines, title_index, tail, headings, paragraphs)


# --- checks ---------------------------------------------------------------------------------


def _check_numbering(parsed: Parsed) -> list[Finding]:
    out = []
    expected1, expected2 = 1, 1
    for h in parsed.headings:
        if h.level == 1:
            expected2 = 1
            want = expected1
            if h.number is None:
                out.append(Finding("numbering", "error", h.line,
                                   f"标题“{h.text}”缺少序号，应为“{int_to_cn(want)}、”。"))
                expected1 = want + 1
            else:
                if h.number != want:
                    out.append(Finding("numbering", "error", h.line,
                                       f"一级标题序号“{int_to_cn(h.number)}、”不连续，此处应为“{int_to_cn(want)}、”。"))
                expected1 = h.number + 1
        else:
            want = expected2
            if h.number is None:
                out.append(Finding("numbering", "error", h.line,
                                   f"小标题“{h.text}”缺少序号，应为“（{int_to_cn(want)}）”。"))
                expected2 = want + 1
            else:
                if h.number != want:
                    out.append(Finding("numbering", "error", h.line,
                                       f"二级标题序号“（{int_to_cn(h.number)}）”不连续，此处应为“（{int_to_cn(want)}）”。"))
                expected2 = h.number + 1
    return out


def _check_sections(parsed: Parsed) -> list[Finding]:
    out = []
    found = {h.section: h for h in parsed.headings if h.level == 1 and h.section}
    last_line = max((i + 1 for i, s in enumerate(parsed.lines) if s.strip()), default=1)
    for number, title, _keywords in REQUIRED_SECTIONS:
        if number == 5 or number in found:  # 五、其他需要报告的情况 only where there is any
            continue
        later = [h.line for n, h in found.items() if n > number]
        line = min(later) if later else min(parsed.tail_index + 1, last_line)
        out.append(Finding("missing-section", "error", line,
                           f"缺少必备内容“{title}”（《法治政府建设与责任落实督察工作规定》规定的年度报告内容）。"))
    return out


def _closing(parsed: Parsed):
    signature = date = None
    for i in range(parsed.tail_index, len(parsed.lines)):
        s = parsed.lines[i].strip()
        if not s:
            continue
        d = parse_date(s)
        if d:
            date = (i + 1, d)
        else:
            signature = (i + 1, s)
    return signature, date


def _check_closing(parsed: Parsed, report_year: int | None, today: datetime.date | None) -> list[Finding]:
    out = []
    last_line = max((i + 1 for i, s in enumerate(parsed.lines) if s.strip()), default=1)
    signature, date = _closing(parsed)
    if signature is None:
        out.append(Finding("missing-signature", "error", last_line, "正文之后缺少发文机关署名。"))
    if date is None:
        out.append(Finding("missing-signature", "error", last_line, "正文之后缺少成文日期（如“2024年1月20日”）。"))
    if date and report_year:
        line, d = date
        deadline = submission_deadline(report_year)
        if d > deadline:
            out.append(Finding("late", "error", line,
                               f"成文日期{d.year}年{d.month}月{d.day}日晚于法定报送期限{deadline.year}年{deadline.month}月"
                               f"{deadline.day}日（每年3月1日前报送上一年度报告）。"))
        if d.year not in (report_year, report_year + 1):
            out.append(Finding("year-mismatch", "error", line,
                               f"成文日期为{d.year}年，与报告年度{report_year}年不符。"))
    return out


def stated_year(parsed: Parsed) -> int | None:
    m = YEAR_RE.search(parsed.title) or CN_YEAR_RE.search(parsed.title)
    if not m:
        return None
    return int(m[1]) if m[1].isdigit() else _cn_year(m[1])


def _check_year(parsed: Parsed, year: int | None) -> tuple[list[Finding], int | None]:
    out = []
    title_year = stated_year(parsed)
    title_line = (parsed.title_index or 0) + 1
    if parsed.title_index is None:
        out.append(Finding("year-mismatch", "warning", 1, "未找到报告标题，无法确定报告年度。"))
    elif title_year is None:
        out.append(Finding("year-mismatch", "warning", title_line, "标题未写明报告年度。"))
    elif year and title_year != year:
        out.append(Finding("year-mismatch", "error", title_line,
                           f"标题中的年度为{title_year}年，与所核对的{year}年度不符。"))
    report_year = year or title_year
    if report_year:
        for h in parsed.headings:
            if h.level != 1 or not h.section:
                continue
            m = YEAR_RE.search(h.text)
            if not m:
                continue
            want = report_year + 1 if h.section == 4 else report_year
            if int(m[1]) != want:
                out.append(Finding("year-mismatch", "error", h.line,
                                   f"标题“{h.text}”中的年度为{m[1]}年，应为{want}年。"))
    return out, report_year


# Figures stated in words: (figure, pattern, value). A value of None means "the number in group 1".
NEGATION_RE = re.compile(r"(?:未产生|未发生|未制订|未制定|未出台|未作出|没有|(?<![并而])无(?![论法须需]))(.*)")
ZERO_WORDS = [
    ("judicial.interference_records", ("干预司法",)),
    ("judicial.litigation_cases", ("行政诉讼",)),
    ("judicial.reconsideration_cases", ("行政复议",)),
    ("judicial.adjudication_cases", ("行政裁决",)),
    ("judicial.arbitration_cases", ("仲裁",)),
    ("safety.major_accidents", ("重大安全生产事故", "重大安全事故", "较大以上安全生产事故")),
    ("normative.issued", ("规范性文件",)),
]
NUM = r"(\d+(?:\.\d+)?)"
PCT = NUM + r"\s*[%％]"
STATED = [
    ("study.completion_rate", re.compile(r"学习[^。，,；;]{0,6}?率[^。，,；;\d]{0,4}" + PCT), None),
    ("normative.issued", re.compile(r"(?:制订|制定|出台)(?:行政)?规范性文件\s*" + NUM + r"\s*件"), None),
    ("decisions.major", re.compile(r"重大行政决策\s*" + NUM + r"\s*[项件个]"), None),
    ("decisions.reviewed_rate", re.compile(r"重大行政决策均[^。；;]*审查"), 100),
    ("decisions.reviewed_rate", re.compile(r"重大行政决策占\s*" + PCT), None),
    ("enforcement.cases", re.compile(r"行政(?:执法|处罚)案件\s*" + NUM + r"\s*件"), None),
    ("judicial.interference_records", re.compile(r"干预司法[^。；;\d]{0,20}?" + NUM + r"\s*[起件次]"), None),
    ("judicial.litigation_cases", re.compile(r"行政诉讼案件\s*" + NUM + r"\s*件"), None),
    ("judicial.reconsideration_cases", re.compile(r"行政复议案件\s*" + NUM + r"\s*件"), None),
    ("judicial.adjudication_cases", re.compile(r"行政裁决案件\s*" + NUM + r"\s*件"), None),
    ("judicial.arbitration_cases", re.compile(r"仲裁案件\s*" + NUM + r"\s*件"), None),
    ("disputes.mediated", re.compile(r"(?:调处|调解|化解)[^。，,；;\d]{0,8}?纠纷\s*" + NUM + r"\s*[起件]"), None),
    ("safety.major_accidents", re.compile(r"发生重大安全(?:生产)?事故\s*" + NUM + r"\s*起"), None),
    ("grid.coverage_rate", re.compile(r"网格[^。，,；;]{0,12}?(?:全部覆盖|全覆盖)"), 100),
    ("grid.coverage_rate", re.compile(r"网格[^。，,；;]{0,12}?覆盖率[^。，,；;\d]{0,4}" + PCT), None),
]
CLAUSE_SPLIT = re.compile(r"[。；;，,]")


def stated_figures(lines: list[str]) -> list[tuple[int, str, float, str]]:
    """Each figure a text states: (line, figure name, value, the words that state it)."""
    found = []
    for number, line in enumerate(lines, start=1):
        for clause in CLAUSE_SPLIT.split(line):
            m = NEGATION_RE.search(clause)
            if m:
                rest = m[1]
                for name, words in ZERO_WORDS:
                    if any(w in rest for w in words) and not re.search(r"\d+\s*[起件项次]", rest):
                        found.append((number, name, 0, clause.strip()))
        for name, pattern, fixed in STATED:
            for m in pattern.finditer(line):
                value = fixed if fixed is not None else float(m[1])
                found.append((number, name, value, m[0]))
    return found


def _fmt(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return str(value)


def _check_figures(parsed: Parsed, figures: dict) -> list[Finding]:
    out = []
    for line, name, value, words in stated_figures(parsed.lines[: parsed.tail_index]):
        actual = figures.get(name)
        if actual is None:
            continue
        tolerance = 0.5 if name.endswith("_rate") and float(value).is_integer() else 0.05
        if abs(float(actual) - float(value)) > tolerance:
            out.append(Finding("figure-mismatch", "error", line,
                               f"“{words}”所述数据为{_fmt(value)}，平台记录（{name}）为{_fmt(actual)}。"))
    return out


def _check_copied(parsed: Parsed, previous_paragraphs: list[str]) -> list[Finding]:
    out = []
    previous = [p.strip() for p in previous_paragraphs if len(p.strip()) >= COPY_MIN_CHARS]
    if not previous:
        return out
    for line, text in parsed.paragraphs:
        if len(text) < COPY_MIN_CHARS:
            continue
        for index, other in enumerate(previous, start=1):
            matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)
            if matcher.real_quick_ratio() < COPY_RATIO or matcher.quick_ratio() < COPY_RATIO:
                continue
            ratio = matcher.ratio()
            if ratio >= COPY_RATIO:
                out.append(Finding("copied", "warning", line,
                                   f"本段与上一年度报告第{index}段内容雷同（相似度{round(ratio * 100)}%），请结合本年度实际重新撰写。"))
                break
    return out


def check_lines(lines: list[str], *, year: int | None = None, figures: dict | None = None,
                previous_paragraphs: list[str] | None = None, today: datetime.date | None = None) -> list[Finding]:
    parsed = parse(lines)
    year_findings, report_year = _check_year(parsed, year)
    findings = (
        _check_sections(parsed)
        + _check_numbering(parsed)
        + _check_closing(parsed, report_year, today)
        + year_findings
        + (_check_figures(parsed, figures) if figures else [])
        + (_check_copied(parsed, previous_paragraphs) if previous_paragraphs else [])
    )
    return sorted(findings, key=lambda f: (f.line, f.code))


def check_text(text: str, **kwargs) -> list[Finding]:
    return check_lines(text_lines(text), **kwargs)


def body_paragraphs(lines: list[str]) -> list[str]:
    return [text for _line, text in parse(lines).paragraphs]


def format_text(findings: list[Finding]) -> str:
    if not findings:
        return "未发现问题。"
    labels = {"error": "错误", "warning": "提示"}
    return "\n".join(f"第{f.line}行 [{f.code}] {labels.get(f.severity, f.severity)}：{f.message}" for f in findings)
