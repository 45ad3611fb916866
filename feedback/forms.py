"""The feedback form: a message, an optional email, and a trap field only robots fill in."""

from urllib.parse import urlsplit

from django import forms
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import MAX_MESSAGE, MAX_PAGE, Feedback

#: The trap field's name. People never see it; robots that fill in every box do.
HONEYPOT = "website"


def site_path(value):
    """The path of an address on this site ("/drugs/letrozole/"), or "" for anything else:
    other sites ("https://…", "//…"), odd characters, or text that is not a path."""
    value = (value or "").strip()
    if (
        not value.startswith("/")
        or len(value) > MAX_PAGE
        or any(ord(char) < 32 or ord(char) == 127 for char in value)
        or not url_has_allowed_host_and_scheme(value, allowed_hosts=None)
    ):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return ""
    return parts.path


class MessageField(forms.CharField):
    """Text whose line breaks count as one character each, as the browser counts them for the
    textarea's maxlength (it sends each one as two)."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value


class FeedbackForm(forms.ModelForm):
    # The page is not a form field: it is read from the hidden input with site_path(), so a
    # tampered value is dropped instead of shown back as an error.
    message = MessageField(
        max_length=MAX_MESSAGE,
        label=_("What is wrong or missing?"),
        help_text=format_lazy(
            _(
                "Tell us what you think is wrong, or what you looked for and did not find. "
                "If it is about one page, tell us which one. "
                "Use up to {limit} letters."
            ),
            limit=f"{MAX_MESSAGE:,}",
        ),
        error_messages={
            "required": _("Please tell us what is wrong or missing."),
            "max_length": _(
                "Please make your message shorter. "
                "It can have up to %(limit_value)s letters. It has %(show_value)s."
            ),
            "null_characters_not_allowed": _("Please take out the odd characters and try again."),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    website = forms.CharField(
        required=False,
        label=_("Leave this box empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = Feedback
        fields = ["message", "email"]
        labels = {"email": _("Your email (you do not have to give it)")}
        help_texts = {
            "email": _(
                "Give it only if you want us to write back to you. "
                "We use it only to answer this message."
            ),
        }
        error_messages = {
            "email": {
                "invalid": _(
                    "Please check your email address. It should look like name@example.com."
                ),
                "max_length": _("Please check your email address. It is too long."),
                "null_characters_not_allowed": _("Please check your email address."),
            },
        }
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"})}
