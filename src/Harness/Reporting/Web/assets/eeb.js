/* EarlyExitBench pages' own behaviour (src/Harness/Reporting/Web/assets/eeb.js): table sorting by tablesort
   (vendor/, loaded before this), a filter box per table, one tooltip for every chart, and a self-check on load. */
(function () {
  'use strict';
  // Numeric columns sort by each cell's data-value; a cell without one (a missing number) counts as lower than any number.
  Tablesort.extend('eeb-number', function () { return false; }, function (a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    x = isNaN(x) ? -Infinity : x;
    y = isNaN(y) ? -Infinity : y;
    return x === y ? 0 : (y < x ? -1 : 1);
  });

  function tables() {
    var all = document.querySelectorAll('table.eeb-table[data-sortable]');
    for (var i = 0; i < all.length; i++) { new Tablesort(all[i], { sortAttribute: 'data-value' }); }
  }

  function filters() {
    var boxes = document.querySelectorAll('input.eeb-filter');
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].addEventListener('input', function (event) {
        var box = event.target, table = document.getElementById(box.getAttribute('data-table'));
        if (!table) { return; }
        var words = box.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
        var rows = table.tBodies[0].rows;
        for (var r = 0; r < rows.length; r++) {
          var text = rows[r].textContent.toLowerCase();
          rows[r].hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
        }
      });
    }
  }

  function tips() {
    var tip = document.getElementById('eeb-tip');
    if (!tip) { return; }
    function target(event) {
      var el = event.target;
      return el && el.closest ? el.closest('svg.eeb-chart [data-tip]') : null;
    }
    function place(event) {
      var x = event.clientX + 14, y = event.clientY + 14;
      tip.style.left = Math.max(0, Math.min(x, window.innerWidth - tip.offsetWidth - 4)) + 'px';
      tip.style.top = Math.max(0, Math.min(y, window.innerHeight - tip.offsetHeight - 4)) + 'px';
    }
    document.addEventListener('mouseover', function (event) {
      var el = target(event);
      if (!el) { return; }
      tip.textContent = el.getAttribute('data-tip');
      tip.hidden = false;
      place(event);
    });
    document.addEventListener('mousemove', function (event) { if (!tip.hidden && target(event)) { place(event); } });
    document.addEventListener('mouseout', function (event) { if (target(event)) { tip.hidden = true; } });
  }

  // Counts the charts, those that take up space and those with a point to hover, and the page width, on the body
  // element (where a headless browser's --dump-dom shows them); a chart with nothing drawn is a console error.
  function check() {
    var charts = document.querySelectorAll('svg.eeb-chart'), empty = [], visible = 0;
    for (var i = 0; i < charts.length; i++) {
      var box = charts[i].getBoundingClientRect();
      if (box.width > 0 && box.height > 0) { visible++; }
      if (charts[i].querySelectorAll('[data-tip]').length === 0) { empty.push(charts[i].getAttribute('aria-label')); }
    }
    var body = document.body;
    body.setAttribute('data-charts', String(charts.length));
    body.setAttribute('data-charts-drawn', String(charts.length - empty.length));
    body.setAttribute('data-charts-visible', String(visible));
    body.setAttribute('data-tables', String(document.querySelectorAll('table.eeb-table[data-sortable]').length));
    body.setAttribute('data-page-width', String(document.documentElement.scrollWidth));
    body.setAttribute('data-viewport-width', String(window.innerWidth));
    if (empty.length > 0) { console.error('page: ' + empty.length + ' chart(s) with no points: ' + empty.join(', ')); }
  }

  function start() { tables(); filters(); tips(); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
  window.addEventListener('load', check);
}());
