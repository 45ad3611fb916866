from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("feedback/", include("feedback.urls")),
    path("", include("education.urls")),
]

handler500 = "mbcsite.errors.server_error"
