"""What a module's case page does the same way in every module: run one action's form through
its service, and attach an evidence file. Each answers with a redirect back to the case and a
Chinese message; a refusal changes nothing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect

from .attachments import attachment_add
from .errors import DomainError
from .tenancy import is_town_staff


def form_errors_text(form) -> str:
    return ";".join(f"{form.fields[f].label if f in form.fields else ''}{' '.join(e)}"
                    for f, e in form.errors.items())


def run_action_form(request, obj, *, name: str, actions: dict, transitions, subject_kwarg: str):
    """POST of the action ``name``'s form on the case page: validate, call the service."""
    if name not in actions:
        raise Http404
    form_class, service = actions[name]
    form = form_class(request.POST, prefix=name)
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect(obj)
    try:
        service(actor=request.user, **{subject_kwarg: obj}, **form.cleaned_data)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已记录“{transitions[name].label}”。")
    return redirect(obj)


def attach_upload(request, obj):
    """Add a document (minutes, opinion, report …) to a case; core stores it with its SHA-256."""
    if not is_town_staff(request.user):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的文件。")
        return redirect(obj)
    try:
        attachment_add(actor=request.user, subject=obj, upload=upload, title=request.POST.get("title", ""))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "附件已上传。")
    return redirect(obj)
