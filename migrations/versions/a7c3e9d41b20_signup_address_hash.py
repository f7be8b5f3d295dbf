"""café sign-ups keep a short code of the address they came from, so a burst shows

Revision ID: a7c3e9d41b20
Revises: a7d3c9e2f410
Create Date: 2026-12-06 05:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'a7c3e9d41b20'
down_revision = 'a7d3c9e2f410'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('signup') as batch_op:
        batch_op.add_column(sa.Column('address_hash', sa.String(length=8), nullable=True))


def downgrade():
    with op.batch_alter_table('signup') as batch_op:
        batch_op.drop_column('address_hash')
