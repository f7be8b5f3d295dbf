"""phrasebook sentences on notices, urgent messages and board exceptions

Revision ID: 7a3f9c1d2e54
Revises: a7c3e9d41b20
Create Date: 2026-12-06 04:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7a3f9c1d2e54'
down_revision = 'a7c3e9d41b20'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phrases', sa.JSON(), nullable=False, server_default='[]'))
    with op.batch_alter_table('urgent_message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phrases', sa.JSON(), nullable=False, server_default='[]'))
    with op.batch_alter_table('board_exception', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phrases', sa.JSON(), nullable=False, server_default='[]'))


def downgrade():
    with op.batch_alter_table('board_exception', schema=None) as batch_op:
        batch_op.drop_column('phrases')
    with op.batch_alter_table('urgent_message', schema=None) as batch_op:
        batch_op.drop_column('phrases')
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_column('phrases')
