(function () {
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var marks = Array.prototype.slice.call(document.querySelectorAll(".hl[data-f]"));
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var active = null;

  function findingsOf(el) { return el.getAttribute("data-f").split(" "); }

  function visibleFindings() {
    var kinds = {};
    form.querySelectorAll("input[name=kind]").forEach(function (box) { kinds[box.value] = box.checked; });
    var minimum = Number(form.querySelector("select[name=severity]").value);
    var visible = {};
    var count = 0;
    cards.forEach(function (card) {
      var show = kinds[card.getAttribute("data-kind")] === true &&
        Number(card.getAttribute("data-rank")) >= minimum;
      card.hidden = !show;
      if (show) { visible[card.getAttribute("data-index")] = true; count += 1; }
    });
    shown.textContent = count + " of " + cards.length;
    return visible;
  }

  function applyFilters() {
    var visible = visibleFindings();
    marks.forEach(function (mark) {
      mark.classList.toggle("muted", !findingsOf(mark).some(function (i) { return visible[i]; }));
    });
    if (active !== null && !visible[active]) { select(null); }
  }

  function scrollPane(mark) {
    var pane = mark.closest(".doc-text");
    if (pane) { pane.scrollTop = Math.max(0, mark.offsetTop - pane.clientHeight / 3); }
  }

  function select(index) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    active = index;
    if (index === null) { return; }
    var card = document.getElementById("finding-" + index);
    card.classList.add("active");
    var firstInPane = [];
    marks.forEach(function (mark) {
      if (findingsOf(mark).indexOf(index) < 0) { return; }
      mark.classList.add("active");
      var pane = mark.closest(".doc-text");
      if (pane && firstInPane.indexOf(pane) < 0) { firstInPane.push(pane); scrollPane(mark); }
    });
    var section = firstInPane.length ? firstInPane[0].closest(".event") : null;
    if (section) { section.scrollIntoView({block: "nearest"}); }
  }

  cards.forEach(function (card) {
    var index = card.getAttribute("data-index");
    card.addEventListener("click", function (e) { e.preventDefault(); select(active === index ? null : index); });
    card.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(index); }
    });
  });
  marks.forEach(function (mark) {
    mark.addEventListener("click", function () {
      var index = findingsOf(mark)[0];
      select(index);
      var card = document.getElementById("finding-" + index);
      if (card && !card.hidden) { card.scrollIntoView({block: "nearest"}); }
    });
  });
  form.addEventListener("change", applyFilters);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  applyFilters();
  document.documentElement.setAttribute("data-ready", "1");
})();
