from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.messaging.models.exported_agreement_change import ExportedAgreementChange
  from tandem_web.clients.messaging.models.exported_message import ExportedMessage
  from tandem_web.clients.messaging.models.exported_post import ExportedPost
  from tandem_web.clients.messaging.models.exported_report import ExportedReport
  from tandem_web.clients.messaging.models.exported_thread import ExportedThread
  from tandem_web.clients.messaging.models.notification_preferences import NotificationPreferences





T = TypeVar("T", bound="ExportPublic")



@_attrs_define
class ExportPublic:
    """ 
        Attributes:
            subject (str):
            exported_at (datetime.datetime):
            messages (list[ExportedMessage]):
            forum_threads (list[ExportedThread]):
            forum_posts (list[ExportedPost]):
            reports (list[ExportedReport]):
            agreement_changes (list[ExportedAgreementChange]):
            notification_preferences (NotificationPreferences):
     """

    subject: str
    exported_at: datetime.datetime
    messages: list[ExportedMessage]
    forum_threads: list[ExportedThread]
    forum_posts: list[ExportedPost]
    reports: list[ExportedReport]
    agreement_changes: list[ExportedAgreementChange]
    notification_preferences: NotificationPreferences
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.messaging.models.exported_agreement_change import ExportedAgreementChange # noqa: PLC0415
        from tandem_web.clients.messaging.models.exported_message import ExportedMessage # noqa: PLC0415
        from tandem_web.clients.messaging.models.exported_post import ExportedPost # noqa: PLC0415
        from tandem_web.clients.messaging.models.exported_report import ExportedReport # noqa: PLC0415
        from tandem_web.clients.messaging.models.exported_thread import ExportedThread # noqa: PLC0415
        from tandem_web.clients.messaging.models.notification_preferences import NotificationPreferences # noqa: PLC0415
        subject = self.subject

        exported_at = self.exported_at.isoformat()

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)



        forum_threads = []
        for forum_threads_item_data in self.forum_threads:
            forum_threads_item = forum_threads_item_data.to_dict()
            forum_threads.append(forum_threads_item)



        forum_posts = []
        for forum_posts_item_data in self.forum_posts:
            forum_posts_item = forum_posts_item_data.to_dict()
            forum_posts.append(forum_posts_item)



        reports = []
        for reports_item_data in self.reports:
            reports_item = reports_item_data.to_dict()
            reports.append(reports_item)



        agreement_changes = []
        for agreement_changes_item_data in self.agreement_changes:
            agreement_changes_item = agreement_changes_item_data.to_dict()
            agreement_changes.append(agreement_changes_item)



        notification_preferences = self.notification_preferences.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "subject": subject,
            "exported_at": exported_at,
            "messages": messages,
            "forum_threads": forum_threads,
            "forum_posts": forum_posts,
            "reports": reports,
            "agreement_changes": agreement_changes,
            "notification_preferences": notification_preferences,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.messaging.models.exported_agreement_change import ExportedAgreementChange # noqa: PLC0415
        from tandem_web.clients.messaging.models.exported_message import ExportedMessage # noqa: PLC0415
        from tandem_web.clients.messaging.models.exported_post import ExportedPost # noqa: PLC0415
        from tandem_web.clients.messaging.models.exported_report import ExportedReport # noqa: PLC0415
        from tandem_web.clients.messaging.models.exported_thread import ExportedThread # noqa: PLC0415
        from tandem_web.clients.messaging.models.notification_preferences import NotificationPreferences # noqa: PLC0415
        d = dict(src_dict)
        subject = d.pop("subject")

        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))




        messages = []
        _messages = d.pop("messages")
        for messages_item_data in (_messages):
            messages_item = ExportedMessage.from_dict(messages_item_data)



            messages.append(messages_item)


        forum_threads = []
        _forum_threads = d.pop("forum_threads")
        for forum_threads_item_data in (_forum_threads):
            forum_threads_item = ExportedThread.from_dict(forum_threads_item_data)



            forum_threads.append(forum_threads_item)


        forum_posts = []
        _forum_posts = d.pop("forum_posts")
        for forum_posts_item_data in (_forum_posts):
            forum_posts_item = ExportedPost.from_dict(forum_posts_item_data)



            forum_posts.append(forum_posts_item)


        reports = []
        _reports = d.pop("reports")
        for reports_item_data in (_reports):
            reports_item = ExportedReport.from_dict(reports_item_data)



            reports.append(reports_item)


        agreement_changes = []
        _agreement_changes = d.pop("agreement_changes")
        for agreement_changes_item_data in (_agreement_changes):
            agreement_changes_item = ExportedAgreementChange.from_dict(agreement_changes_item_data)



            agreement_changes.append(agreement_changes_item)


        notification_preferences = NotificationPreferences.from_dict(d.pop("notification_preferences"))




        export_public = cls(
            subject=subject,
            exported_at=exported_at,
            messages=messages,
            forum_threads=forum_threads,
            forum_posts=forum_posts,
            reports=reports,
            agreement_changes=agreement_changes,
            notification_preferences=notification_preferences,
        )


        export_public.additional_properties = d
        return export_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
