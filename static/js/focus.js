/* Where the keyboard focus goes when a page opens after an action, so that
 * keyboard and screen-reader users land on what the action produced
 * instead of at the top of the page.
 *
 * The first of these that the page has, inside <main>:
 *  1. a form sent back with errors: its error summary (.form-errors), or
 *     else the first field with an error;
 *  2. the element the address's #fragment names (a comment just posted
 *     arrives as #c123): it takes the focus, and the page's messages are
 *     read with it;
 *  3. an element marked data-focus-on-load (the count of a filtered list);
 *  4. the page's messages (includes/messages.html): "You are registered",
 *     "Your comment has been published" and the like.
 * Nothing moves when the visitor's own focus is already somewhere (an
 * autofocus field), or when the page has none of these. Elements that cannot take the focus are
 * given tabindex="-1" first.
 */
(function () {
    "use strict";

    var FIELDS = "input:not([type=hidden]):not([tabindex='-1']), select, textarea";

    function focusable(element) {
        if (element.tabIndex < 0 && !element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
        return element;
    }

    function firstInvalidField(main) {
        var field = main.querySelector(".has-error :is(" + FIELDS + "), [aria-invalid=true]");
        if (field) return field;
        var error = main.querySelector(".field-error");
        var holder = error && error.closest(".form-field");
        return holder ? holder.querySelector(FIELDS) : null;
    }

    function fragmentTarget(main) {
        var id;
        try {
            id = decodeURIComponent(window.location.hash.slice(1));
        } catch (error) {
            return null;  // a malformed address: no fragment to go to
        }
        if (!id) return null;
        var target = document.getElementById(id);
        return target && main.contains(target) && target !== main ? target : null;
    }

    function target(main) {
        var summary = main.querySelector(".form-errors");
        if (summary) return focusable(summary);
        var field = firstInvalidField(main);
        if (field) return field;
        var messages = main.querySelector("#messages, .messages");
        var fragment = fragmentTarget(main);
        if (fragment) {
            if (messages && messages.id) {
                var described = fragment.getAttribute("aria-describedby");
                fragment.setAttribute("aria-describedby", described ? described + " " + messages.id : messages.id);
            }
            return focusable(fragment);
        }
        var marked = main.querySelector("[data-focus-on-load]");
        if (marked) return focusable(marked);
        return messages ? focusable(messages) : null;
    }

    function init() {
        var main = document.getElementById("main");
        var active = document.activeElement;
        // The skip link leaves #main in the address, and the browser then
        // gives <main> the focus: that is not the visitor's own choice.
        var untouched = !active || active === document.body || active === document.documentElement || active === main;
        if (!main || !untouched) return;
        var element = target(main);
        if (element) element.focus();
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
})();
