"""Photos are shrunk for sheets once, when they are saved, not at every print.

Attachments gain ``portrait``: for a person's photo, the square JPEG briefing
sheets print (``db.portraits``); ``db.ops`` derives it on every write, and this
revision makes it for the photos already stored, one photo at a time so that a
catalog of many large photos is never all in memory. Decoding a dozen photos
cost more than laying out a whole delegation briefing (issue 16).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import portraits

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_NUMBER = 12


def _stamp(number: int) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {number}")


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("attachment") as batch:
        batch.add_column(sa.Column("portrait", sa.LargeBinary(), nullable=True))
    photos = bind.execute(sa.text(
        "SELECT id FROM attachment WHERE record_kind = 'person' AND role = :role "
        "AND media_type IN :types ORDER BY id").bindparams(
            sa.bindparam("types", expanding=True)),
        {"role": portraits.PHOTO_ROLE, "types": sorted(portraits.PHOTO_MEDIA_TYPES)}).all()
    for (attachment_id,) in photos:
        data = bind.execute(sa.text("SELECT data FROM attachment WHERE id = :id"),
                            {"id": attachment_id}).scalar()
        made = portraits.square_jpeg(bytes(data)) if data else None
        if made is not None:
            bind.execute(sa.text("UPDATE attachment SET portrait = :portrait WHERE id = :id"),
                         {"portrait": made, "id": attachment_id})
    _stamp(SCHEMA_NUMBER)


def downgrade() -> None:
    with op.batch_alter_table("attachment") as batch:
        batch.drop_column("portrait")
    _stamp(SCHEMA_NUMBER - 1)
