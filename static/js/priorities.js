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
