// Open the warning when the page says to (data-warn-after-seconds, from members/rules.py). Without JavaScript
// the note on the page says the same; "Stay logged in" is a plain form post.
(function () {
  var dialog = document.getElementById("session-warning");
  if (!dialog || typeof dialog.showModal !== "function") return;
  var seconds = parseInt(dialog.getAttribute("data-warn-after-seconds"), 10);
  window.setTimeout(function () { dialog.showModal(); }, seconds * 1000);
})();
