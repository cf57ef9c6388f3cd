// Switchboard dashboard behaviour. Served as a static file so that the Content-Security-Policy
// needs no inline script. Every page works without it; it adds copying, OAuth popups and the CSRF
// header on htmx requests.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function announce(text) {
    var live = document.getElementById("live");
    if (live) {
      live.textContent = "";
      window.setTimeout(function () { live.textContent = text; }, 50);
    }
  }

  // htmx sends the session's CSRF token like every form does.
  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRF-Token"] = csrfToken();
  });

  function copy(button) {
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target) {
      return;
    }
    var text = target.value !== undefined ? target.value : target.textContent;
    var done = function () {
      var label = button.firstChild;
      var before = label.nodeValue;
      label.nodeValue = "Copied";
      announce("Copied to the clipboard");
      window.setTimeout(function () { label.nodeValue = before; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(target, done); });
    } else {
      fallbackCopy(target, done);
    }
  }

  function fallbackCopy(target, done) {
    target.focus();
    if (target.select) {
      target.select();
    }
    try {
      if (document.execCommand("copy")) {
        done();
        return;
      }
    } catch (e) {
      // fall through: the text stays selected for Ctrl+C
    }
    announce("Press Ctrl+C to copy the selected text");
  }

  // OAuth connect (DESIGN.md §5): ask the server for the provider's authorization URL, open it in a
  // popup, reload when the popup closes or reports back; without a popup, go there in this window.
  function oauth(button) {
    var status = document.getElementById("oauth-status");
    var say = function (text) { if (status) { status.textContent = text; } };
    var popup = window.open("about:blank", "switchboard-oauth", "width=600,height=720");
    button.disabled = true;
    say("Opening the authorization page…");
    fetch(button.getAttribute("data-oauth-start"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRF-Token": csrfToken() }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (answer) {
      var url = answer.body && answer.body.authorizationUrl;
      if (!answer.ok || !url) {
        throw new Error((answer.body && answer.body.error && answer.body.error.message) || "the server did not start the authorization");
      }
      if (popup && !popup.closed) {
        popup.location.href = url;
        say("Authorize in the popup window; this page updates when you are done.");
        var timer = window.setInterval(function () {
          if (popup.closed) {
            window.clearInterval(timer);
            window.location.reload();
          }
        }, 700);
      } else {
        window.location.assign(url);
      }
    }).catch(function (error) {
      if (popup && !popup.closed) {
        popup.close();
      }
      button.disabled = false;
      say("Could not start OAuth: " + error.message);
    });
  }

  window.addEventListener("message", function (event) {
    if (event.origin === window.location.origin && event.data && event.data.type === "switchboard:oauth-done") {
      window.location.reload();
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var copyButton = target && target.closest("[data-copy]");
    if (copyButton) {
      event.preventDefault();
      copy(copyButton);
      return;
    }
    var oauthButton = target && target.closest("[data-oauth-start]");
    if (oauthButton) {
      event.preventDefault();
      oauth(oauthButton);
    }
  });
})();
