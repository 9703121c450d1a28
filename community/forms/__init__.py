"""Forms of the community app, one module per concern."""
