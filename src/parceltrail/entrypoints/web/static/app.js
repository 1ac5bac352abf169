// parceltrail pages: the reader's time zone (a cookie the server formats dates with) and live updates
// over Server-Sent Events. Plain JavaScript, no libraries; the pages work without it.
(function () {
  "use strict";
  var TZ_COOKIE = "parceltrail_tz";

  function cookie(name) {
    var found = document.cookie.split("; ").filter(function (c) { return c.indexOf(name + "=") === 0; })[0];
    return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
  }

  // Time zone: remembered for a year; the first visit reloads once so dates are shown in it.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var had = cookie(TZ_COOKIE);
    if (zone && had !== zone) {
      document.cookie = TZ_COOKIE + "=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
      var shown = document.documentElement.getAttribute("data-tz");
      // Only when the cookie was missing and stuck: an unknown zone on the server can never loop.
      if (had === null && shown !== zone && cookie(TZ_COOKIE) === zone) location.reload();
    }
  } catch (e) { /* no Intl: UTC it is */ }

  function live() {
    var status = document.getElementById("live-status");
    if (!status || !status.dataset.live || !window.EventSource) return;
    var source = new EventSource(status.dataset.live);
    source.addEventListener("card", function (message) {
      var data = JSON.parse(message.data);
      var old = document.getElementById("card-" + data.number);
      if (!old) return;
      var holder = document.createElement("div");
      holder.innerHTML = data.html;
      var fresh = holder.firstElementChild;
      if (!fresh) return;
      // A stream that reconnects starts again from the page's first render: what is already shown stays.
      if (old.dataset.v && old.dataset.v === fresh.dataset.v) return;
      old.replaceWith(fresh);
      // A check that found nothing new only refreshes "last checked": no flash, nothing announced.
      if (!data.news) return;
      fresh.classList.add("flash");
      var heading = fresh.querySelector("h2");
      status.textContent = (status.dataset.updated || "Updated") + ": " + (heading ? heading.textContent : data.number) +
        " " + new Date().toLocaleTimeString();
    });
  }
  // Copy a number: the buttons exist for readers with a clipboard; delegated, so live-replaced cards work.
  function tools() {
    if (!navigator.clipboard) return;
    Array.prototype.forEach.call(document.querySelectorAll("button.copy[hidden]"), function (b) { b.hidden = false; });
    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button.copy") : null;
      if (!button) return;
      navigator.clipboard.writeText(button.dataset.copy).then(function () {
        var label = button.textContent;
        button.textContent = button.dataset.done || label;
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
    new MutationObserver(function () {
      Array.prototype.forEach.call(document.querySelectorAll("button.copy[hidden]"), function (b) { b.hidden = false; });
    }).observe(document.body, { childList: true, subtree: true });
  }
  function start() { live(); tools(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
