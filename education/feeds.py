"""The "What's new" feed: dated treatment changes, for feed readers and other sites."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone

from .models import TreatmentUpdate

FEED_LENGTH = 20


class WhatsNewFeed(Feed):
    title = "What's new in metastatic breast cancer treatment"
    link = reverse_lazy("education:whats-new")
    description = (
        "New FDA approvals and other changes in treatment for metastatic breast cancer, "
        "in plain words, with the pages this site changed because of them."
    )

    def items(self):
        return TreatmentUpdate.objects.published()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.happened_on, time(12)))

    def item_updateddate(self, item):
        return item.updated_at
