// Contract review form: show only the details of the decision chosen (extend, vary,
// re-commission, decommission). Without JavaScript every part stays visible, each under its
// "If ..." legend; the server reads only the chosen decision's details either way.
(function () {
  "use strict";
  var decision = document.getElementById("id_decision");
  var parts = document.querySelectorAll(".decision-details");
  if (!decision || !parts.length) {
    return;
  }
  function sync() {
    parts.forEach(function (part) {
      part.hidden = part.getAttribute("data-decision") !== decision.value;
    });
  }
  decision.addEventListener("change", sync);
  sync();
})();
