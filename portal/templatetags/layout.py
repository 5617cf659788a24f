"""`{% layout %}title{% layout_content %}content{% endlayout %}`: base.html's whole page. The two
parts are rendered by Django's engine (they hold the pages' blocks), the page around them by
portal.layout.render_page."""

from django import template
from django.template.base import NodeList, Parser, Token
from django.utils.safestring import SafeString

from portal.layout import render_page

register = template.Library()


class LayoutNode(template.Node):
    # So that {% extends %} finds the blocks inside.
    child_nodelists = ("title", "content")

    def __init__(self, title: NodeList, content: NodeList) -> None:
        self.title, self.content = title, content

    def render(self, context: template.Context) -> SafeString:
        return render_page(context, title=self.title.render(context), content=self.content.render(context))


@register.tag
def layout(parser: Parser, token: Token) -> LayoutNode:
    title = parser.parse(("layout_content",))
    parser.delete_first_token()
    content = parser.parse(("endlayout",))
    parser.delete_first_token()
    return LayoutNode(title, content)
