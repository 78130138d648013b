"""witness folders and trusted time-stamps

Revision ID: 0004_trust
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = '0004_trust'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('witness_folders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('folder', sa.Text(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_witness_folders')),
    sa.UniqueConstraint('folder', name=op.f('uq_witness_folders_folder'))
    )
    op.create_table('timestamp_authorities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('trust_roots', sa.Text(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timestamp_authorities')),
    sa.UniqueConstraint('url', name=op.f('uq_timestamp_authorities_url'))
    )
    op.create_table('timestamp_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tree_size', sa.Integer(), nullable=False),
    sa.Column('imprint', sa.LargeBinary(length=32), nullable=False),
    sa.Column('authority', sa.Text(), nullable=False),
    sa.Column('response', sa.LargeBinary(), nullable=False),
    sa.Column('chain', sa.Text(), nullable=False),
    sa.Column('roots', sa.Text(), nullable=False),
    sa.Column('gen_time', sa.DateTime(), nullable=False),
    sa.CheckConstraint('length(imprint) = 32', name=op.f('ck_timestamp_tokens_imprint_length')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timestamp_tokens')),
    sa.UniqueConstraint('tree_size', 'authority', name=op.f('uq_timestamp_tokens_tree_size'))
    )
    op.create_table('timestamp_queue',
    sa.Column('tree_size', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('queued_at', sa.DateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('tree_size', name=op.f('pk_timestamp_queue'))
    )


def downgrade() -> None:
    op.drop_table('timestamp_queue')
    op.drop_table('timestamp_tokens')
    op.drop_table('timestamp_authorities')
    op.drop_table('witness_folders')
