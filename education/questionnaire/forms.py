"""One form per question, built from the Question row so editors can reword it."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class QuestionForm(forms.Form):
    """A single question: radio buttons, or checkboxes when several answers may apply.

    The field is named after the question's fixed key (e.g. ``her2``), and only the
    question's own answer values are accepted, so a tampered post gets an error.
    """

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        choices = question.grouped_choices(self.choice_label)
        # The question is the page's heading, inside the fieldset's legend (the GOV.UK pattern).
        label = format_html('<h1 class="question-heading">{}</h1>', question.text)
        if question.multiple:
            field_class, widget = forms.MultipleChoiceField, forms.CheckboxSelectMultiple
            required = _("Select at least one answer.")
        else:
            field_class, widget = forms.ChoiceField, forms.RadioSelect
            required = _("Select an answer.")
        unsure = _("If you do not know, select “I’m not sure”.")
        field = field_class(
            label=label,
            choices=choices,
            widget=widget,
            # Crispy prints help text as HTML: an editor's hint is text, so escape it.
            help_text=escape(question.hint),
            error_messages={
                "required": f"{required} {unsure}",
                "invalid_choice": _("Select from the answers in the list."),
            },
        )
        self.fields[question.key] = field
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    @staticmethod
    def choice_label(choice):
        if choice.hint:
            return format_html('{} <span class="choice-hint">{}</span>', choice.label, choice.hint)
        return choice.label

    def clean(self):
        cleaned = super().clean()
        values = cleaned.get(self.question.key)
        posted = self.data.getlist(self.add_prefix(self.question.key)) if self.is_bound else []
        if not self.question.multiple and len(posted) > 1:
            self.add_error(self.question.key, _("Select only one answer."))
        if self.question.multiple and values and len(values) > 1:
            exclusive = {c.value: c.label for c in self.question.choices.all() if c.exclusive}
            chosen = [exclusive[v] for v in values if v in exclusive]
            if chosen:
                self.add_error(
                    self.question.key,
                    _(
                        "“%(answer)s” cannot be chosen with other answers. "
                        "Select it on its own, or untick it."
                    )
                    % {"answer": chosen[0]},
                )
        return cleaned

    def answer_values(self):
        """The answer as a list of values, whether one or several were chosen."""
        value = self.cleaned_data[self.question.key]
        return list(value) if self.question.multiple else [value]


class CurrentDrugsForm(forms.Form):
    """The drugs a reader takes now, ticked for their summary card and diary. Optional; only
    published drugs are accepted, so a tampered post gets an error, not a 500."""

    current = forms.ModelMultipleChoiceField(
        queryset=None,
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("The drugs I take now"),
        error_messages={
            "invalid_choice": gettext_lazy("We do not know one of the drugs you ticked.")
        },
    )

    def __init__(self, *args, drugs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["current"].queryset = drugs
        self.fields["current"].label_from_instance = lambda drug: drug.display_name
