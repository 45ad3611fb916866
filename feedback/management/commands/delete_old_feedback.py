from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback.models import Feedback


class Command(BaseCommand):
    help = (
        "Delete readers' feedback older than FEEDBACK_RETENTION_DAYS days (365 unless set), "
        "as the privacy page promises. Run it once a day."
    )

    def handle(self, *args, **options):
        days = settings.FEEDBACK_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        _, per_model = Feedback.objects.filter(created_at__lt=cutoff).delete()
        deleted = per_model.get(Feedback._meta.label, 0)
        noun = "message" if deleted == 1 else "messages"
        self.stdout.write(f"Deleted {deleted} feedback {noun} older than {days} days.")
