// parceltrail's service worker. The app shell (styles, scripts, icons) comes from the cache; the track
// page and My Orders come from the network and, when it is away, from the copy last seen, so a phone
// offline still shows each parcel's last known state. Push messages become notifications that open the
// parcel's card.
"use strict";
var SHELL_CACHE = "parceltrail-shell-v1";
var PAGES_CACHE = "parceltrail-pages";
var SHELL = ["/static/app.css", "/static/app.js", "/static/push.js", "/static/icon-192.png",
             "/static/icon-512.png", "/manifest.webmanifest"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL_CACHE).then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== SHELL_CACHE && key !== PAGES_CACHE; })
      .map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

function isPage(url) {
  var path = url.pathname;
  if (path === "/track/events" || /\/events$/.test(path)) return false;  // live streams are never kept
  return path === "/track" || path.indexOf("/track/") === 0 || path === "/orders" || path.indexOf("/orders/") === 0;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/static/") === 0 || url.pathname === "/manifest.webmanifest") {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request);
    }));
    return;
  }
  if (request.mode !== "navigate" || !isPage(url)) return;
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(PAGES_CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.open(PAGES_CACHE).then(function (cache) {
      return cache.match(request).then(function (hit) {
        if (hit) return hit;
        return cache.match("/track", {ignoreSearch: true}).then(function (any) { return any || Response.error(); });
      });
    });
  }));
});

self.addEventListener("message", function (event) {
  // Signing out: pages of the account must not stay on the device.
  if (event.data === "forget-pages") event.waitUntil(caches.delete(PAGES_CACHE));
});

self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {title: event.data.text()}; }
  event.waitUntil(self.registration.showNotification(data.title || "parceltrail", {
    body: data.body || "", tag: data.tag || undefined, renotify: Boolean(data.tag), lang: data.lang || "",
    icon: "/static/icon-192.png", badge: "/static/icon-192.png", data: {url: data.url || "/track"}
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = new URL((event.notification.data && event.notification.data.url) || "/track", self.location.origin);
  // The card lives on this site; a link to elsewhere opens this site's card of the same path.
  var url = self.location.origin + target.pathname + target.search;
  event.waitUntil(self.clients.matchAll({type: "window", includeUncontrolled: true}).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (windows[i].url === url && "focus" in windows[i]) return windows[i].focus();
    }
    return self.clients.openWindow(url);
  }));
});
