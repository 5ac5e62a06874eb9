package org.peerloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import org.peerloop.console.AdminSessions;
import org.peerloop.errors.ForbiddenException;

/**
 * Who is calling the admin API in this request, as {@link AdminFilter} found, and what they may
 * reach: a local administrator (or the admin token) the whole server, a platform administrator
 * their platform only. Also which platform the request turned out to be about, for the audit log.
 */
@RequestScoped
public class AdminPrincipal {
  private String actor;
  private AdminSessions.Administrator administrator;
  private Long about;

  public void set(String actor) {
    this.actor = actor;
  }

  public void set(AdminSessions.Administrator administrator) {
    this.administrator = administrator;
    this.actor = administrator.actor();
  }

  /** The console session's administrator; null for the admin token. */
  public AdminSessions.Administrator administrator() {
    return administrator;
  }

  /** The administrator's name, or "admin token" for the configured credential; null if none. */
  public String actor() {
    return actor;
  }

  /** Whether the caller administers the whole server (a local account or the admin token). */
  public boolean isLocal() {
    return actor != null && (administrator == null || administrator.isLocal());
  }

  /** The one platform a platform administrator is confined to; null for a local administrator. */
  public Long platformScope() {
    return administrator == null ? null : administrator.platformId();
  }

  /** Refuses a platform administrator what only the server's own administrators may do. */
  public void requireLocal() {
    if (!isLocal()) {
      throw new ForbiddenException(
          "local-administrators-only",
          "Only PeerLoop's own administrators may do this, not an LMS's administrator");
    }
  }

  /** Refuses a platform administrator anything of another platform. */
  public void requirePlatform(long platformId) {
    about(platformId);
    if (!isLocal() && platformScope() != platformId) {
      throw new ForbiddenException(
          "another-platform", "You administer another platform; this one is not yours");
    }
  }

  /** Notes the platform the request is about, for its audit entry. */
  public void about(Long platformId) {
    this.about = platformId;
  }

  /** The platform the request was about: the one named, else a platform administrator's own. */
  public Long platformOfRequest() {
    return about != null ? about : platformScope();
  }
}
