/* Rows of an entry page that were typed in but not saved are not lost without a word.

   Each row is its own form (form[data-isian-baris], saved by htmx with its «Simpan» button). A row is
   unsaved when a field differs from what the page was loaded with (a file chosen counts), or when the
   server sent it back refused (data-belum-tersimpan: the values shown were not saved). Then:
   - the row shows its «Belum disimpan.» mark ([data-penanda-belum-tersimpan]);
   - leaving the page (a link, reload, closing the tab, logging out) asks the browser's own question;
   - a form marked data-wajib-tersimpan («Ajukan») is not sent: the page's message
     ([data-pesan-belum-tersimpan]) names the rows and the first one gets the focus.
   A row saved by htmx is replaced by the server's fresh row, which is clean again. Without script the
   page works as before; the server never needed this to stay correct. */
(function () {
  "use strict";

  var BARIS = "form[data-isian-baris]";

  function berubah(form) {
    if (form.hasAttribute("data-belum-tersimpan")) return true;
    // form.elements includes the fields bound to the form by their form="..." attribute.
    return Array.prototype.some.call(form.elements, function (el) {
      if (el.type === "hidden" || el.type === "submit" || el.type === "button") return false;
      if (el.type === "checkbox" || el.type === "radio") return el.checked !== el.defaultChecked;
      if (el.type === "file") return el.files !== null && el.files.length > 0;
      return "defaultValue" in el && el.value !== el.defaultValue;
    });
  }

  function belumTersimpan() {
    return Array.prototype.filter.call(document.querySelectorAll(BARIS), berubah);
  }

  function barisDari(form) {
    var kolom = form.closest("tr");
    return kolom || form.parentElement;
  }

  function tandai(form) {
    var penanda = barisDari(form).querySelector("[data-penanda-belum-tersimpan]");
    if (penanda) penanda.hidden = !berubah(form);
  }

  function tandaiSemua() {
    Array.prototype.forEach.call(document.querySelectorAll(BARIS), tandai);
  }

  function formBaris(el) {
    var form = el && el.form;
    return form && form.matches(BARIS) ? form : null;
  }

  ["input", "change"].forEach(function (jenis) {
    document.addEventListener(jenis, function (e) {
      var form = formBaris(e.target);
      if (form) tandai(form);
    });
  });

  // A row form sent without htmx (no script for it) navigates on purpose: do not ask then.
  var sedangMenyimpan = false;
  document.addEventListener("submit", function (e) {
    if (e.target.matches(BARIS) && !e.defaultPrevented) sedangMenyimpan = true;
  });

  window.addEventListener("beforeunload", function (e) {
    if (sedangMenyimpan || belumTersimpan().length === 0) return;
    e.preventDefault();
    e.returnValue = ""; // older browsers need a value to ask
  });

  document.addEventListener(
    "submit",
    function (e) {
      var form = e.target;
      if (!form.hasAttribute || !form.hasAttribute("data-wajib-tersimpan")) return;
      var sisa = belumTersimpan();
      var pesan = document.querySelector("[data-pesan-belum-tersimpan]");
      if (sisa.length === 0) {
        if (pesan) pesan.hidden = true;
        return;
      }
      e.preventDefault();
      sisa.forEach(tandai);
      if (pesan) {
        var daftar = pesan.querySelector("[data-daftar-belum-tersimpan]");
        if (daftar) {
          daftar.textContent = sisa
            .map(function (f) {
              return "«" + f.getAttribute("data-isian-baris") + "»";
            })
            .join(", ");
        }
        pesan.hidden = false;
      }
      var pertama = Array.prototype.find.call(sisa[0].elements, function (el) {
        return el.type !== "hidden" && typeof el.focus === "function";
      });
      if (pertama) pertama.focus();
    },
    true
  );

  document.addEventListener("DOMContentLoaded", tandaiSemua);
  // A row swapped in by htmx: a refused save comes back marked, a saved one clean.
  document.addEventListener("htmx:load", function (e) {
    var el = e.detail && e.detail.elt;
    if (!el || !el.querySelectorAll) return;
    Array.prototype.forEach.call(el.querySelectorAll(BARIS), tandai);
  });
})();
