// SPDX-FileCopyrightText: 2026 The licensecheck authors
// SPDX-License-Identifier: Apache-2.0
// The inventory filter. The page is complete without it: rows are only hidden, never built,
// and values are read with textContent, never parsed as HTML.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var form = document.getElementById("filters");
  var files = document.getElementById("files");
  if (!form || !files) return;
  var controls = form.elements;
  var shown = controls.namedItem("shown");
  var template = shown.getAttribute("data-template");
  var OPERATOR = /^(and|or|with)$/i;
  var components = files.querySelectorAll(".component");
  var chunks = files.querySelectorAll(".chunk");
  var rows = null;

  function index() {
    rows = [];
    for (var c = 0; c < chunks.length; c++) {
      var chunk = chunks[c], component = chunk.parentNode.id.slice(1);
      var trs = chunk.querySelectorAll("tr[data-c]");
      for (var i = 0; i < trs.length; i++) {
        var tr = trs[i];
        var keys = tr.cells[4].textContent.split(/[\s()]+/).filter(function (k) {
          return k && !OPERATOR.test(k);
        });
        rows.push({ el: tr, chunk: c, component: component, text: tr.textContent.toLowerCase(),
                    category: tr.getAttribute("data-c"), status: tr.getAttribute("data-s"), keys: keys });
      }
    }
  }

  function matches(row, wanted) {
    if (wanted.q && row.text.indexOf(wanted.q) < 0) return false;
    if (wanted.c && row.category !== wanted.c) return false;
    if (wanted.s && row.status !== wanted.s) return false;
    if (wanted.k && row.component !== wanted.k) return false;
    if (wanted.l === "-") return row.keys.length === 0;
    return !wanted.l || row.keys.indexOf(wanted.l) >= 0;
  }

  function apply() {
    if (!rows) index();
    var wanted = { q: controls.namedItem("q").value.trim().toLowerCase(), c: controls.namedItem("c").value,
                   l: controls.namedItem("l").value, s: controls.namedItem("s").value,
                   k: controls.namedItem("k").value };
    var perChunk = new Array(chunks.length).fill(0), count = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i], on = matches(row, wanted);
      if (row.el.hidden === on) row.el.hidden = !on;  // touch the DOM only on change
      if (on) { count++; perChunk[row.chunk]++; }
    }
    var perComponent = {};
    for (var c = 0; c < chunks.length; c++) {
      chunks[c].hidden = perChunk[c] === 0;
      var id = chunks[c].parentNode.id;
      perComponent[id] = (perComponent[id] || 0) + perChunk[c];
    }
    for (var k = 0; k < components.length; k++) components[k].hidden = !perComponent[components[k].id];
    shown.textContent = template.replace("{shown}", count).replace("{total}", rows.length);
  }

  var timer = 0;
  form.addEventListener("input", function (event) {
    clearTimeout(timer);
    timer = setTimeout(apply, event.target.name === "q" ? 150 : 0);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
})();
