// The OAuth callback page's script: tell the dashboard window that opened the popup that the
// authorization is over (it reloads to show the credential), then close the popup. Without an
// opener (the full-page fallback) the page stays with its link back.
(function () {
  "use strict";
  if (window.opener && !window.opener.closed) {
    window.opener.postMessage({ type: "switchboard:oauth-done" }, window.location.origin);
    window.setTimeout(function () { window.close(); }, 300);
  }
})();
