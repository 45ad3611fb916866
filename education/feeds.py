"""The "What's new" feed: dated treatment changes, for feed readers and other sites."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import TreatmentUpdate
from .site_url import absolute_url

FEED_LENGTH = 20


class WhatsNewFeed(Feed):
    """Every link names the host the feed is read from, as the pages' links do.

    ``get_feed`` is Django's, cut to what this feed uses, without its look-up of the sites
    framework's Site row (installed for redirects), whose one fixed domain Django would put
    before the links.
    """

    title = _("What's new in metastatic breast cancer treatment")
    link = reverse_lazy("education:whats-new")
    description = _(
        "New FDA approvals and other changes in treatment for metastatic breast cancer, "
        "in plain words, with the pages this site changed because of them."
    )

    def get_feed(self, obj, request):
        feed = self.feed_type(
            title=self.title,
            link=absolute_url(str(self.link)),
            description=self.description,
            language=self.language or get_language(),
            feed_url=absolute_url(request.path),
        )
        for item in self.items():
            link = absolute_url(item.get_absolute_url())
            feed.add_item(
                title=self.item_title(item),
                link=link,
                description=self.item_description(item),
                unique_id=link,
                pubdate=self.item_pubdate(item),
                updateddate=self.item_updateddate(item),
            )
        return feed

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
