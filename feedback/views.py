"""Tell us about a mistake or what is missing.

Private pages: never cached, no cookie but CSRF's, the session untouched. A post is limited per
address per hour (django-ratelimit, counted in the cache); a robot that fills in the trap field
gets the normal thank-you page and nothing is stored.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.decorators import ratelimit

from .forms import HONEYPOT, FeedbackForm, site_path

#: Posts one address may send an hour; the next gets the "please wait" page (429).
RATE = "5/h"


def thanks_url(page):
    url = reverse("feedback:thanks")
    return f"{url}?{urlencode({'page': page})}" if page else url


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(group="feedback", key="ip", rate=RATE, method="POST", block=False)
def feedback_form(request):
    if request.method == "POST":
        if request.limited:
            return render(request, "feedback/limited.html", status=429)
        page = site_path(request.POST.get("page"))
        if request.POST.get(HONEYPOT, "").strip():
            return redirect(thanks_url(page))
        form = FeedbackForm(request.POST)
        if form.is_valid():
            feedback = form.save(commit=False)
            feedback.page = page
            feedback.save()
            return redirect(thanks_url(page))
    else:
        page = site_path(request.GET.get("page"))
        form = FeedbackForm()
    context = {
        "form": form,
        "page": page,
        "retention_days": settings.FEEDBACK_RETENTION_DAYS,
        "honeypot": form[HONEYPOT],
        # Every word on these pages is the interface's, translated.
    }
    return render(request, "feedback/form.html", context)


@never_cache
@require_GET
def thanks(request):
    return render(
        request,
        "feedback/thanks.html",
        {"page": site_path(request.GET.get("page"))},
    )
