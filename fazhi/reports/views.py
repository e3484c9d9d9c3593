import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fazhi.core.errors import DomainError
from fazhi.core.models import Town

from . import assembly, checker, docx_export, outline, permissions, proposals, selectors, services
from .forms import ActionForm, CheckForm, ParagraphAddForm, ParagraphForm, ReportCreateForm
from .models import AnnualReport, Paragraph, ReportStatus

ACTIONS = {
    "approve": services.report_approve,
    "reopen": services.report_reopen,
    "publish": services.report_publish,
    "submit": services.report_submit,
}


def disclosure_report_url(year=None):
    """The 政务公开 annual report of the disclosure module, when it is installed."""
    try:
        url = reverse("disclosure:annual_report")
    except NoReverseMatch:
        return ""
    return f"{url}?year={year}" if year else url


def _docx_response(document):
    response = HttpResponse(
        docx_export.to_bytes(document),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    from urllib.parse import quote

    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(docx_export.filename(document))}"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    user = request.user
    reports = permissions.reports_visible_to(user).order_by("-year", "town__name")
    town = user.town if user.town_id else None
    form = ReportCreateForm(request.POST or None)
    if request.method == "POST":
        if town is None or not permissions.can_create_report(user, town):
            raise Http404
        if form.is_valid():
            try:
                report = services.report_create(actor=user, town=town, year=form.cleaned_data["year"])
            except DomainError as exc:
                form.add_error("year", exc.message)
            else:
                messages.success(request, f"已根据平台数据生成{report.year}年度报告草稿。")
                return redirect("reports:detail", pk=report.pk)
    return render(request, "reports/index.html", {
        "reports": reports,
        "form": form,
        "can_create": town is not None and permissions.can_create_report(user, town),
        "disclosure_url": disclosure_report_url(),
        "is_supervisor": permissions.is_supervisor(user),
    })


@login_required
@require_GET
def detail(request, pk):
    report = permissions.get_report_for_user_or_404(request.user, pk)
    document = assembly.document_for(report)
    findings = checker.check_lines(document.lines(), year=report.year, figures=document.figures,
                                   previous_paragraphs=selectors.previous_paragraphs(report.town, report.year))
    if report.status == ReportStatus.DRAFT:  # the 成文日期 is the day the leader approves
        findings = [f for f in findings if not (f.code == "missing-signature" and "成文日期" in f.message)]
    return render(request, "reports/detail.html", {
        "report": report,
        "doc": document,
        "can_edit": permissions.can_edit_report(request.user, report),
        "actions": services.actions_for(report, request.user),
        "action_form": ActionForm(),
        "add_form": ParagraphAddForm(),
        "findings": findings,
        "proposals": proposals.proposed(document.figures),
        "required_figures": [
            (k, label, None if document.figures.get(k) is None else assembly.format_value(document.figures[k]))
            for k, label in outline.REQUIRED_FIGURES.items()
        ],
        "disclosure_url": disclosure_report_url(report.year),
    })


