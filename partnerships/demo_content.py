from partnerships import demo_contacts  # noqa: F401
