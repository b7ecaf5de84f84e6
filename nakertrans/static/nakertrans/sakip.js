/* The application's own few lines of script. The Content-Security-Policy allows no inline script
   (no onchange="...") and no style="..." attribute, so what those did is done here:
   - a <select data-kirim-otomatis> submits its form as soon as it changes (the filter forms; a
     <noscript> button does it without script);
   - an element with data-warna takes that colour as its border: colours chosen in the admin
     (predikat scales) cannot be classes, and a colour set through the CSSOM is allowed. */
(function () {
  "use strict";

  function warnai(akar) {
    if (!akar || !akar.querySelectorAll) return;
    var daftar = Array.prototype.slice.call(akar.querySelectorAll("[data-warna]"));
    if (akar.matches && akar.matches("[data-warna]")) daftar.push(akar);
    daftar.forEach(function (el) {
      // An invalid colour is simply ignored by the browser.
      el.style.borderColor = el.getAttribute("data-warna");
    });
  }

  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el.matches && el.matches("select[data-kirim-otomatis]") && el.form) el.form.submit();
  });
  document.addEventListener("DOMContentLoaded", function () { warnai(document); });
  // Rows htmx swaps in (a saved entry row) bring their own colours.
  document.addEventListener("htmx:load", function (e) { warnai(e.detail.elt); });
})();
