from enum import StrEnum

class FailureReason(StrEnum):
    ADDRESS_REFUSED = "address_refused"
    CONNECTION_FAILED = "connection_failed"
    HTTP_ERROR = "http_error"
    NOT_A_CALENDAR = "not_a_calendar"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"

    def __str__(self) -> str:
        return str(self.value)
