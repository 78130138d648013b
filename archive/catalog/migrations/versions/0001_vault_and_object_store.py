"""vault and object store

Revision ID: 0001
Revises: (none)
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('objects',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('data_key', sa.LargeBinary(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('length(data_key) = 32', name=op.f('ck_objects_data_key_length')),
    sa.CheckConstraint('size >= 0', name=op.f('ck_objects_size_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_objects'))
    )
    op.create_table('vault',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vault_id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('format_version', sa.Integer(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_vault_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vault'))
    )
    op.create_table('object_extents',
    sa.Column('object_id', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('pack', sa.Integer(), nullable=False),
    sa.Column('first_slot', sa.Integer(), nullable=False),
    sa.Column('slot_count', sa.Integer(), nullable=False),
    sa.CheckConstraint('first_slot >= 0 AND pack >= 0 AND seq >= 0', name=op.f('ck_object_extents_not_negative')),
    sa.CheckConstraint('slot_count > 0', name=op.f('ck_object_extents_slot_count_positive')),
    sa.ForeignKeyConstraint(['object_id'], ['objects.id'], name=op.f('fk_object_extents_object_id_objects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('object_id', 'seq', name=op.f('pk_object_extents'))
    )


def downgrade() -> None:
    op.drop_table('object_extents')
    op.drop_table('vault')
    op.drop_table('objects')
