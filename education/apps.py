from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = "Content"

    def ready(self):
        from django.db.models.signals import pre_save

        from .cache import connect_signals
        from .content import FIXTURE_LAYOUT
        from .models.base import normalise_text_fields
        from .redirects import connect_signals as keep_old_addresses

        content_models = [model for models in FIXTURE_LAYOUT.values() for model in models]
        connect_signals(content_models)
        keep_old_addresses(content_models)
        for model in content_models:
            pre_save.connect(normalise_text_fields, sender=model, dispatch_uid=f"tidy-{model}")
