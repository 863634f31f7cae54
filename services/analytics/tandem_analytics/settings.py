"""Settings of the analytics service (environment prefix ``TANDEM_ANALYTICS_``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from tandem_analytics.domain.risk_rules import SECONDS_PER_DAY
from tandem_kit.settings import ServiceSettings


class AnalyticsSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="TANDEM_ANALYTICS_",
        env_nested_delimiter="__",
        extra="ignore",
        validate_default=True,
    )

    service_name: str = "analytics"
    http_port: int = Field(default=8004, ge=1, le=65535)
    database_url: str = "sqlite+aiosqlite:///.data/analytics.db"

    # --- programme figures on /metrics (service/programme_metrics.py) ---
    # How often they are read from the read models, and the most programme x country
    # series they may make (whole programmes, the largest first; README: Operations).
    programme_metrics_interval_seconds: float = Field(default=30.0, gt=0, le=3600)
    programme_metrics_max_series: int = Field(default=2000, ge=1, le=100_000)

    # --- read models (service/readmodels.py) and their rebuild (service/rebuild.py) ---
    # `tandem-analytics rebuild` builds this fresh database from the consumed-events store
    # of database_url (the live one); the operator then points database_url at it.
    rebuild_database_url: str | None = None
    # A participant is isolated after this many days without a message or a meeting (and
    # when they never posted): the dashboard's default until the programme sets its own.
    isolation_days: int = Field(default=21, ge=1, le=365)

    # Drop-out risk: how often the rules look at every active relationship.
    risk_evaluation_interval_seconds: float = Field(default=300.0, gt=0, le=24 * 3600)
    # The demo time scale: unset, a threshold's day is a real day. Only a demo or test
    # deployment sets how many seconds one lasts instead (60: "1 day without two-way
    # contact" flags a minute after the start, and the flags' figures count these days);
    # the evaluation interval then shrinks by the same scale (risk_evaluation_seconds).
    risk_demo_day_seconds: float | None = Field(default=None, ge=1, le=86_400)

    # The drop-out model's CSV import of finished relationships (one row per week: 5 MiB
    # is some 60,000 rows, a few thousand relationships).
    training_data_max_bytes: int = Field(default=5 * 1024 * 1024, ge=1024, le=16 * 1024 * 1024)
    # --- check-ins and employment outcomes (service/check_ins.py, service/outcomes.py) ---
    # How often the check-ins worker looks for due check-ins and outcome requests; a round
    # whose date passed more than send_window_days ago is not sent any more (a plan set
    # late does not mail every pulse it missed at once).
    check_in_interval_seconds: float = Field(default=300.0, gt=0, le=24 * 3600)
    # How often the reports worker looks for a week that ended without its report (a
    # report is made once per programme and ISO week, UTC; the event says it is ready).
    report_interval_seconds: float = Field(default=900.0, gt=0, le=24 * 3600)
    check_in_send_window_days: int = Field(default=7, ge=1, le=60)
    # One-click links in check-in and outcome mails live this long, and start with this
    # URL: the analytics API as the public reaches it. Other links: the web app.
    check_in_link_lifetime_days: int = Field(default=14, ge=1, le=90)
    outcome_link_lifetime_days: int = Field(default=30, ge=1, le=180)
    public_base_url: str = "http://127.0.0.1:8004"
    web_base_url: str = "http://127.0.0.1:8080"
    # The mail relay delivering the mail outbox (the kit's MailRelay).
    mail_poll_interval_seconds: float = Field(default=1.0, gt=0, le=60)
    mail_retry_backoff_seconds: float = Field(default=60.0, ge=0, le=3600)
    mail_max_attempts: int = Field(default=8, ge=1, le=50)
    mail_lease_seconds: float = Field(default=300.0, ge=1, le=3600)
    # --- end of check-ins and outcomes ---

    @property
    def risk_day_seconds(self) -> float:
        """How long a day of the risk thresholds lasts (86,400 s but on a demo scale)."""
        return self.risk_demo_day_seconds or SECONDS_PER_DAY

    @property
    def risk_evaluation_seconds(self) -> float:
        """The evaluation's interval on the thresholds' time scale: as often per demo day
        as per real day, so a demo's flag appears within a demo day, but at most once a
        second (each tick reads every active relationship)."""
        scaled = self.risk_evaluation_interval_seconds * self.risk_day_seconds / SECONDS_PER_DAY
        return max(scaled, min(1.0, self.risk_evaluation_interval_seconds))
