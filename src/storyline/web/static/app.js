// storyline: small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("keydown", function (event) {
  // Escape closes an open citation popover (the focused citation loses focus).
  if (event.key === "Escape" && document.activeElement && document.activeElement.classList.contains("cite")) {
    document.activeElement.blur();
  }
});
document.addEventListener("DOMContentLoaded", function () {
  // On the article page, move focus to the followed citation so it is read out and in view.
  var target = document.getElementById("cited");
  if (target && location.hash === "#cited") {
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }
});
