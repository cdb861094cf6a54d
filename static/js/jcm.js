// Move focus to a form's error summary when the page shows one, so it is announced first.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();

// The navigation bar's search box drops down from a button on a wide screen: put the cursor in
// it, so a person types straight away.
(function () {
  "use strict";
  var toggle = document.getElementById("nav-search-toggle");
  var box = document.getElementById("nav-search-q");
  if (toggle && box) {
    toggle.addEventListener("shown.bs.dropdown", function () {
      box.focus();
    });
  }
})();
