// argmap serve: ask the server four times a second whether the report changed; swap the new one
// in, keeping the view; show the map's problems above the last good report.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="argmap-version"]');
  var version = meta ? Number(meta.getAttribute("content")) : 0;
  var banner = document.getElementById("am-banner");
  var failures = 0, busy = false;

  function say(heading, lines) {
    if (!heading) { banner.hidden = true; banner.replaceChildren(); return; }
    var strong = document.createElement("strong");
    strong.textContent = heading;
    var pre = document.createElement("pre");
    pre.textContent = lines.join("\n");
    banner.replaceChildren(strong, pre);
    banner.hidden = false;
  }

  function swap(html) {
    if (!window.argmapReport) { window.location.reload(); return; }  // the waiting page
    var fresh = new DOMParser().parseFromString(html, "text/html");
    var app = fresh.getElementById("am-app");
    var old = document.getElementById("am-app");
    var next = fresh.querySelector('meta[name="argmap-version"]');
    if (!app || !old) return;
    var keep = window.argmapReport.keep();
    var adopted = document.importNode(app, true);
    old.replaceWith(adopted);
    window.argmapReport.init(adopted, keep);
    version = next ? Number(next.getAttribute("content")) : version;
    document.title = fresh.title;
  }

  function poll() {
    if (busy) return;
    busy = true;
    fetch("/state", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        failures = 0;
        if (state.problems.length) say("The map has problems; this is its last good report.", state.problems);
        else say(null);
        if (state.version === version) return null;
        return fetch("/", { cache: "no-store" }).then(function (r) { return r.text(); }).then(swap);
      })
      .catch(function () {
        failures += 1;
        if (failures === 4) say("argmap serve has stopped; this page no longer updates.", []);
      })
      .then(function () { busy = false; });
  }
  setInterval(poll, 250);
})();
