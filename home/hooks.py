"""Asking every app for its part through one of the portal's Wagtail hooks."""

from wagtail import hooks


def hook_results(hook_name, *args, key=None):
    """Call every function registered for `hook_name` with `args` and return
    what they give, leaving out None, in the order of registration or, with
    `key`, sorted by it (as sorted() does).

    Use wherever the portal gathers something from the apps without
    importing them: home page and region sections, "What's new", a member's
    data. Each hook's own module shows how an app registers for it."""
    results = [function(*args) for function in hooks.get_hooks(hook_name)]
    results = [result for result in results if result is not None]
    return sorted(results, key=key) if key is not None else results
