/* Online events: show the event's time in the visitor's own time zone too.
   The page already gives the time in the event's zone, with the zone named;
   without JavaScript that is what visitors see. */
(function () {
    "use strict";
    var visitorZone;
    try {
        visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
        return;
    }
    if (!visitorZone) {
        return;
    }
    var language = document.documentElement.lang || undefined;
    var dateAndTime = new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short", timeZone: visitorZone });
    var timeOnly = new Intl.DateTimeFormat(language, { timeStyle: "short", timeZone: visitorZone });
    var dayOf = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: visitorZone });
    var zoneName = new Intl.DateTimeFormat(language, { timeZoneName: "long", timeZone: visitorZone });

    document.querySelectorAll("[data-visitor-time]").forEach(function (node) {
        if (node.dataset.zone === visitorZone) {
            return; /* the visitor is in the event's zone: nothing to add */
        }
        var start = new Date(node.dataset.start);
        var end = new Date(node.dataset.end);
        if (isNaN(start.getTime()) || isNaN(end.getTime())) {
            return;
        }
        var endText = dayOf.format(start) === dayOf.format(end) ? timeOnly.format(end) : dateAndTime.format(end);
        var zonePart = zoneName.formatToParts(start).filter(function (part) {
            return part.type === "timeZoneName";
        })[0];
        node.textContent = node.dataset.label + ": " + dateAndTime.format(start) + " – " + endText +
            " (" + (zonePart ? zonePart.value : visitorZone) + ")";
        node.hidden = false;
    });
})();
