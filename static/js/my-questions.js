/*
 * "My questions": move a question up or down, or remove it, without reloading the page.
 *
 * Without JavaScript each button posts its form and the page reloads. With it, the same form
 * is posted in the background and the list is replaced by the one the server sends back, so
 * the server's session stays the one keeper of the list. Focus stays with the question that
 * moved, and the status line says what happened. If the post cannot be made, the form is sent
 * the ordinary way.
 */
(function () {
  "use strict";

  var list = document.getElementById("my-questions-list");
  var status = document.getElementById("my-questions-status");
  if (!list || !status || !window.fetch || !window.DOMParser || !window.FormData) {
    return;
  }

  function say(text) {
    status.textContent = text;
  }

  function items() {
    return list.querySelectorAll("ol.my-questions > li");
  }

  /* Put focus where the reader's eyes are: on the same button of the question that moved, on
     the question after a removed one, or on the list when it is empty. */
  function refocus(action, index) {
    var all = items();
    if (!all.length) {
      list.focus();
      return;
    }
    var at = action === "up" ? index - 1 : action === "down" ? index + 1 : index;
    var item = all[Math.max(0, Math.min(at, all.length - 1))];
    var same = action === "remove" ? null : item.querySelector('button[value="' + action + '"]');
    (same || item).focus();
  }

  function replaceList(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(list.id);
    if (!fresh) {
      return false;
    }
    list.innerHTML = fresh.innerHTML;
    return true;
  }

  function reloadList() {
    return fetch(window.location.pathname, { credentials: "same-origin" })
      .then(function (response) {
        return response.text();
      })
      .then(replaceList);
  }

  list.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    if (!form.classList.contains("question-actions") || !button || form.dataset.plain) {
      return;
    }
    event.preventDefault();
    var data = new FormData(form);
    data.append(button.name, button.value);
    var action = button.value;
    var index = Number(form.elements.number.value);
    var question = form.closest("li").querySelector("p").textContent;
    say("");  // so the same words, said again after this change, are heard again
    list.setAttribute("aria-busy", "true");
    // Not form.action: the buttons are named "action", and a named control hides the property.
    fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (text) {
          if (response.ok && replaceList(text)) {
            say(status.dataset[action] + ": " + question);
            refocus(action, index);
            return;
          }
          var plain = (response.headers.get("Content-Type") || "").indexOf("text/plain") === 0;
          if (response.status === 400 && plain) {
            // The list changed elsewhere (another tab): say so, and show it as it is now.
            say(text);
            return reloadList().then(function () {
              list.focus();
            });
          }
          throw new Error("the server's own page explains this");
        });
      })
      .catch(function () {
        // Post it the ordinary way, so the reader sees the page the server sends.
        form.dataset.plain = "yes";
        form.requestSubmit(button);
      })
      .finally(function () {
        list.removeAttribute("aria-busy");
      });
  });
})();
