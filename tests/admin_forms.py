"""Working the admin as a person would: log in as a group member, read a change form, send it
back with some fields changed."""

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

PASSWORD = "a-long-test-password"


def member_of(django_user_model, client, group, username):
    user = django_user_model.objects.create_user(
        username, password=PASSWORD, is_staff=True, first_name=username.title(), last_name="Tester"
    )
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def form_data(html):
    """Everything the browser would send for the admin's change form, as a dict."""
    form = BeautifulSoup(html, "html.parser").find("form", id=lambda v: v and v.endswith("_form"))
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "textarea":
            # As a browser does: a newline right after <textarea> is not part of the value.
            data[name] = field.get_text().removeprefix("\n")
        elif field.name == "select":
            chosen = field.find_all("option", selected=True)
            values = [o.get("value", "") for o in chosen]
            if field.has_attr("multiple"):
                data[name] = values
            elif values:
                data[name] = values[0]
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        else:
            data[name] = field.get("value", "")
    return data


def change_url(obj):
    return reverse(f"admin:education_{obj._meta.model_name}_change", args=[obj.pk])


def in_english_boxes(model, changes):
    """``changes`` as typed in the form: a translated field's words (``summary``) into its
    English box (``summary_en``)."""
    translated = getattr(model, "translated_fields", ())
    return {f"{name}_en" if name in translated else name: value for name, value in changes.items()}


def edit(client, obj, **changes):
    """Open the object's change form and send it back with ``changes``; a translated field
    named plainly is changed in its English box."""
    response = client.get(change_url(obj))
    assert response.status_code == 200
    data = form_data(response.content.decode())
    data.update(in_english_boxes(type(obj), changes))
    return client.post(change_url(obj), data)
