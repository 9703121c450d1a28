/* Autocomplete for the portal's search boxes.
 *
 * Attaches to #header-search-input and #search-page-input when they are on
 * the page. Suggestions come from the JSON endpoint named by the input's
 * data-autocomplete-url (or the form's action + "suggest/"). The box keeps
 * working as a plain form without this script.
 *
 * Keyboard: Down/Up move through the suggestions, Enter opens the chosen
 * one (or submits the search when none is chosen), Escape closes the list.
 * The input follows the WAI-ARIA combobox pattern; a polite status tells
 * screen readers how many suggestions appeared, in the words of the input's
 * data-autocomplete-found ("… {count} …", translated in the template).
 */
(function () {
    "use strict";

    var DELAY = 200;
    var MIN_LENGTH = 2;

    function endpoint(input) {
        if (input.dataset.autocompleteUrl) return input.dataset.autocompleteUrl;
        var form = input.form;
        if (!form) return null;
        var action = form.getAttribute("action") || "";
        return action.replace(/\/?$/, "/") + "suggest/";
    }

    function attach(input) {
        var url = endpoint(input);
        if (!url || input.dataset.autocompleteReady) return;
        input.dataset.autocompleteReady = "1";

        var list = document.createElement("ul");
        list.id = input.id + "-suggestions";
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent.trim() : "");
        list.hidden = true;
        var host = input.parentNode;
        host.classList.add("search-suggestions-host");
        host.appendChild(list);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", list.id);
        input.setAttribute("autocomplete", "off");

        var found = input.dataset.autocompleteFound;
        var status = null;
        if (found) {
            status = document.createElement("p");
            status.className = "visually-hidden";
            status.setAttribute("role", "status");
            host.appendChild(status);
        }
        function announce(count) {
            if (status) status.textContent = count ? found.replace("{count}", count) : "";
        }

        var items = [];
        var active = -1;
        var timer = null;
        var request = 0;

        function close() {
            announce(0);
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function choose(index) {
            items.forEach(function (item, position) {
                item.element.setAttribute("aria-selected", position === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) input.setAttribute("aria-activedescendant", items[index].element.id);
            else input.removeAttribute("aria-activedescendant");
        }

        function show(results) {
            list.textContent = "";
            items = results.map(function (result, position) {
                var element = document.createElement("li");
                element.id = list.id + "-" + position;
                element.setAttribute("role", "option");
                element.setAttribute("aria-selected", "false");
                element.textContent = result.title;
                element.addEventListener("mousedown", function (event) {
                    event.preventDefault();  // keep the focus in the input
                    window.location.href = result.url;
                });
                list.appendChild(element);
                return { element: element, url: result.url };
            });
            active = -1;
            if (items.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                announce(items.length);
            } else {
                close();
            }
        }

        function fetchSuggestions() {
            var typed = input.value.trim();
            if (typed.length < MIN_LENGTH) { close(); return; }
            var mine = ++request;
            fetch(url + "?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) { if (mine === request) show(data.results || []); })
                .catch(close);
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(fetchSuggestions, DELAY);
        });
        input.addEventListener("keydown", function (event) {
            if (list.hidden && event.key !== "ArrowDown") return;
            if (event.key === "ArrowDown") {
                event.preventDefault();
                if (list.hidden) { fetchSuggestions(); return; }
                choose(Math.min(active + 1, items.length - 1));
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                choose(Math.max(active - 1, -1));
            } else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                window.location.href = items[active].url;
            } else if (event.key === "Escape") {
                event.preventDefault();
                close();
            }
        });
        input.addEventListener("blur", function () { setTimeout(close, 100); });
    }

    function init() {
        ["header-search-input", "search-page-input"].forEach(function (id) {
            var input = document.getElementById(id);
            if (input) attach(input);
        });
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
})();
