// A "Copy" button copies the text of the field its data-copy-from names, and says so.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-from]").forEach(function (button) {
    button.addEventListener("click", function () {
      var field = document.getElementById(button.getAttribute("data-copy-from"));
      var status = document.querySelector("[data-copy-status]");
      var done = function (text) {
        if (status) {
          status.textContent = text;
        }
      };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(field.value).then(
          function () { done("Copied."); },
          function () { field.select(); done("Select the token and copy it."); }
        );
      } else {
        field.select();
        done("Select the token and copy it.");
      }
    });
  });
})();
