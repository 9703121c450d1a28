/* Glossary terms marked on a page (glossary/marking.py) show their
   translation on hover and on keyboard focus (static/css/glossary.css).
   Escape hides the shown translation without moving the focus or the
   pointer (WCAG 1.4.13: content on hover or focus can be dismissed); it
   comes back the next time the term is reached. */
(function () {
    "use strict";

    function dismissShown() {
        var shown = document.querySelectorAll(".glossary-term:hover, .glossary-term:focus-within");
        shown.forEach(function (term) { term.classList.add("is-dismissed"); });
        return shown.length > 0;
    }

    function reset(event) {
        var term = event.target.closest && event.target.closest(".glossary-term");
        if (term) { term.classList.remove("is-dismissed"); }
    }

    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && dismissShown()) { event.preventDefault(); }
    });
    document.addEventListener("focusin", reset);
    document.addEventListener("mouseover", function (event) {
        var term = event.target.closest && event.target.closest(".glossary-term");
        if (term && !term.contains(event.relatedTarget)) { term.classList.remove("is-dismissed"); }
    });
})();
