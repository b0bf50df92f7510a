/**
 * The report's only script, inlined (the page loads nothing). Sorting: a click (or Enter) on a header with
 * `data-sort="num|text"` sorts its table on that column (numbers from the cells' `data-v`, unknown values last),
 * a second click reverses it. Filtering the segment table: words (all must appear in the row), status, minimum
 * CER. Playing one segment pauses the others. Plain browser JavaScript, no build step.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  function keyOf(cell, numeric) {
    var raw = cell ? (cell.getAttribute('data-v') !== null ? cell.getAttribute('data-v') : cell.textContent) : '';
    if (!numeric) return (raw || '').trim().toLowerCase();
    return raw === null || raw.trim() === '' ? NaN : Number(raw);
  }
  function compare(a, b, numeric) {
    if (numeric) {
      if (isNaN(a) && isNaN(b)) return 0;
      if (isNaN(a)) return 1;
      if (isNaN(b)) return -1;
      return a - b;
    }
    return a.localeCompare(b);
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var head = table.tHead;
    var body = table.tBodies[0];
    if (!head || !body) return;
    var headers = head.querySelectorAll('th');
    Array.prototype.forEach.call(headers, function (th, column) {
      var kind = th.getAttribute('data-sort');
      if (!kind) return;
      th.tabIndex = 0;
      function sort() {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = kind === 'num';
        var rows = Array.prototype.map.call(body.rows, function (row, index) {
          return { row: row, key: keyOf(row.cells[column], numeric), index: index };
        });
        rows.sort(function (a, b) {
          var order = compare(a.key, b.key, numeric);
          if (order !== 0 && !(numeric && (isNaN(a.key) || isNaN(b.key)))) order = ascending ? order : -order;
          return order || a.index - b.index;
        });
        rows.forEach(function (entry) { body.appendChild(entry.row); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); sort(); }
      });
    });
  });

  var table = document.getElementById('segments');
  var text = document.getElementById('segment-filter');
  var status = document.getElementById('segment-status');
  var minCer = document.getElementById('segment-min-cer');
  var count = document.getElementById('segment-count');
  if (table && text && status && minCer && count) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var haystacks = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var apply = function () {
      var words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var wanted = status.value;
      var min = minCer.value.trim() === '' ? 0 : Number(minCer.value);
      var shown = 0;
      rows.forEach(function (row, i) {
        var state = row.getAttribute('data-status');
        var statusOk = wanted === 'all' || (wanted === 'kept' ? state !== 'rejected' : state === wanted);
        var ok = statusOk && !(Number(row.getAttribute('data-cer')) < min) &&
          words.every(function (word) { return haystacks[i].indexOf(word) !== -1; });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown + ' of ' + rows.length + ' rows shown';
    };
    [text, status, minCer].forEach(function (input) {
      input.addEventListener('input', apply);
      input.addEventListener('change', apply);
    });
    apply();
  }

  document.addEventListener('play', function (event) {
    Array.prototype.forEach.call(document.querySelectorAll('audio'), function (audio) {
      if (audio !== event.target && !audio.paused) audio.pause();
    });
  }, true);
})();
`;
