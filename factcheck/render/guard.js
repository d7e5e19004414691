(function () {
  "use strict";
  var pending = [];
  function record(message) {
    var box = document.getElementById("js-errors");
    if (!box) { pending.push(message); return; }
    var item = document.createElement("li");
    item.textContent = message;
    box.appendChild(item);
    box.hidden = false;
    document.documentElement.setAttribute("data-errors", String(box.children.length));
  }
  window.addEventListener("error", function (e) {
    record("error: " + e.message + " (" + (e.filename || "") + ":" + (e.lineno || 0) + ")");
  });
  document.addEventListener("securitypolicyviolation", function (e) {
    record("blocked by policy: " + e.violatedDirective + " " + (e.blockedURI || ""));
  });
  document.addEventListener("DOMContentLoaded", function () {
    pending.splice(0).forEach(record);
  });
})();
