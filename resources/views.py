"""Resources: the plan's self-service information, forms, materials, pharmacy resources and FAQ.

The same for every member (it is the plan's content, not the member's), shown only to members
signed in, like its files.
"""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from members.decorators import MemberRequest, member_required
from resources.models import ResourceTranslation
from resources.selectors import resources_page


@require_GET
@member_required
def resources(request: MemberRequest) -> HttpResponse:
    return render(request, "resources/resources.html", {"sections": resources_page(get_language())})


@require_GET
@member_required
def resource_file(request: MemberRequest, pk: int) -> HttpResponse:
    """A resource's PDF, as a download named for the entry and its language."""
    text = get_object_or_404(ResourceTranslation.objects.select_related("resource").exclude(file=""), pk=pk)
    try:
        handle = text.file.open("rb")
    except FileNotFoundError:
        # The row outlived its file (a storage restored without it): nothing to send.
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=text.download_name, content_type="application/pdf"
    )
    # member_required is typed for HttpResponse; a streamed response serves it the same (its status).
    return response  # type: ignore[return-value]
