(function () {
  "use strict";
  // Rows (tr[data-row]) are shown when every <select data-filter="KEY"> is empty or equals
  // the row's data-KEY, and the text box is empty or in the row's text.
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-row]"));
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var text = document.getElementById("filter-text");
  var shown = document.getElementById("shown");
  function apply() {
    var needle = text.value.trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      var show = selects.every(function (s) {
        return !s.value || row.dataset[s.dataset.filter] === s.value;
      }) && (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
      row.hidden = !show;
      if (show) { count += 1; }
    });
    shown.textContent = count + " of " + rows.length + " shown";
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  text.addEventListener("input", apply);
  // A button with data-set="KEY" and data-value="V" sets that filter to V.
  Array.prototype.forEach.call(document.querySelectorAll("button[data-set]"), function (b) {
    b.addEventListener("click", function () {
      selects.forEach(function (s) { if (s.dataset.filter === b.dataset.set) { s.value = b.dataset.value; } });
      apply();
    });
  });
}());
