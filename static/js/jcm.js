// Move focus to a form's error summary when the page shows one, so it is announced first.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
