"""staff session version: logout and a new password end every session

Revision ID: 5e55101f0001
Revises: bfe241f6508e
Create Date: 2026-12-06 04:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = '5e55101f0001'
down_revision = 'bfe241f6508e'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user') as batch_op:
        batch_op.add_column(
            sa.Column('session_version', sa.Integer(), nullable=False, server_default='0')
        )


def downgrade():
    with op.batch_alter_table('user') as batch_op:
        batch_op.drop_column('session_version')
