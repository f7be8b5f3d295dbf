"""kiosks report how they are: offline copy, screen, clock, page load, proxy hops

Revision ID: 5d1c0e2a7b93
Revises: 5e55101f0001
Create Date: 2026-12-06 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5d1c0e2a7b93'
down_revision = '5e55101f0001'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('kiosk', schema=None) as batch_op:
        batch_op.add_column(sa.Column('offline_copy', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('screen', sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column('clock_off_seconds', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('loaded_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('forwarded_hops', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('kiosk', schema=None) as batch_op:
        batch_op.drop_column('forwarded_hops')
        batch_op.drop_column('loaded_at')
        batch_op.drop_column('clock_off_seconds')
        batch_op.drop_column('screen')
        batch_op.drop_column('offline_copy')
