"""Models of the events app: the event calendar and event pages, the
learning page, and members' registrations."""

from .pages import EventIndexPage, EventPage, LearningPage
from .registrations import Registration

__all__ = ["EventIndexPage", "EventPage", "LearningPage", "Registration"]
