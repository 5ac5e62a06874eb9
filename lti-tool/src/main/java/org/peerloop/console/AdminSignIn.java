package org.peerloop.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.peerloop.admin.AdminAccount;
import org.peerloop.admin.AdminAccounts;
import org.peerloop.errors.ForbiddenException;
import org.peerloop.lti.session.RevokedSessions;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.platform.Platform;
import org.peerloop.platform.PlatformRepository;
import org.peerloop.signin.SessionRevocations;

/** Local administrators: the first-run setup, sign-in, and new accounts; one transaction each. */
@ApplicationScoped
public class AdminSignIn {
  @Inject AdminAccounts accounts;
  @Inject AdminSessions sessions;
  @Inject Clock clock;
  @Inject PersonRepository people;
  @Inject PlatformRepository platforms;
  @Inject RevokedSessions revoked;

  /** Whether the console should offer the first-run setup (a setup link is waiting). */
  @Transactional
  public boolean setupPending() {
    return accounts.setupPending();
  }

  /** Issues the setup link's token at start when no administrator exists yet (else empty). */
  @Transactional
  public Optional<String> issueSetup() {
    return accounts.issueSetup();
  }

  @Transactional
  public AdminSessions.Issued setUp(String setupToken, String username, String password) {
    AdminAccount account = accounts.setUp(setupToken, username, password);
    return sessions.issue(local(account));
  }

  @Transactional
  public Optional<AdminSessions.Issued> signIn(String username, String password) {
    return accounts.signIn(username, password).map(account -> sessions.issue(local(account)));
  }

  @Transactional
  public String create(String username, String password) {
    return accounts.create(username, password).username();
  }

  /** Deletes a local administrator and ends their console sessions on every node. */
  @Transactional
  public void delete(String username) {
    accounts.delete(username);
    revoked.revoke(SessionRevocations.administrator(username));
  }

  /**
   * Before a console session is extended, the database's word: the account still exists, or the
   * platform still accepts launches and still lets its administrators in.
   */
  @Transactional
  public boolean stillAllowed(AdminSessions.Administrator admin) {
    if (admin.isLocal()) {
      return accounts.byUsername(admin.actor()).isPresent();
    }
    return platforms
        .find(admin.platformId())
        .filter(Platform::acceptsLaunches)
        .filter(Platform::allowsConsoleFromLms)
        .isPresent();
  }

  /**
   * An LMS administrator, as an administrator of their platform only, named for the audit log by
   * their name and their platform.
   *
   * @throws ForbiddenException unless a local administrator let this platform's administrators in
   */
  @Transactional
  public AdminSessions.Administrator lmsAdministrator(long personId, long platformId) {
    Platform platform =
        platforms
            .find(platformId)
            .filter(Platform::allowsConsoleFromLms)
            .orElseThrow(
                () ->
                    new ForbiddenException(
                        "console-entry-off",
                        "PeerLoop's administrators have not let this LMS's administrators open"
                            + " the console"));
    String name = people.find(personId).map(Person::displayName).orElse("person " + personId);
    String issuer = platform.issuer();
    return new AdminSessions.Administrator(
        name + " (LMS administrator, " + issuer + ")", "lti", clock.instant(), platformId);
  }

  private AdminSessions.Administrator local(AdminAccount account) {
    return new AdminSessions.Administrator(account.username(), "password", clock.instant(), null);
  }
}
