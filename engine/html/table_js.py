"""The report's only script: sort a table by clicking a header, filter its rows by text and by status.

Plain ES5 (runs in the old browsers of an office PC), no library, no inline handlers (the CSP allows this
script by its hash and nothing else).  Without it the page shows the full table and hides the unusable
controls.  A table opts in with class "sortable" inside an element of class "mtable" that holds the
controls (.f-text, .f-status, .f-count, .tools); a cell's data-v, when present, is its sort key.
"""
from __future__ import annotations

SCRIPT = r"""(function () {
  var doc = document, root = doc.documentElement;
  root.className = root.className ? root.className + ' js' : 'js';
  function each(list, fn) { for (var i = 0; i < list.length; i++) { fn(list[i], i); } }
  function key(row, col) {
    var cell = row.cells[col];
    if (!cell) { return ''; }
    var v = cell.getAttribute('data-v');
    return v === null ? (cell.textContent || '') : v;
  }
  var NUM = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/;
  function compare(a, b) {
    if (a === b) { return 0; }
    if (a === '') { return -1; }
    if (b === '') { return 1; }
    if (NUM.test(a) && NUM.test(b)) { return parseFloat(a) - parseFloat(b); }
    return a.localeCompare ? a.localeCompare(b, 'zh-CN') : (a < b ? -1 : 1);
  }
  function setup(box) {
    var table = box.querySelector('table.sortable');
    if (!table || !table.tBodies.length) { return; }
    var body = table.tBodies[0], rows = [], heads = table.tHead.rows[0].cells;
    var text = box.querySelector('.f-text'), status = box.querySelector('.f-status');
    var count = box.querySelector('.f-count'), tools = box.querySelector('.tools');
    each(body.rows, function (r, i) { r.setAttribute('data-i', i); rows.push(r); });
    function filter() {
      var q = text ? text.value.toLowerCase() : '', s = status ? status.value : '', shown = 0;
      each(rows, function (r) {
        var ok = (!s || r.getAttribute('data-status') === s) &&
                 (!q || (r.textContent || '').toLowerCase().indexOf(q) >= 0);
        if (ok) { r.removeAttribute('hidden'); shown++; } else { r.setAttribute('hidden', 'hidden'); }
      });
      if (count) { count.textContent = shown + ' / ' + rows.length; }
    }
    function sortBy(col) {
      var th = heads[col], dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      rows.sort(function (a, b) {
        return dir * compare(key(a, col), key(b, col)) ||
               (+a.getAttribute('data-i')) - (+b.getAttribute('data-i'));
      });
      each(rows, function (r) { body.appendChild(r); });
      each(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    }
    each(heads, function (th, col) {
      th.setAttribute('tabindex', '0');
      th.addEventListener('click', function () { sortBy(col); });
      th.addEventListener('keydown', function (e) {
        if (e.keyCode === 13 || e.keyCode === 32) { e.preventDefault(); sortBy(col); }
      });
    });
    if (text) { text.addEventListener('input', filter); text.addEventListener('keyup', filter); }
    if (status) { status.addEventListener('change', filter); }
    if (tools) { tools.removeAttribute('hidden'); }
    filter();
  }
  each(doc.querySelectorAll('.mtable'), setup);
})();"""
