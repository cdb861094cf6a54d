// Put back into the page's form what was typed before the session ended (core/saved_typing.py):
// the fields come as {name: [values]} in a JSON blob; each is filled by name, in the POST form
// holding most of them.
(function () {
  "use strict";
  var blob = document.getElementById("jcm-saved-typing");
  if (!blob) {
    return;
  }
  var saved = JSON.parse(blob.textContent);
  var names = Object.keys(saved);
  var forms = Array.prototype.filter.call(document.forms, function (form) {
    return form.method.toLowerCase() === "post" && !form.closest("dialog");
  });
  function matches(form) {
    return names.filter(function (name) {
      return form.elements.namedItem(name) !== null;
    }).length;
  }
  var form = forms.sort(function (a, b) {
    return matches(b) - matches(a);
  })[0];
  if (!form || matches(form) === 0) {
    return;
  }
  names.forEach(function (name) {
    var values = saved[name];
    var fields = Array.prototype.filter.call(form.elements, function (field) {
      return field.name === name && ["file", "password", "submit", "button"].indexOf(field.type) === -1;
    });
    var text = 0;
    fields.forEach(function (field) {
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = values.indexOf(field.value) !== -1;
      } else if (field.tagName === "SELECT") {
        Array.prototype.forEach.call(field.options, function (option) {
          option.selected = field.multiple ? values.indexOf(option.value) !== -1 : option.value === values[0];
        });
      } else if (text < values.length) {
        field.value = values[text];
        text += 1;
      } else {
        return;
      }
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
    });
  });
})();
