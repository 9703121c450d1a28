"""A member's own data, gathered from every app that keeps some.

The portal lets a member download everything it holds about them and
delete their account. Each app that stores member data (profiles,
comments, registrations, offers ...) takes part through two Wagtail hooks
in its own wagtail_hooks.py, so the account code needs to know none of
them:

    @hooks.register("register_member_data_export")
    def export_registrations(user):
        return "event_registrations", [{"event": ..., "status": ...}, ...]

    @hooks.register("register_member_data_erasure")
    def erase_registrations(user):
        Registration.objects.filter(user=user).delete()

An export function returns a (section name, JSON-serialisable data) pair.
An erasure function removes or anonymises the app's data of that member;
it runs inside the transaction that deletes the account.
"""

from home.hooks import hook_results


def export_member_data(user):
    """Everything the apps hold about `user`, as {section: data}."""
    return dict(hook_results("register_member_data_export", user))


def erase_member_data(user):
    """Let every app remove or anonymise what it holds about `user`."""
    hook_results("register_member_data_erasure", user)
