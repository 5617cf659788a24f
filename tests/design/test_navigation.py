"""The member menu: a USWDS side navigation inside a "Menu" disclosure, which a phone shows closed
and opens without JavaScript (portal.css shows it open where there is room)."""

from django.test import Client


def test_the_member_menu_is_a_menu_disclosure(member_client: Client) -> None:
    html = member_client.get("/").content.decode()
    nav = html.split('<nav class="side-nav"')[1].split("</nav>")[0]
    assert '<details class="side-nav__disclosure">' in nav
    assert '<summary class="side-nav__summary">Menu</summary>' in nav
    assert '<ul class="usa-sidenav">' in nav
    assert '<a href="/" aria-current="page">Home</a>' in nav


def test_the_header_tools_are_disclosures(client: Client) -> None:
    header = client.get("/accounts/login/").content.decode().split("<header")[1].split("</header>")[0]
    assert header.count('<details class="header-disclosure">') == 2
    assert 'id="language-select"' in header and "Accessibility Tools" in header
