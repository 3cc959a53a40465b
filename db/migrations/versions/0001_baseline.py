"""Baseline: every table of the catalog, the search index, and the format stamp.

Every table is AUTOINCREMENT: SQLite would otherwise hand a deleted row's id to
the next new row, and undo restores deleted records by their ids.

Frozen: later changes go in new revisions, never here.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 18:55:18.633235
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SCHEMA_NUMBER = 1


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("record_kind", sa.String(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("filename", sa.String(), nullable=False),
        sa.Column("media_type", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index("ix_attachment_record", ["record_kind", "record_id"], unique=False)

    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("operation_id", sa.String(), nullable=False),
        sa.Column("record_kind", sa.String(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("field", sa.String(), nullable=True),
        sa.Column("old_value", sa.String(), nullable=True),
        sa.Column("new_value", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_change_log_operation_id"), ["operation_id"], unique=False
        )
        batch_op.create_index("ix_change_log_record", ["record_kind", "record_id"], unique=False)

    op.create_table(
        "cooperation_area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "country",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("country", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_country_code"), ["code"], unique=True)

    op.create_table(
        "source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("publisher", sa.String(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("summary", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "citation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("record_kind", sa.String(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id", "record_kind", "record_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("citation", schema=None) as batch_op:
        batch_op.create_index("ix_citation_record", ["record_kind", "record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_citation_source_id"), ["source_id"], unique=False)

    op.create_table(
        "city",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("local_name", sa.String(), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=True),
        sa.Column("region", sa.String(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["country_id"], ["country.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("city", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_city_country_id"), ["country_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_city_name"), ["name"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("honorific", sa.String(), nullable=True),
        sa.Column("given_names", sa.String(), nullable=True),
        sa.Column("family_name", sa.String(), nullable=False),
        sa.Column("sort_key", sa.String(), nullable=False),
        sa.Column("name_order", sa.String(), nullable=False),
        sa.Column("address_by", sa.String(), nullable=False),
        sa.Column("original_script", sa.String(), nullable=True),
        sa.Column("form_of_address", sa.String(), nullable=True),
        sa.Column("nationality_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("biography", sa.String(), nullable=True),
        sa.Column("protocol_notes", sa.String(), nullable=True),
        sa.Column("private_notes", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["nationality_id"], ["country.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_family_name"), ["family_name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_nationality_id"), ["nationality_id"], unique=False
        )
        batch_op.create_index("ix_person_sort", ["sort_key", "id"], unique=False)

    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("acronym", sa.String(), nullable=True),
        sa.Column("org_kind", sa.String(), nullable=False),
        sa.Column("city_id", sa.Integer(), nullable=True),
        sa.Column("country_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("website", sa.String(), nullable=True),
        sa.Column("notes", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["city_id"], ["city.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["country_id"], ["country.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["parent_id"], ["organisation.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_city_id"), ["city_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_organisation_country_id"), ["country_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_organisation_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_organisation_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("series", sa.String(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("date_note", sa.String(), nullable=True),
        sa.Column("city_id", sa.Integer(), nullable=True),
        sa.Column("venue_id", sa.Integer(), nullable=True),
        sa.Column("venue_note", sa.String(), nullable=True),
        sa.Column("theme", sa.String(), nullable=True),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("attendance", sa.Integer(), nullable=True),
        sa.Column("figures", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["city_id"], ["city.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["venue_id"], ["organisation.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_city_id"), ["city_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_venue_id"), ["venue_id"], unique=False)

    op.create_table(
        "position",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("address_title", sa.String(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("date_note", sa.String(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("position", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_position_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_position_person_id"), ["person_id"], unique=False)

    op.create_table(
        "programme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("funder_id", sa.Integer(), nullable=True),
        sa.Column("managing_organisation_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("date_note", sa.String(), nullable=True),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("website", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["funder_id"], ["organisation.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["managing_organisation_id"], ["organisation.id"], ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_programme_funder_id"), ["funder_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_programme_managing_organisation_id"),
            ["managing_organisation_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_programme_name"), ["name"], unique=False)

    op.create_table(
        "event_organiser",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "organisation_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("event_organiser", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_organiser_event_id"), ["event_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_event_organiser_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "event_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "person_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("event_participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_participant_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_participant_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "event_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("session_kind", sa.String(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("notes", sa.String(), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("event_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_session_event_id"), ["event_id"], unique=False)

    op.create_table(
        "pairing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("city_a_id", sa.Integer(), nullable=False),
        sa.Column("city_b_id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("pairing_kind", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("date_note", sa.String(), nullable=True),
        sa.Column("summary", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["city_a_id"], ["city.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["city_b_id"], ["city.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["programme_id"], ["programme.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("pairing", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pairing_city_a_id"), ["city_a_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pairing_city_b_id"), ["city_b_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pairing_programme_id"), ["programme_id"], unique=False)

    op.create_table(
        "delegation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("sending_city_id", sa.Integer(), nullable=True),
        sa.Column("sending_organisation_id", sa.Integer(), nullable=True),
        sa.Column("host_city_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("date_note", sa.String(), nullable=True),
        sa.Column("purpose", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("pairing_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("outcomes", sa.String(), nullable=True),
        sa.Column("follow_ups", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["host_city_id"], ["city.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["pairing_id"], ["pairing.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["sending_city_id"], ["city.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["sending_organisation_id"], ["organisation.id"], ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_delegation_event_id"), ["event_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_delegation_host_city_id"), ["host_city_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_delegation_pairing_id"), ["pairing_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_delegation_sending_city_id"), ["sending_city_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_delegation_sending_organisation_id"),
            ["sending_organisation_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_delegation_title"), ["title"], unique=False)

    op.create_table(
        "pairing_area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("pairing_id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["cooperation_area.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["pairing_id"], ["pairing.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("pairing_id", "area_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("pairing_area", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pairing_area_area_id"), ["area_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_pairing_area_pairing_id"), ["pairing_id"], unique=False
        )

    op.create_table(
        "delegation_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["delegation_id"], ["delegation.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("delegation_id", "person_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("delegation_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delegation_member_delegation_id"), ["delegation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_delegation_member_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "engagement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("city_id", sa.Integer(), nullable=True),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("host_organisation_id", sa.Integer(), nullable=True),
        sa.Column("topics", sa.String(), nullable=True),
        sa.Column("notes", sa.String(), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["city_id"], ["city.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["delegation_id"], ["delegation.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["host_organisation_id"], ["organisation.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_engagement_city_id"), ["city_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_engagement_delegation_id"), ["delegation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_engagement_host_organisation_id"), ["host_organisation_id"], unique=False
        )

    op.create_table(
        "engagement_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["engagement_id"], ["engagement.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("engagement_id", "person_id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("engagement_participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_engagement_participant_engagement_id"), ["engagement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_engagement_participant_person_id"), ["person_id"], unique=False
        )

    _create_search_index()
    _stamp(SCHEMA_NUMBER)


def _create_search_index() -> None:
    """Folded text of every searchable record; FTS5 on SQLite, a plain table elsewhere."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "kind UNINDEXED, record_id UNINDEXED, title UNINDEXED, subtitle UNINDEXED, "
            "names, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
        )
    else:
        op.create_table(
            "search_index",
            sa.Column("rowid", sa.BigInteger(), primary_key=True, autoincrement=False),
            sa.Column("kind", sa.String(), nullable=False),
            sa.Column("record_id", sa.Integer(), nullable=False),
            sa.Column("title", sa.String(), nullable=False),
            sa.Column("subtitle", sa.String(), nullable=True),
            sa.Column("names", sa.Text(), nullable=False),
            sa.Column("body", sa.Text(), nullable=False),
        )


