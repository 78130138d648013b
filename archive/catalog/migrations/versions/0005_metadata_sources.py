"""metadata sources: the tag the capture time came from, and the sealed dump of every tag

Revision ID: 0005_metadata
Revises: 0004_trust
"""

import sqlalchemy as sa
from alembic import op

revision = '0005_metadata'
down_revision = '0004_trust'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('captured_source', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('metadata_dump_id', sa.String(length=32), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_items_metadata_dump_id_objects'), 'objects',
                                    ['metadata_dump_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_items_metadata_dump_id_objects'),
                                 type_='foreignkey')
        batch_op.drop_column('metadata_dump_id')
        batch_op.drop_column('captured_source')
