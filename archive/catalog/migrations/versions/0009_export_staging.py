"""export staging: where an unfinished export writes, so the next unlock can clear it

Revision ID: 0009_export_staging
Revises: 0008_derived_objects
"""

import sqlalchemy as sa
from alembic import op

revision = '0009_export_staging'
down_revision = '0008_derived_objects'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('export_stagings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('folder', sa.Text(), nullable=False),
    sa.Column('target', sa.Text(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('recorded', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_stagings'))
    )


def downgrade() -> None:
    op.drop_table('export_stagings')
