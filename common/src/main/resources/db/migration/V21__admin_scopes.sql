-- Trust boundaries between the platforms one PeerLoop serves. Portable SQL: runs unchanged on
-- Apache Derby 10.16 and PostgreSQL 13+.

-- Whether an administrator of this LMS may open the console from a launch. Off until a local
-- administrator turns it on: a registration (dynamic ones may activate by themselves) must not
-- bring administrators with it.
ALTER TABLE platform ADD COLUMN console_from_lms BOOLEAN DEFAULT FALSE NOT NULL;

-- The platform an audit entry is about (null: the server itself), so that a platform's
-- administrators read their platform's entries and nothing else.
ALTER TABLE admin_audit ADD COLUMN platform_id BIGINT;
CREATE INDEX ix_admin_audit_platform ON admin_audit (platform_id, id);

-- Console tickets issued and not yet redeemed, by id: redeeming deletes the row, so a ticket opens
-- the console once, on whichever node it reaches.
CREATE TABLE console_ticket (
  id         VARCHAR(64) NOT NULL,
  expires_at TIMESTAMP   NOT NULL,
  CONSTRAINT pk_console_ticket PRIMARY KEY (id)
);
CREATE INDEX ix_console_ticket_expires ON console_ticket (expires_at);
