// The sign-out warning, after GOV.UK's timeout warning pattern: a modal dialog opens before the
// idle session ends, with a countdown and a "Stay signed in" button that renews the session.
// If the time runs out, the page signs out and goes to the sign-in page; a form with unsaved
// typing is posted instead, so that the server keeps it for after signing in again
// (core/saved_typing.py). The idle time comes from the dialog's data attributes (base.html).
(function () {
  "use strict";
  var dialog = document.getElementById("session-timeout");
  if (!dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var STORAGE_KEY = "jcm.session.renewedAt";
  var idleMs = Number(dialog.dataset.idleSeconds) * 1000;
  var warningMs = Math.min(Number(dialog.dataset.warningSeconds) * 1000, idleMs / 2);
  var heading = dialog.querySelector("#session-timeout-heading");
  var countdown = dialog.querySelector(".session-timeout-countdown");
  var live = dialog.querySelector("[data-session-timeout-live]");
  var token = dialog.querySelector("input[name=csrfmiddlewaretoken]").value;
  var renewedAt = Date.now();
  var lastAnnounced = null;
  var returnFocusTo = null;
  var ending = false;

  function remember(time) {
    renewedAt = time;
    try {
      window.localStorage.setItem(STORAGE_KEY, String(time));
    } catch (error) {
      // Private browsing without storage: this tab keeps its own time.
    }
  }

  // The latest renewal in any tab of this site: each page load and keep-alive renews the session.
  function latestRenewal() {
    var latest = renewedAt;
    try {
      var stored = Number(window.localStorage.getItem(STORAGE_KEY));
      if (stored > latest) {
        latest = stored;
      }
    } catch (error) {
      // As above.
    }
    return latest;
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function timeLeftText(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    if (seconds > 60) {
      return plural(Math.ceil(seconds / 60), "minute");
    }
    return plural(seconds, "second");
  }

  // Screen readers hear the time left each minute, then every 20 seconds in the last minute.
  function announcement(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var step = seconds > 60 ? 60 : 20;
    return Math.ceil(seconds / step) * step;
  }

  function update(ms) {
    var text = timeLeftText(ms);
    countdown.textContent = text;
    var mark = announcement(ms);
    if (mark !== lastAnnounced) {
      lastAnnounced = mark;
      live.textContent = "You will be signed out in " + text + ".";
    }
  }

  function open(ms) {
    returnFocusTo = document.activeElement;
    lastAnnounced = null;
    update(ms);
    dialog.showModal();
    heading.focus();
  }

  function close() {
    if (dialog.open) {
      dialog.close();
    }
    live.textContent = "";
    if (returnFocusTo && typeof returnFocusTo.focus === "function") {
      returnFocusTo.focus();
    }
  }

  function post(url) {
    return window.fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token, Accept: "application/json" },
    });
  }

  function fieldChanged(field) {
    if (!field.name || field.disabled || ["hidden", "file", "password", "submit", "button"].indexOf(field.type) !== -1) {
      return false;
    }
    if (field.type === "checkbox" || field.type === "radio") {
      return field.checked !== field.defaultChecked;
    }
    if (field.tagName === "SELECT") {
      return Array.prototype.some.call(field.options, function (option) {
        return option.selected !== option.defaultSelected;
      });
    }
    return "defaultValue" in field && field.value !== field.defaultValue;
  }

  function formWithTyping() {
    return Array.prototype.find.call(document.forms, function (form) {
      return (
        form.method.toLowerCase() === "post" &&
        !dialog.contains(form) &&
        Array.prototype.some.call(form.elements, fieldChanged)
      );
    });
  }

  function signOut() {
    if (ending) {
      return;
    }
    ending = true;
    var form = formWithTyping();
    var done = function () {
      if (form) {
        // Posted without a session, the typing is kept and the server sends us to sign in.
        HTMLFormElement.prototype.submit.call(form);
        return;
      }
      var query = new URLSearchParams({
        next: window.location.pathname + window.location.search,
        signed_out: "idle",
      });
      window.location.assign(dialog.dataset.loginUrl + "?" + query.toString());
    };
    post(dialog.dataset.logoutUrl).then(done, done);
  }

  function staySignedIn() {
    post(dialog.dataset.keepAliveUrl).then(
      function (response) {
        if (response.ok && !response.redirected) {
          remember(Date.now());
          close();
        } else {
          signOut(); // the session had already ended
        }
      },
      function () {
        live.textContent = "Could not reach the server. Try again.";
      }
    );
  }

  function tick() {
    var left = latestRenewal() + idleMs - Date.now();
    if (left <= 0) {
      signOut();
    } else if (left <= warningMs) {
      if (dialog.open) {
        update(left);
      } else {
        open(left);
      }
    } else if (dialog.open) {
      close(); // another tab kept the session
    }
  }

  dialog.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    staySignedIn();
  });
  dialog.querySelector("[data-session-timeout-sign-out]").addEventListener("click", function () {
    ending = true;
    var form = document.createElement("form");
    form.method = "post";
    form.action = dialog.dataset.logoutUrl;
    form.appendChild(dialog.querySelector("input[name=csrfmiddlewaretoken]").cloneNode());
    document.body.appendChild(form);
    form.submit();
  });
  // Escape closes the dialog: as on GOV.UK, that counts as staying signed in.
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    staySignedIn();
  });

  remember(Date.now());
  window.setInterval(tick, 1000);
})();
