"""Views of the member's own pages (profile, companies, data), one
module per concern. The public directory is served by PeopleIndexPage."""
