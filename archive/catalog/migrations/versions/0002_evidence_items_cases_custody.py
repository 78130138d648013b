"""evidence items, cases, custody

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('name', name=op.f('uq_cases_name'))
    )
    op.create_table('checkpoints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tree_size', sa.Integer(), nullable=False),
    sa.Column('root_hash', sa.LargeBinary(length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkpoints')),
    sa.UniqueConstraint('tree_size', name='tree_size')
    )
    op.create_table('custody_events',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('item_id', sa.String(length=32), nullable=True),
    sa.Column('entry', sa.LargeBinary(), nullable=False),
    sa.CheckConstraint("action IN ('import', 'intake-again', 'extract', 'view', 'open', 'note', 'tag', 'untag', 'case-add', 'case-remove', 'export', 'publication-copy', 'verify', 'redaction', 'deletion-request', 'passphrase-change')", name=op.f('ck_custody_events_action_known')),
    sa.CheckConstraint('seq >= 0', name=op.f('ck_custody_events_seq_not_negative')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_custody_events'))
    )
    with op.batch_alter_table('custody_events', schema=None) as batch_op:
        batch_op.create_index('ix_custody_events_item', ['item_id', 'seq'], unique=False)

    op.create_table('items',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('object_id', sa.String(length=32), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('md5', sa.String(length=32), nullable=True),
    sa.Column('sha1', sa.String(length=40), nullable=True),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('format', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('captured_at', sa.DateTime(), nullable=True),
    sa.Column('captured_is_utc', sa.Boolean(), nullable=False),
    sa.Column('captured_local', sa.String(length=40), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('imported_by', sa.String(length=200), nullable=False),
    sa.Column('camera', sa.String(length=200), nullable=True),
    sa.Column('gps_lat', sa.Float(), nullable=True),
    sa.Column('gps_lon', sa.Float(), nullable=True),
    sa.Column('gps_alt', sa.Float(), nullable=True),
    sa.Column('width', sa.Integer(), nullable=True),
    sa.Column('height', sa.Integer(), nullable=True),
    sa.Column('duration', sa.Float(), nullable=True),
    sa.Column('meta', sa.JSON(), nullable=False),
    sa.Column('problems', sa.JSON(), nullable=False),
    sa.Column('thumbnail_id', sa.String(length=32), nullable=True),
    sa.CheckConstraint("kind IN ('photo', 'audio', 'video', 'transcript', 'document', 'other')", name=op.f('ck_items_kind_known')),
    sa.CheckConstraint('gps_lat IS NULL OR (gps_lat BETWEEN -90 AND 90)', name=op.f('ck_items_lat_range')),
    sa.CheckConstraint('gps_lon IS NULL OR (gps_lon BETWEEN -180 AND 180)', name=op.f('ck_items_lon_range')),
    sa.CheckConstraint('length(sha256) = 64', name=op.f('ck_items_sha256_hex')),
    sa.CheckConstraint('size >= 0', name=op.f('ck_items_size_not_negative')),
    sa.ForeignKeyConstraint(['object_id'], ['objects.id'], name=op.f('fk_items_object_id_objects')),
    sa.ForeignKeyConstraint(['thumbnail_id'], ['objects.id'], name=op.f('fk_items_thumbnail_id_objects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_items')),
    sa.UniqueConstraint('sha256', name=op.f('uq_items_sha256'))
    )
    op.create_table('intakes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.String(length=32), nullable=False),
    sa.Column('source_path', sa.Text(), nullable=False),
    sa.Column('original_name', sa.Text(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.Column('changed_at', sa.DateTime(), nullable=True),
    sa.Column('accessed_at', sa.DateTime(), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('imported_by', sa.String(length=200), nullable=False),
    sa.Column('host', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_intakes_item_id_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intakes'))
    )
    with op.batch_alter_table('intakes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intakes_item_id'), ['item_id'], unique=False)

    op.create_table('item_cases',
    sa.Column('item_id', sa.String(length=32), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_item_cases_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_item_cases_item_id_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', 'case_id', name=op.f('pk_item_cases'))
    )
    op.create_table('item_tags',
    sa.Column('item_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_item_tags_item_id_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', 'name', name=op.f('pk_item_tags'))
    )
    op.create_table('item_texts',
    sa.Column('item_id', sa.String(length=32), nullable=False),
    sa.Column('encoding', sa.String(length=40), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('cues', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_item_texts_item_id_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', name=op.f('pk_item_texts'))
    )
    op.create_table('notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.String(length=32), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_notes_item_id_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notes'))
    )
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notes_item_id'), ['item_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notes_item_id'))

    op.drop_table('notes')
    op.drop_table('item_texts')
    op.drop_table('item_tags')
    op.drop_table('item_cases')
    with op.batch_alter_table('intakes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intakes_item_id'))

    op.drop_table('intakes')
    op.drop_table('items')
    with op.batch_alter_table('custody_events', schema=None) as batch_op:
        batch_op.drop_index('ix_custody_events_item')

    op.drop_table('custody_events')
    op.drop_table('checkpoints')
    op.drop_table('cases')