def _stamp(number: int) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {number}")


def downgrade() -> None:
    op.drop_table("search_index")
    with op.batch_alter_table("engagement_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagement_participant_person_id"))
        batch_op.drop_index(batch_op.f("ix_engagement_participant_engagement_id"))

    op.drop_table("engagement_participant")
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagement_host_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_engagement_delegation_id"))
        batch_op.drop_index(batch_op.f("ix_engagement_city_id"))

    op.drop_table("engagement")
    with op.batch_alter_table("delegation_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegation_member_person_id"))
        batch_op.drop_index(batch_op.f("ix_delegation_member_delegation_id"))

    op.drop_table("delegation_member")
    with op.batch_alter_table("pairing_area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pairing_area_pairing_id"))
        batch_op.drop_index(batch_op.f("ix_pairing_area_area_id"))

    op.drop_table("pairing_area")
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegation_title"))
        batch_op.drop_index(batch_op.f("ix_delegation_sending_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_delegation_sending_city_id"))
        batch_op.drop_index(batch_op.f("ix_delegation_pairing_id"))
        batch_op.drop_index(batch_op.f("ix_delegation_host_city_id"))
        batch_op.drop_index(batch_op.f("ix_delegation_event_id"))

    op.drop_table("delegation")
    with op.batch_alter_table("pairing", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pairing_programme_id"))
        batch_op.drop_index(batch_op.f("ix_pairing_city_b_id"))
        batch_op.drop_index(batch_op.f("ix_pairing_city_a_id"))

    op.drop_table("pairing")
    with op.batch_alter_table("event_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_session_event_id"))

    op.drop_table("event_session")
    with op.batch_alter_table("event_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_participant_person_id"))
        batch_op.drop_index(batch_op.f("ix_event_participant_event_id"))

    op.drop_table("event_participant")
    with op.batch_alter_table("event_organiser", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_organiser_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_event_organiser_event_id"))

    op.drop_table("event_organiser")
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_name"))
        batch_op.drop_index(batch_op.f("ix_programme_managing_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_programme_funder_id"))

    op.drop_table("programme")
    with op.batch_alter_table("position", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_position_person_id"))
        batch_op.drop_index(batch_op.f("ix_position_organisation_id"))

    op.drop_table("position")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_venue_id"))
        batch_op.drop_index(batch_op.f("ix_event_name"))
        batch_op.drop_index(batch_op.f("ix_event_city_id"))

    op.drop_table("event")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_parent_id"))
        batch_op.drop_index(batch_op.f("ix_organisation_name"))
        batch_op.drop_index(batch_op.f("ix_organisation_country_id"))
        batch_op.drop_index(batch_op.f("ix_organisation_city_id"))

    op.drop_table("organisation")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_sort")
        batch_op.drop_index(batch_op.f("ix_person_nationality_id"))
        batch_op.drop_index(batch_op.f("ix_person_family_name"))

    op.drop_table("person")
    with op.batch_alter_table("city", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_city_name"))
        batch_op.drop_index(batch_op.f("ix_city_country_id"))

    op.drop_table("city")
    with op.batch_alter_table("citation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_citation_source_id"))
        batch_op.drop_index("ix_citation_record")

    op.drop_table("citation")
    op.drop_table("source")
    with op.batch_alter_table("country", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_country_code"))

    op.drop_table("country")
    op.drop_table("cooperation_area")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_record")
        batch_op.drop_index(batch_op.f("ix_change_log_operation_id"))

    op.drop_table("change_log")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index("ix_attachment_record")

    op.drop_table("attachment")
