package org.peerloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import org.peerloop.console.AdminSessions;

/**
 * Who is calling the admin API in this request, as {@link AdminFilter} found: for the audit log.
 */
@RequestScoped
public class AdminPrincipal {
  private String actor;
  private AdminSessions.Administrator administrator;

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
}
