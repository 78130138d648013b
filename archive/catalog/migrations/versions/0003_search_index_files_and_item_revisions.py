"""search index files and item revisions

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('index_files',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('object_id', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['object_id'], ['objects.id'], name=op.f('fk_index_files_object_id_objects')),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_index_files'))
    )
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('index_rev', sa.Integer(), nullable=False, server_default='1'))



def downgrade() -> None:
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_column('index_rev')

    op.drop_table('index_files')
