"""The portal gathers what the apps give through its hooks in one way:
every registered function is asked, and those with nothing to give are
left out."""

from wagtail import hooks

from home.hooks import hook_results


def test_results_come_in_the_order_of_registration_without_the_empty_ones():
    with (
        hooks.register_temporarily("register_test_part", lambda word: f"{word} 1"),
        hooks.register_temporarily("register_test_part", lambda word: None),
        hooks.register_temporarily("register_test_part", lambda word: f"{word} 2"),
    ):
        assert hook_results("register_test_part", "часть") == ["часть 1", "часть 2"]


def test_results_may_be_sorted():
    with (
        hooks.register_temporarily("register_test_part", lambda: 20),
        hooks.register_temporarily("register_test_part", lambda: 10),
    ):
        assert hook_results("register_test_part", key=lambda number: number) == [10, 20]


def test_a_hook_nobody_registered_for_gives_nothing():
    assert hook_results("register_test_nothing") == []
