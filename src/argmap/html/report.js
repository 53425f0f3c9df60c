// argmap report: pan and zoom the diagram, find statements, and tie the diagram, the findings,
// the source and the details together. Reads only the page's own DOM; builds text with
// textContent, never with markup; asks nothing of the network.
(function () {
  "use strict";
  var state = { k: null, view: null, home: null, svg: null, app: null };
  var narrow = window.matchMedia("(max-width: 60rem)");

  function $(selector, root) { return (root || state.app).querySelector(selector); }
  function all(selector, root) { return Array.prototype.slice.call((root || state.app).querySelectorAll(selector)); }

  // --- the view: the SVG's viewBox -------------------------------------------------------------
  function setView(v) {
    state.view = { x: v.x, y: v.y, w: v.w, h: v.h };
    state.svg.setAttribute("viewBox", [v.x, v.y, v.w, v.h].join(" "));
  }
  function fit() { if (state.home) setView(state.home); }
  function toSvg(clientX, clientY) {
    var matrix = state.svg.getScreenCTM();
    if (!matrix) return { x: 0, y: 0 };
    var point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }
  function zoom(factor, at) {
    var v = state.view, home = state.home;
    var w = Math.min(home.w * 4, Math.max(home.w / 60, v.w / factor));
    var ratio = w / v.w;
    var c = at || { x: v.x + v.w / 2, y: v.y + v.h / 2 };
    setView({ x: c.x - (c.x - v.x) * ratio, y: c.y - (c.y - v.y) * ratio, w: w, h: v.h * ratio });
  }
  function panBy(dx, dy) {
    var v = state.view;
    setView({ x: v.x + dx, y: v.y + dy, w: v.w, h: v.h });
  }
  function scale() {
    var matrix = state.svg.getScreenCTM();
    return matrix ? matrix.a : 1;
  }
  function centreOn(node) {
    var box = node.getBoundingClientRect();
    var a = toSvg(box.left, box.top), b = toSvg(box.right, box.bottom);
    var v = state.view, w = v.w, bw = b.x - a.x, bh = b.y - a.y;
    var frame = state.svg.getBoundingClientRect();
    var aspect = frame.width > 0 ? frame.height / frame.width : v.h / v.w;
    if (w > bw * 5) w = Math.max(bw * 3, bh * 3 / aspect, state.home.w / 60);
    var h = w * aspect;
    setView({ x: (a.x + b.x) / 2 - w / 2, y: (a.y + b.y) / 2 - h / 2, w: w, h: h });
  }

  // --- choosing a statement --------------------------------------------------------------------
  function nodeOf(k) { return state.svg ? state.svg.querySelector('[data-k="' + k + '"]') : null; }
  function select(k, centre) {
    all(".am-chosen").forEach(function (e) { e.classList.remove("am-chosen"); });
    all(".am-related").forEach(function (e) { e.classList.remove("am-related"); });
    state.k = k;
    var article = document.getElementById("st-" + k);
    var details = $("#am-details");
    if (!article || !details) return;
    var node = nodeOf(k);
    if (node) {
      node.classList.add("am-chosen");
      if (centre) centreOn(node);
    }
    all('.am-finding[data-k="' + k + '"]').forEach(function (e) { e.classList.add("am-related"); });
    all("a.quote").forEach(function (e) {
      if ((" " + e.getAttribute("data-all") + " ").indexOf(" " + k + " ") >= 0) e.classList.add("am-related");
    });
    article.classList.add("am-related");
    var copy = article.cloneNode(true);
    copy.removeAttribute("id");
    copy.classList.remove("am-related");
    copy.classList.add("am-shown");
    details.replaceChildren(copy);
  }
  function reveal(element) {
    if (!element) return;
    var box = element.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) element.scrollIntoView({ block: "start" });
  }
  function show(k) {
    select(k, true);
    reveal(narrow.matches ? $("#am-diagram") : $("#am-diagram-section"));
  }

  // --- search ----------------------------------------------------------------------------------
  function search(query) {
    var results = $("#am-results");
    results.replaceChildren();
    all(".am-match").forEach(function (e) { e.classList.remove("am-match"); });
    query = query.trim().toLowerCase();
    if (!query) return [];
    var found = all("#am-statements .am-statement").filter(function (article) {
      var id = article.getAttribute("data-id").toLowerCase();
      var words = article.querySelector(".am-text").textContent.toLowerCase();
      return id.indexOf(query) >= 0 || words.indexOf(query) >= 0;
    });
    found.slice(0, 30).forEach(function (article) {
      var k = article.getAttribute("data-k");
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      var words = article.querySelector(".am-text").textContent;
      button.textContent = article.getAttribute("data-id") + ": " + (words.length > 60 ? words.slice(0, 59) + "\u2026" : words);
      button.addEventListener("click", function () { show(k); });
      item.appendChild(button);
      results.appendChild(item);
      var node = nodeOf(k);
      if (node) node.classList.add("am-match");
    });
    if (found.length > 30) {
      var more = document.createElement("li");
      more.textContent = "\u2026 and " + (found.length - 30) + " more";
      results.appendChild(more);
    }
    if (!found.length) {
      var none = document.createElement("li");
      none.textContent = "No statement has this id or these words.";
      results.appendChild(none);
    }
    return found;
  }

  // --- wiring ----------------------------------------------------------------------------------
  function wireDiagram(box) {
    var pointers = {}, moved = false, last = null, spread = null;
    box.addEventListener("wheel", function (event) {
      event.preventDefault();
      zoom(event.deltaY < 0 ? 1.2 : 1 / 1.2, toSvg(event.clientX, event.clientY));
    }, { passive: false });
    box.addEventListener("pointerdown", function (event) {
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      moved = false;
      last = { x: event.clientX, y: event.clientY };
      box.classList.add("am-dragging");
    });
    box.addEventListener("pointermove", function (event) {
      if (!pointers[event.pointerId]) return;
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      var ids = Object.keys(pointers);
      if (ids.length === 2) {
        var p = pointers[ids[0]], q = pointers[ids[1]];
        var d = Math.hypot(p.x - q.x, p.y - q.y);
        if (spread) zoom(d / spread, toSvg((p.x + q.x) / 2, (p.y + q.y) / 2));
        spread = d;
        moved = true;
        return;
      }
      var dx = event.clientX - last.x, dy = event.clientY - last.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!moved) box.setPointerCapture(event.pointerId);
      moved = true;
      last = { x: event.clientX, y: event.clientY };
      panBy(-dx / scale(), -dy / scale());
    });
    function up(event) {
      delete pointers[event.pointerId];
      spread = null;
      box.classList.remove("am-dragging");
    }
    box.addEventListener("pointerup", up);
    box.addEventListener("pointercancel", up);
    box.addEventListener("click", function (event) {
      if (moved) { moved = false; event.preventDefault(); return; }  // a drag, not a click
      var node = event.target.closest("[data-k]");
      if (node) { event.preventDefault(); select(node.getAttribute("data-k"), false); }
    });
    box.addEventListener("keydown", function (event) {
      var node = event.target.closest ? event.target.closest("[data-k]") : null;
      var step = state.view.w / 10;
      var keys = {
        ArrowLeft: function () { panBy(-step, 0); }, ArrowRight: function () { panBy(step, 0); },
        ArrowUp: function () { panBy(0, -step); }, ArrowDown: function () { panBy(0, step); },
        "+": function () { zoom(1.25); }, "=": function () { zoom(1.25); },
        "-": function () { zoom(0.8); }, "0": fit,
      };
      if (node && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        select(node.getAttribute("data-k"), false);
      } else if (keys[event.key] && !event.altKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        keys[event.key]();
      }
    });
  }

  function wireApp(app) {
    app.addEventListener("click", function (event) {
      var link = event.target.closest("a.am-to, a.quote");
      if (!link) return;
      event.preventDefault();
      var k = link.getAttribute("data-k");
      if (link.classList.contains("quote")) {
        select(k, true);
        reveal(narrow.matches ? $("#am-details") : $("#am-diagram-section"));
      } else {
        show(k);
      }
    });
    var input = $("#am-search");
    input.addEventListener("input", function () { search(input.value); });
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      var found = search(input.value);
      if (found.length) show(found[0].getAttribute("data-k"));
    });
    $("#am-fit").addEventListener("click", fit);
    $("#am-zoom-in").addEventListener("click", function () { zoom(1.25); });
    $("#am-zoom-out").addEventListener("click", function () { zoom(0.8); });
  }

  function init(app, keep) {
    state.app = app;
    state.svg = app.querySelector("#am-diagram svg");
    if (!state.svg) return;
    var box = state.svg.viewBox.baseVal;
    state.home = { x: box.x, y: box.y, w: box.width, h: box.height };
    wireDiagram(app.querySelector("#am-diagram"));
    wireApp(app);
    var view = keep && keep.view;
    setView(view && keep.home && keep.home.w === state.home.w && keep.home.h === state.home.h ? view : state.home);
    if (keep && keep.k !== null && document.getElementById("st-" + keep.k)) select(keep.k, false);
    var query = app.querySelector("#am-search");
    if (keep && keep.query) { query.value = keep.query; search(keep.query); }
  }

  var printed = null;
  window.addEventListener("beforeprint", function () { printed = state.view; fit(); });
  window.addEventListener("afterprint", function () { if (printed) setView(printed); });

  window.argmapReport = {
    init: init,
    keep: function () {
      var query = state.app && state.app.querySelector("#am-search");
      return { view: state.view, home: state.home, k: state.k, query: query ? query.value : "" };
    },
  };
  init(document.getElementById("am-app"), null);
})();
