// parceltrail as an installed app: registers the service worker (offline pages, notifications), shows
// when the page is the last known state, and turns push notifications for a parcel on and off.
(function () {
  "use strict";
  var supported = "serviceWorker" in navigator;
  if (supported) navigator.serviceWorker.register("/sw.js", {scope: "/"}).catch(function () {});

  function offlineNotice() {
    var text = document.body.getAttribute("data-offline");
    var shown = document.getElementById("offline-notice");
    if (navigator.onLine || !text) { if (shown) shown.remove(); return; }
    if (shown) return;
    var notice = document.createElement("p");
    notice.id = "offline-notice";
    notice.className = "notice";
    notice.setAttribute("role", "status");
    notice.textContent = text;
    var main = document.getElementById("main");
    if (main) main.insertBefore(notice, main.firstChild);
  }
  window.addEventListener("online", offlineNotice);
  window.addEventListener("offline", offlineNotice);

  function forgetPages() {
    if (supported && navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage("forget-pages");
  }

  function keyBytes(text) {
    var padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function remembered(number) { try { return localStorage.getItem("parceltrail_push_" + number) === "on"; } catch (e) { return false; } }
  function remember(number, on) {
    try { if (on) localStorage.setItem("parceltrail_push_" + number, "on"); else localStorage.removeItem("parceltrail_push_" + number); } catch (e) { /* private mode */ }
  }

  function show(button, on, message) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? button.getAttribute("data-label-off") : button.getAttribute("data-label-on");
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    if (status && message !== undefined) status.textContent = message;
  }

  function post(url, body) {
    return fetch(url, {method: "POST", headers: {"Content-Type": "application/json"}, credentials: "same-origin",
                       body: JSON.stringify(body)})
      .then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) throw {shown: data.error && data.error.message};
          return data;
        });
      });
  }

  function enable(button) {
    var failed = button.getAttribute("data-failed");
    return Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") throw {shown: button.getAttribute("data-denied")};
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      return registration.pushManager.getSubscription().then(function (existing) {
        return existing || registration.pushManager.subscribe({
          userVisibleOnly: true, applicationServerKey: keyBytes(button.getAttribute("data-push-key"))});
      });
    }).then(function (subscription) {
      return post("/push/subscriptions", {
        subscription: subscription.toJSON ? subscription.toJSON() : subscription,
        shipment_id: Number(button.getAttribute("data-push-shipment")),
        number: button.getAttribute("data-push-number"), language: document.documentElement.lang});
    }).then(function (answer) {
      remember(button.getAttribute("data-push-number"), true);
      show(button, true, answer.message);
    }).catch(function (error) {
      show(button, false, (error && error.shown) || failed);
    });
  }

  function disable(button) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return registration.pushManager.getSubscription();
    }).then(function (subscription) {
      if (!subscription) return {message: ""};
      return post("/push/unsubscribe", {endpoint: subscription.endpoint,
                                         shipment_id: Number(button.getAttribute("data-push-shipment"))});
    }).then(function (answer) {
      remember(button.getAttribute("data-push-number"), false);
      show(button, false, answer.message);
    }).catch(function (error) {
      show(button, true, (error && error.shown) || button.getAttribute("data-failed"));
    });
  }

  function setup() {
    offlineNotice();
    var logout = document.querySelector("form[action='/logout']");
    if (logout) logout.addEventListener("submit", forgetPages);
    var buttons = document.querySelectorAll("button[data-push-number]");
    for (var i = 0; i < buttons.length; i++) {
      (function (button) {
        if (!supported || !("PushManager" in window) || !("Notification" in window)) {
          button.disabled = true;
          show(button, false, button.getAttribute("data-unsupported"));
          return;
        }
        button.hidden = false;
        show(button, remembered(button.getAttribute("data-push-number")));
        button.addEventListener("click", function () {
          button.disabled = true;
          var done = function () { button.disabled = false; };
          (button.getAttribute("aria-pressed") === "true" ? disable(button) : enable(button)).then(done, done);
        });
      })(buttons[i]);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
