// Action form: show "Cancellation reason" only while the status is "Cancelled".
// Without JavaScript the field simply stays visible; the server checks the rule either way.
(function () {
  "use strict";
  var status = document.getElementById("id_status");
  var reason = document.getElementById("div_id_cancellation_reason");
  if (!status || !reason) {
    return;
  }
  function sync() {
    reason.hidden = status.value !== "cancelled";
  }
  status.addEventListener("change", sync);
  sync();
})();

// Bulk change of actions: show only the field of the change chosen (owner, status, due date).
// Without JavaScript every field stays visible; the server reads only the chosen one.
(function () {
  "use strict";
  var radios = document.querySelectorAll('input[name="change"]');
  if (!radios.length) {
    return;
  }
  var fields = { owner: "div_id_owner", status: "div_id_status", due_date: "div_id_due_date" };
  function sync() {
    var chosen = document.querySelector('input[name="change"]:checked');
    Object.keys(fields).forEach(function (name) {
      var field = document.getElementById(fields[name]);
      if (field) {
        field.hidden = !chosen || chosen.value !== name;
      }
    });
    var reason = document.getElementById("div_id_cancellation_reason");
    var status = document.getElementById("id_status");
    if (reason && status) {
      reason.hidden = !chosen || chosen.value !== "status" || status.value !== "cancelled";
    }
  }
  radios.forEach(function (radio) {
    radio.addEventListener("change", sync);
  });
  var status = document.getElementById("id_status");
  if (status) {
    status.addEventListener("change", sync);
  }
  sync();
})();
