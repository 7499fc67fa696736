// SPDX-FileCopyrightText: 2026 The licensecheck authors
// SPDX-License-Identifier: Apache-2.0
// The inventory filter. The page is complete without it: rows are only hidden, never built,
// and values are read with textContent, never parsed as HTML.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var form = document.getElementById("filters");
  var table = document.getElementById("files");
  if (!form || !table) return;
  var controls = form.elements;
  var shown = controls.namedItem("shown");
  var template = shown.getAttribute("data-template");
  var OPERATOR = /^(and|or|with)$/i;
  var rows = null;

  function index() {
    rows = [];
    for (var g = 0; g < table.tBodies.length; g++) {
      var body = table.tBodies[g];
      for (var i = 0; i < body.rows.length; i++) {
        var tr = body.rows[i];
        if (!tr.hasAttribute("data-c")) continue;
        var keys = tr.cells[4].textContent.split(/[\s()]+/).filter(function (k) {
          return k && !OPERATOR.test(k);
        });
        rows.push({ el: tr, group: g, text: tr.textContent.toLowerCase(), category: tr.getAttribute("data-c"),
                    status: tr.getAttribute("data-s"), keys: keys });
      }
    }
  }

  function matches(row, query, category, license, status, group) {
    if (query && row.text.indexOf(query) < 0) return false;
    if (category && row.category !== category) return false;
    if (status && row.status !== status) return false;
    if (group !== "" && String(row.group) !== group) return false;
    if (license === "-") return row.keys.length === 0;
    return !license || row.keys.indexOf(license) >= 0;
  }

  function apply() {
    if (!rows) index();
    var query = controls.namedItem("q").value.trim().toLowerCase();
    var category = controls.namedItem("c").value, license = controls.namedItem("l").value;
    var status = controls.namedItem("s").value, group = controls.namedItem("k").value;
    var visible = [], count = 0;
    for (var g = 0; g < table.tBodies.length; g++) visible.push(0);
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i], on = matches(row, query, category, license, status, group);
      if (row.el.hidden === on) row.el.hidden = !on;  // touch the DOM only on change
      if (on) { count++; visible[row.group]++; }
    }
    for (g = 0; g < table.tBodies.length; g++) table.tBodies[g].hidden = visible[g] === 0;
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
