from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    # Every public page in English at its plain address, and in Spanish under /es/.
    *i18n_patterns(
        path("feedback/", include("feedback.urls")),
        path("", include("education.urls")),
        prefix_default_language=False,
    ),
]

handler500 = "mbcsite.errors.server_error"
