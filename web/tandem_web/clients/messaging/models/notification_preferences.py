from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from tandem_web.clients.messaging.models.manager_mail import ManagerMail
from tandem_web.clients.messaging.models.new_message_mail import NewMessageMail
from tandem_web.clients.messaging.types import UNSET, Unset






T = TypeVar("T", bound="NotificationPreferences")



@_attrs_define
class NotificationPreferences:
    """ 
        Attributes:
            new_message (NewMessageMail): How a member hears about new messages by e-mail.
            digest_hour (int): Local hour (in your time zone) at which the daily digest goes out.
            manager_mail (ManagerMail | Unset): How a manager hears that communication agreements wait for their review.
     """

    new_message: NewMessageMail
    digest_hour: int
    manager_mail: ManagerMail | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        new_message = self.new_message.value

        digest_hour = self.digest_hour

        manager_mail: str | Unset = UNSET
        if not isinstance(self.manager_mail, Unset):
            manager_mail = self.manager_mail.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "new_message": new_message,
            "digest_hour": digest_hour,
        })
        if manager_mail is not UNSET:
            field_dict["manager_mail"] = manager_mail

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        new_message = NewMessageMail(d.pop("new_message"))




        digest_hour = d.pop("digest_hour")

        _manager_mail = d.pop("manager_mail", UNSET)
        manager_mail: ManagerMail | Unset
        if isinstance(_manager_mail,  Unset):
            manager_mail = UNSET
        else:
            manager_mail = ManagerMail(_manager_mail)




        notification_preferences = cls(
            new_message=new_message,
            digest_hour=digest_hour,
            manager_mail=manager_mail,
        )

        return notification_preferences

