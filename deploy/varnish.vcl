vcl 4.1;
# Varnish between nginx (deploy/nginx.conf) and the portal's gunicorns: it
# keeps the pages the portal marks "Cache-Control: public" (anonymous
# visitors' pages, portal/middleware.py) and shares them between visitors;
# anything personal goes through untouched. Wagtail purges a page, its
# translations and the lists that show it when it is published (PURGE from
# this machine only; home/front_cache.py).
# A template: deploy/render_varnish_vcl.py fills in the names between @ signs
# from the environment (see README, "Production").

import directors;
import std;

@BACKENDS@

sub vcl_init {
    # Requests are shared out between the app servers in turn.
    new portal = directors.round_robin();
@DIRECTOR_MEMBERS@
}

# Who may purge: the portal's worker on this machine.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = portal.backend();

    if (req.method == "PURGE") {
        # Straight from this machine only: a request that came through
        # nginx carries the visitor's address before nginx's own.
        if (client.ip !~ purgers || req.http.X-Forwarded-For ~ ",") {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A signed-in member (the session cookie) or a visitor with a message
    # waiting (Django's messages cookie) gets the portal's own answer.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(@SESSION_COOKIE@|@MESSAGES_COOKIE@)=") {
        return (pass);
    }
    # Other cookies (the CSRF token, the language chosen, anything set by
    # scripts) do not change a public page: the entry is looked up without
    # them, so anonymous visitors share it. The app server still receives
    # them (vcl_backend_fetch); a page that uses one (a form with its CSRF
    # token) is private and is not kept.
    if (req.http.Cookie) {
        set req.http.X-Portal-Cookie = req.http.Cookie;
        unset req.http.Cookie;
    }
    # The portal varies on Accept-Language, of which only the first of its
    # languages matters (LANGUAGES; none of them: LANGUAGE_CODE, Russian),
    # so visitors share one entry per language.
    set req.http.Accept-Language = std.tolower(
        regsub(req.http.Accept-Language, "(?i)^.*?\b(en|ru)\b.*$", "\1"));
    if (req.http.Accept-Language !~ "^(en|ru)$") {
        set req.http.Accept-Language = "ru";
    }
    return (hash);
}

sub vcl_hash {
    # One site: the address alone names a page, whichever host name the
    # visitor (or a purge, which uses the site's own) put in the request.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_fetch {
    if (bereq.http.X-Portal-Cookie) {
        set bereq.http.Cookie = bereq.http.X-Portal-Cookie;
        unset bereq.http.X-Portal-Cookie;
    }
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what the portal calls public, for as long as it says (max-age);
    # everything else is fetched again for each request.
    if (beresp.http.Cache-Control !~ "(?i)(^|,)\s*public\b"
        || beresp.http.Cache-Control ~ "(?i)private|no-cache|no-store"
        || beresp.http.Set-Cookie
        || beresp.http.Vary ~ "\*") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Requests with the cookies that matter never reach the cache (vcl_recv),
    # so the stored page does not vary on the cookies that are left.
    set beresp.http.Vary = regsub(regsuball(beresp.http.Vary, "(?i)(^|,)\s*Cookie\s*(?=,|$)", ""), "^\s*,\s*", "");
    if (beresp.http.Vary == "") {
        unset beresp.http.Vary;
    }
    return (deliver);
}

sub vcl_backend_error {
    # An app server that does not answer (restarting, stopped): the next
    # one is asked, for requests that can be repeated safely.
    if (bereq.retries < @RETRIES@ && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_deliver {
    # Whether the page came from the front cache: hit, miss, or pass
    # (personal, never kept).
    if (obj.hits > 0) {
        set resp.http.X-Front-Cache = "hit";
    } elsif (obj.uncacheable) {
        set resp.http.X-Front-Cache = "pass";
    } else {
        set resp.http.X-Front-Cache = "miss";
    }
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
