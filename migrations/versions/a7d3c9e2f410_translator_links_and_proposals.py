"""translator links and proposals

Revision ID: a7d3c9e2f410
Revises: 6e94a81f0bb6
Create Date: 2026-11-24 05:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a7d3c9e2f410'
down_revision = '6e94a81f0bb6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('translator_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('first_name', sa.String(length=60), nullable=False),
    sa.Column('made_by', sa.String(length=80), nullable=False),
    sa.Column('made_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token')
    )
    with op.batch_alter_table('translator_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_translator_link_expires_at'), ['expires_at'], unique=False)

    op.create_table('translation_proposal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('link_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('recording', sa.String(length=80), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('made_at', sa.DateTime(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['link_id'], ['translator_link.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('translation_proposal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_translation_proposal_link_id'), ['link_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_translation_proposal_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('translation_proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_translation_proposal_status'))
        batch_op.drop_index(batch_op.f('ix_translation_proposal_link_id'))
    op.drop_table('translation_proposal')
    with op.batch_alter_table('translator_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_translator_link_expires_at'))
    op.drop_table('translator_link')
