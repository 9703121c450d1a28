"""Choices the apps share (home/choices.py)."""

from community.models import Company
from home.choices import CompanySize
from library.models import CaseStudyPage


def test_company_profiles_and_case_studies_share_the_company_sizes():
    assert Company._meta.get_field("size").choices == CompanySize.choices
    assert CaseStudyPage._meta.get_field("company_size").choices == CompanySize.choices
    assert CompanySize.values == ["micro", "small", "medium", "large"]
