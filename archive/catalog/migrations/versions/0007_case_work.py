"""case work: the examiner's name, transcripts linked by hand, new custody actions

Revision ID: 0007_case_work
Revises: 0006_commitments
"""

import sqlalchemy as sa
from alembic import op

revision = '0007_case_work'
down_revision = '0006_commitments'
branch_labels = None
depends_on = None

OLD_ACTIONS = ('import', 'intake-again', 'extract', 'view', 'open', 'note', 'tag', 'untag',
               'case-add', 'case-remove', 'export', 'publication-copy', 'verify', 'redaction',
               'deletion-request', 'passphrase-change')
NEW_ACTIONS = OLD_ACTIONS + ('case-create', 'case-rename', 'case-describe', 'case-delete',
                             'link', 'unlink', 'examiner-change')


def _custody_events(actions: tuple[str, ...]) -> sa.Table:
    """The table as it is to be, for the batch copy (SQLite cannot alter a CHECK in place)."""
    return sa.Table(
        'custody_events', sa.MetaData(),
        sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('occurred_at', sa.DateTime(), nullable=False),
        sa.Column('action', sa.String(length=32), nullable=False),
        sa.Column('item_id', sa.String(length=32), nullable=True),
        sa.Column('entry', sa.LargeBinary(), nullable=False),
        sa.Column('openings', sa.LargeBinary(), nullable=True),  # from 0006_commitments
        sa.CheckConstraint(f"action IN ({', '.join(repr(a) for a in actions)})",
                           name='ck_custody_events_action_known'),
        sa.CheckConstraint('seq >= 0', name='ck_custody_events_seq_not_negative'),
        sa.PrimaryKeyConstraint('seq', name='pk_custody_events'),
        sa.Index('ix_custody_events_item', 'item_id', 'seq'),
    )


def upgrade() -> None:
    with op.batch_alter_table('vault', schema=None) as batch_op:
        batch_op.add_column(sa.Column('examiner', sa.String(length=200), nullable=False,
                                      server_default=''))
    op.create_table('item_links',
    sa.Column('transcript_id', sa.String(length=32), nullable=False),
    sa.Column('recording_id', sa.String(length=32), nullable=False),
    sa.Column('linked_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('transcript_id <> recording_id', name=op.f('ck_item_links_not_itself')),
    sa.ForeignKeyConstraint(['recording_id'], ['items.id'], name=op.f('fk_item_links_recording_id_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['transcript_id'], ['items.id'], name=op.f('fk_item_links_transcript_id_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('transcript_id', 'recording_id', name=op.f('pk_item_links'))
    )
    with op.batch_alter_table('item_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_links_recording_id'), ['recording_id'],
                              unique=False)
    with op.batch_alter_table('custody_events', copy_from=_custody_events(NEW_ACTIONS),
                              recreate='always'):
        pass


def downgrade() -> None:
    with op.batch_alter_table('custody_events', copy_from=_custody_events(OLD_ACTIONS),
                              recreate='always'):
        pass
    with op.batch_alter_table('item_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_links_recording_id'))
    op.drop_table('item_links')
    with op.batch_alter_table('vault', schema=None) as batch_op:
        batch_op.drop_column('examiner')