@login_required
@require_http_methods(["GET", "POST"])
def paragraph_edit(request, pk, pid):
    report = permissions.get_report_for_user_or_404(request.user, pk)
    paragraph = get_object_or_404(Paragraph, report=report, pk=pid)
    if not permissions.can_edit_report(request.user, report):
        messages.error(request, "报告已审定或您的角色不能编辑。")
        return redirect("reports:detail", pk=report.pk)
    form = ParagraphForm(request.POST or None, initial={"text": paragraph.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.paragraph_edit(actor=request.user, paragraph=paragraph, text=form.cleaned_data["text"])
        except DomainError as exc:
            form.add_error("text", exc.message)
        else:
            messages.success(request, "段落已保存，并记录了新版本。")
            return redirect(f"{reverse('reports:detail', kwargs={'pk': report.pk})}#p{paragraph.pk}")
    rendered = assembly.render_template(paragraph.text, assembly.report_figures(report), year=report.year,
                                        town_name=report.town.name) if paragraph.kind == Paragraph.Kind.COMPUTED else []
    return render(request, "reports/paragraph_edit.html", {
        "report": report, "paragraph": paragraph, "form": form, "rendered": rendered,
        "figure_names": list(outline.REQUIRED_FIGURES.items()),
    })


@login_required
@require_POST
def paragraph_add(request, pk):
    report = permissions.get_report_for_user_or_404(request.user, pk)
    form = ParagraphAddForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择所属部分并填写内容。")
    else:
        try:
            services.paragraph_add(actor=request.user, report=report, section=form.cleaned_data["section"],
                                   text=form.cleaned_data["text"])
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "已添加段落。")
    return redirect("reports:detail", pk=report.pk)


@login_required
@require_POST
def action(request, pk, name):
    report = permissions.get_report_for_user_or_404(request.user, pk)
    if name not in ACTIONS:
        raise Http404
    form = ActionForm(request.POST)
    on = form.cleaned_data.get("on") if form.is_valid() else None
    try:
        if name == "reopen":
            ACTIONS[name](actor=request.user, report=report, reason=request.POST.get("reason", ""))
        else:
            ACTIONS[name](actor=request.user, report=report, on=on)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已{services.TRANSITIONS[name].label}。")
    return redirect("reports:detail", pk=report.pk)


@login_required
@require_GET
def preview(request, pk):
    report = permissions.get_report_for_user_or_404(request.user, pk)
    return render(request, "reports/preview.html", {"report": report, "doc": assembly.document_for(report),
                                                    "links": True})


@login_required
@require_GET
def download_docx(request, pk):
    report = permissions.get_report_for_user_or_404(request.user, pk)
    return _docx_response(assembly.document_for(report))


@login_required
@require_GET
def versions(request, pk):
    report = permissions.get_report_for_user_or_404(request.user, pk)
    return render(request, "reports/versions.html", {"report": report,
                                                     "revisions": selectors.revisions_of(report)})


@login_required
@require_GET
def version(request, pk, number):
    """A kept version of the draft, as it read after that change (with the figures of the report)."""
    report = permissions.get_report_for_user_or_404(request.user, pk)
    revision = get_object_or_404(selectors.revisions_of(report), number=number)
    titles = {p.id: p.subsection_title for p in report.paragraphs.all()}
    specs = [assembly.ParagraphSpec(c["section"], c["subsection"], titles.get(c["id"], c.get("subsection_title", "")),
                                    c["kind"], c["text"], c["id"], index)
             for index, c in enumerate(revision.content)]
    document = assembly.assemble(town=report.town, year=report.year, specs=specs,
                                 figures=assembly.report_figures(report), title=report.title,
                                 signature=report.signature, date=report.document_date)
    return render(request, "reports/preview.html", {"report": report, "doc": document, "revision": revision})


def _uploaded_lines(upload) -> list[str]:
    name = upload.name.lower()
    if name.endswith(".docx"):
        with tempfile.NamedTemporaryFile(suffix=".docx") as tmp:
            for chunk in upload.chunks():
                tmp.write(chunk)
            tmp.flush()
            return checker.read_lines(tmp.name)
    raw = upload.read()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    raise DomainError("无法识别文件编码，请保存为UTF-8文本。")


@login_required
@require_http_methods(["GET", "POST"])
def check(request):
    form = CheckForm(request.POST or None, request.FILES or None)
    findings = None
    error = None
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data.get("year")
        town = request.user.town if (year and request.user.town_id) else None
        try:
            lines = _uploaded_lines(form.cleaned_data["file"])
            findings = selectors.check_document_lines(lines, town=town, year=year)
        except DomainError as exc:
            error = exc.message
        except Exception:  # noqa: BLE001 - a corrupt DOCX
            error = "无法读取该文件，请确认是有效的 .docx 或 .txt 文件。"
    return render(request, "reports/check.html", {"form": form, "findings": findings, "error": error})


# --- portal (public, no login) -------------------------------------------------------------


def _published(town_slug):
    town = get_object_or_404(Town.objects.select_related("district"), slug=town_slug)
    return town, AnnualReport.objects.filter(town=town, status=ReportStatus.PUBLISHED).select_related("town__district")


@require_GET
def portal_index(request, town):
    town, reports = _published(town)
    return render(request, "reports/portal_index.html", {"town": town, "reports": reports.order_by("-year")})


@require_GET
def portal_report(request, town, year):
    town, reports = _published(town)
    report = get_object_or_404(reports, year=year)
    return render(request, "reports/portal_report.html", {"town": town, "report": report,
                                                          "doc": assembly.document_for(report)})


@require_GET
def portal_docx(request, town, year):
    town, reports = _published(town)
    report = get_object_or_404(reports, year=year)
    return _docx_response(assembly.document_for(report))
