from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = "Content"

    def ready(self):
        from .cache import connect_signals
        from .content import FIXTURE_LAYOUT

        connect_signals([model for models in FIXTURE_LAYOUT.values() for model in models])
