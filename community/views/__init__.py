"""Views of the community, one module per concern: the member's own pages
(profile, companies, data) and the routes of the people directory
(people.py, called by PeopleIndexPage)."""
