"""derived objects: extracted text and cues move out of the catalog into sealed pack objects

Revision ID: 0008_derived_objects
Revises: 0007_case_work

Each ``item_texts`` row's body and cues are sealed as one object (archive.derived's form) in the
packs, and the row keeps only the object's id, the SHA-256 of its plaintext and the cue count.
The old table is dropped (secure_delete zeroes its pages) and the catalog is vacuumed after the
upgrade, so the text leaves the catalog file. Moving text needs the vault's object store, which
the vault hands over in the Alembic config (``attributes["object_store"]``).
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import context, op

revision = '0008_derived_objects'
down_revision = '0007_case_work'
branch_labels = None
depends_on = None


def _new_table() -> None:
    op.create_table('item_texts',
    sa.Column('item_id', sa.String(length=32), nullable=False),
    sa.Column('encoding', sa.String(length=40), nullable=True),
    sa.Column('object_id', sa.String(length=32), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('cue_count', sa.Integer(), nullable=False),
    sa.CheckConstraint('cue_count >= 0', name=op.f('ck_item_texts_cue_count_not_negative')),
    sa.CheckConstraint('length(sha256) = 64', name=op.f('ck_item_texts_sha256_hex')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_item_texts_item_id_items'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['object_id'], ['objects.id'],
                            name=op.f('fk_item_texts_object_id_objects')),
    sa.PrimaryKeyConstraint('item_id', name=op.f('pk_item_texts'))
    )


def _old_table() -> None:
    op.create_table('item_texts',
    sa.Column('item_id', sa.String(length=32), nullable=False),
    sa.Column('encoding', sa.String(length=40), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('cues', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_item_texts_item_id_items'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', name=op.f('pk_item_texts'))
    )


def _store(bind: sa.Connection) -> Any:
    make = context.config.attributes.get('object_store')
    if make is None:
        raise RuntimeError('extracted text must move into the object store, and none was given')
    return make(bind)


def upgrade() -> None:
    from archive.derived import seal_text, text_row
    from archive.storage.objects import ObjectStore

    bind = op.get_bind()
    ids = [r[0] for r in bind.execute(sa.text('SELECT item_id FROM item_texts ORDER BY item_id'))]
    rows: list[dict[str, Any]] = []
    if ids:
        store = _store(bind)
        try:
            for item_id in ids:
                row: Any = bind.execute(sa.text(
                    'SELECT encoding, body, cues FROM item_texts WHERE item_id = :i'),
                    {'i': item_id}).one()
                encoding, body, cues = row
                cue_list = json.loads(cues) if isinstance(cues, str) else cues
                put = seal_text(store, body, cue_list, sync=True)
                obj, extents = ObjectStore.rows(put)
                bind.execute(sa.text('INSERT INTO objects (id, size, data_key, created_at) '
                                     'VALUES (:id, :size, :data_key, :created_at)'), obj)
                for extent in extents:
                    bind.execute(sa.text(
                        'INSERT INTO object_extents (object_id, seq, pack, first_slot, '
                        'slot_count) VALUES (:object_id, :seq, :pack, :first_slot, '
                        ':slot_count)'), extent)
                rows.append(text_row(item_id, put, encoding, cue_list))
        finally:
            store.close()
        context.config.attributes['vacuum_after'] = True
    op.drop_table('item_texts')
    _new_table()
    if rows:
        op.bulk_insert(sa.table('item_texts', sa.column('item_id'), sa.column('encoding'),
                                sa.column('object_id'), sa.column('sha256'),
                                sa.column('cue_count')), rows)


def downgrade() -> None:
    from archive.derived import parse_text_object
    from archive.storage.reading import ObjectInfo
    from archive.storage.slotmap import Extent

    bind = op.get_bind()
    refs: list[Any] = list(bind.execute(sa.text(
        'SELECT item_id, encoding, object_id FROM item_texts')))
    rows: list[dict[str, Any]] = []
    if refs:
        store = _store(bind)
        try:
            for item_id, encoding, object_id in refs:
                found: Any = bind.execute(sa.text(
                    'SELECT size, data_key FROM objects WHERE id = :i'), {'i': object_id}).one()
                size, key = found
                extents = tuple(Extent(r[0], r[1], r[2]) for r in bind.execute(sa.text(
                    'SELECT pack, first_slot, slot_count FROM object_extents '
                    'WHERE object_id = :i ORDER BY seq'), {'i': object_id}))
                info = ObjectInfo(object_id, size, key, extents)
                body, cues = parse_text_object(b''.join(
                    store.read_chunks(info, 0, info.chunks - 1)))
                rows.append({'item_id': item_id, 'encoding': encoding, 'body': body,
                             'cues': cues})
        finally:
            store.close()
    op.drop_table('item_texts')
    for _item_id, _encoding, object_id in refs:
        bind.execute(sa.text('DELETE FROM object_extents WHERE object_id = :i'), {'i': object_id})
        bind.execute(sa.text('DELETE FROM objects WHERE id = :i'), {'i': object_id})
    _old_table()
    if rows:
        op.bulk_insert(sa.table('item_texts', sa.column('item_id'), sa.column('encoding'),
                                sa.column('body'), sa.column('cues', sa.JSON())), rows)
