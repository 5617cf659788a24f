"""Staff admin for documents and notices. The plan's files feed them: member services view them."""

from django.contrib import admin

from documents.models import Document, Notice


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["document_id", "member", "kind", "title", "status", "due_date", "received_date"]
    list_filter = ["kind", "status"]
    list_select_related = ["member"]
    raw_id_fields = ["member"]
    search_fields = ["=document_id", "=member__member_id"]


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["notice_id", "member", "title", "notice_date", "read_at"]
    list_select_related = ["member"]
    raw_id_fields = ["member"]
    search_fields = ["=notice_id", "=member__member_id"]
