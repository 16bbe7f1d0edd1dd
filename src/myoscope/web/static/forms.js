// Visit form helpers (the form works without them): show a measurement's side only for kinds that
// have one, and an activity row's inputs only for its entry type.
(function () {
  "use strict";
  function box(input) { return input.closest("div") || input; }
  function update(row) {
    var kind = row.querySelector("select[data-sided]");
    if (kind) {
      var sided = kind.getAttribute("data-sided").split(" ");
      var side = row.querySelector("select[name$='.side']");
      if (side) { box(side).hidden = kind.value !== "" && sided.indexOf(kind.value) < 0 && side.value === ""; }
    }
    var type = row.querySelector("select[name$='.type']");
    if (type) {
      row.querySelectorAll("[data-only]").forEach(function (input) {
        var only = input.getAttribute("data-only").split(" ");
        box(input).hidden = type.value !== "" && only.indexOf(type.value) < 0 && input.value === "";
      });
    }
  }
  function init() {
    document.querySelectorAll(".entry").forEach(update);
    document.addEventListener("change", function (event) {
      var row = event.target.closest && event.target.closest(".entry");
      if (row) { update(row); }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
