"""custody event openings (salted commitments of sensitive details)

Revision ID: 0006_commitments
Revises: 0005_metadata
"""

import sqlalchemy as sa
from alembic import op

revision = '0006_commitments'
down_revision = '0005_metadata'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('custody_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('openings', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('custody_events', schema=None) as batch_op:
        batch_op.drop_column('openings')
