"""Public pages: a citizen asks for mediation and follows the request by its number and phone.
Nothing personal is shown back."""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from fazhi.core.errors import DomainError
from fazhi.core.models import Town, Village
from fazhi.core.personal import digest

from . import services
from .models import Category, Dispute, PartyRole, Source


class RequestForm(forms.Form):
    name = forms.CharField(label="您的姓名", max_length=80)
    phone = forms.CharField(label="联系电话", max_length=30)
    respondent = forms.CharField(label="对方姓名/名称", max_length=80)
    village = forms.ModelChoiceField(label="所在村/社区", queryset=Village.objects.none(), required=False)
    category = forms.ChoiceField(label="纠纷类型", choices=Category.choices)
    title = forms.CharField(label="纠纷简述", max_length=100)
    description = forms.CharField(label="纠纷情况和您的请求", widget=forms.Textarea(attrs={"rows": 4}))


class TrackForm(forms.Form):
    code = forms.CharField(label="受理编号", max_length=30)
    phone = forms.CharField(label="申请时填写的联系电话", max_length=30)


@require_http_methods(["GET", "POST"])
def index(request, town):
    town = get_object_or_404(Town, slug=town)
    form = RequestForm(request.POST or None)
    form.fields["village"].queryset = Village.objects.filter(town=town).order_by("name")
    done = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            done = services.dispute_create(
                actor=None, town=town, source=Source.PORTAL, category=d["category"], received_date=None,
                title=d["title"], description=d["description"], village=d.get("village"),
                parties=[{"name": d["name"], "role": PartyRole.APPLICANT, "phone": d["phone"]},
                         {"name": d["respondent"], "role": PartyRole.RESPONDENT}])
        except DomainError as exc:
            form.add_error(None, exc.message)
    return render(request, "disputes/portal.html", {"town": town, "form": form, "done": done,
                                                    "track": TrackForm()})


@require_http_methods(["GET", "POST"])
def track(request, town):
    town = get_object_or_404(Town, slug=town)
    form = TrackForm(request.POST or None)
    found, missing = None, False
    if request.method == "POST" and form.is_valid():
        try:
            phone_digest = digest("phone", form.cleaned_data["phone"])
        except ValidationError:
            phone_digest = None
        found = Dispute.objects.filter(town=town, code=form.cleaned_data["code"].strip(),
                                       parties__phone_digest=phone_digest).first() if phone_digest else None
        missing = found is None
    return render(request, "disputes/portal_track.html", {"town": town, "form": form, "found": found,
                                                          "missing": missing})
