// The article view: hovering or focusing a marked span shows its fact in a box and lights
// up the fact in the list beside the text. Text only ever goes in through textContent.
(function () {
  "use strict";
  var box = document.getElementById("fact-box");
  if (!box) { return; }
  function lit(fact, on) {
    document.querySelectorAll('.facts-list [data-fact="' + CSS.escape(fact) + '"]').forEach(
      function (item) { item.classList.toggle("active", on); });
  }
  function show(event) {
    var mark = event.target.closest(".hl[data-fact]");
    if (!mark) { return; }
    box.textContent = mark.getAttribute("title") || "";
    box.hidden = false;
    lit(mark.dataset.fact, true);
  }
  function hide(event) {
    var mark = event.target.closest(".hl[data-fact]");
    if (!mark) { return; }
    box.hidden = true;
    lit(mark.dataset.fact, false);
  }
  var text = document.getElementById("article-text");
  text.addEventListener("mouseover", show);
  text.addEventListener("focusin", show);
  text.addEventListener("mouseout", hide);
  text.addEventListener("focusout", hide);
})();
