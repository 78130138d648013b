"""custody event openings (salted commitments of sensitive details)

Revision ID: 0005_commitments
Revises: 0004_trust
"""

import sqlalchemy as sa
from alembic import op

revision = '0005_commitments'
down_revision = '0004_trust'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('custody_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('openings', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('custody_events', schema=None) as batch_op:
        batch_op.drop_column('openings')
