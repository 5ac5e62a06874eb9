-- Which LMS platforms a Microsoft 365 tenant serves, as a local administrator links them: a
-- facilitator may show their course's spaces only on sites of tenants linked to the course's
-- platform, so no facilitator reads a tenant they have nothing to do with through PeerLoop's
-- application credentials.
CREATE TABLE intranet_tenant_platform (
  tenant_id   VARCHAR(36) NOT NULL,
  platform_id BIGINT      NOT NULL,
  CONSTRAINT pk_intranet_tenant_platform PRIMARY KEY (tenant_id, platform_id),
  CONSTRAINT fk_intranet_tenant_platform_tenant
    FOREIGN KEY (tenant_id) REFERENCES intranet_tenant (tenant_id) ON DELETE CASCADE,
  CONSTRAINT fk_intranet_tenant_platform_platform
    FOREIGN KEY (platform_id) REFERENCES platform (id) ON DELETE CASCADE
);
