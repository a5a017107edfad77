from crispy_forms.helper import FormHelper
from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from .models import Answer, ReportPerson


class AnswerForm(forms.Form):
    text_lo = forms.CharField(
        label=_("Answer in Lao"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "lang": "lo"}),
    )
    text_en = forms.CharField(
        label=_("Answer in English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "lang": "en"}),
    )
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, answer: Answer, **kwargs):
        section = answer.section
        kwargs.setdefault(
            "initial",
            {"text_lo": answer.text_lo, "text_en": answer.text_en, "base_version": answer.version},
        )
        super().__init__(*args, **kwargs)
        self.fields["text_lo"].help_text = section.length_hint_lo
        self.fields["text_en"].help_text = section.length_hint_en


class ReportCreateForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"), min_value=2000, max_value=2100, help_text=_("The year the report covers.")
    )
    from_last_year = forms.BooleanField(
        label=_("Start from last year's report"),
        required=False,
        help_text=_("Copies the people and the questions of the latest earlier report."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class PersonForm(forms.ModelForm):
    class Meta:
        model = ReportPerson
        fields = ["field", "name", "position", "from_date", "until_date"]
        widgets = {
            "from_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "until_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "from_date": _("Only if the person took the role during the year."),
            "until_date": _("Only if the person left the role during the year."),
        }

    def __init__(self, *args, template=None, **kwargs):
        super().__init__(*args, **kwargs)
        if template is not None:
            self.fields["field"].queryset = template.header_fields.all()

    def clean(self):
        data = super().clean()
        start, end = data.get("from_date"), data.get("until_date")
        if start and end and end < start:
            self.add_error(
                "until_date",
                forms.ValidationError(_("“Until” cannot come before “from”."), code="dates"),
            )
        return data


PeopleFormSet = inlineformset_factory(
    ReportPerson._meta.get_field("report").related_model,
    ReportPerson,
    form=PersonForm,
    extra=2,
    can_delete=True,
)
