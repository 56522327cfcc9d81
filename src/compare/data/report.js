
(function () {
  "use strict";
  function partnersOf(el) {
    var ids = (el.getAttribute("data-partners") || "").split(" ");
    var found = [];
    for (var k = 0; k < ids.length; k++) {
      var node = ids[k] ? document.getElementById(ids[k]) : null;
      if (node) { found.push(node); }
    }
    return found;
  }
  function clear(name) {
    var nodes = document.querySelectorAll("." + name);
    for (var k = 0; k < nodes.length; k++) { nodes[k].classList.remove(name); }
  }
  function mark(el, own, other) {
    clear(own); clear(other);
    if (!el) { return []; }
    el.classList.add(own);
    var partners = partnersOf(el);
    for (var k = 0; k < partners.length; k++) { partners[k].classList.add(other); }
    return partners;
  }
  var active = null;
  function toggle(el) {
    if (active === el) {
      active = null; mark(null, "active", "partner");
      document.body.classList.remove("pinned"); return;
    }
    active = el;
    document.body.classList.add("pinned");
    var partners = mark(el, "active", "partner");
    if (partners.length) { partners[0].scrollIntoView({block: "nearest", behavior: "smooth"}); }
  }
  var sentences = document.querySelectorAll(".s[data-partners]");
  for (var k = 0; k < sentences.length; k++) {
    var el = sentences[k];
    el.addEventListener("mouseenter", function () { mark(this, "hover", "hover-partner"); });
    el.addEventListener("mouseleave", function () { mark(null, "hover", "hover-partner"); });
    el.addEventListener("click", function () { toggle(this); });
    el.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggle(this); }
    });
  }
  var jumps = document.querySelectorAll("[data-show]");
  for (var j = 0; j < jumps.length; j++) {
    jumps[j].addEventListener("click", function (event) {
      var target = document.getElementById(this.getAttribute("data-show"));
      if (!target) { return; }
      event.preventDefault();
      document.getElementById("side-by-side").scrollIntoView();
      if (active !== target) { toggle(target); }
      target.scrollIntoView({block: "center"});
    });
  }
}());
