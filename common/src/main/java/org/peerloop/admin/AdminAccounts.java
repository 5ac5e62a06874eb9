package org.peerloop.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.errors.NotFoundException;

/**
 * Local administrator accounts and the one-time link that creates the first: while no account
 * exists, a setup token is issued (its SHA-256 stored, the token itself only printed in the server
 * log); redeeming it creates the account and deletes the token, so it works once. Callers own the
 * transaction.
 */
@Dependent
public class AdminAccounts {
  /** How long the setup link printed at the first start works. */
  public static final Duration SETUP_LIFETIME = Duration.ofHours(24);

  private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{3,100}");

  private final EntityManager em;
  private final Clock clock;

  @Inject
  public AdminAccounts(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  public boolean any() {
    return em.createQuery("select count(a) from AdminAccount a", Long.class).getSingleResult() > 0;
  }

  /** Whether a setup link is waiting to be used (and no account exists yet). */
  public boolean setupPending() {
    return !any()
        && em.createQuery("select count(s) from AdminSetup s where s.expiresAt > :now", Long.class)
                .setParameter("now", clock.instant())
                .getSingleResult()
            > 0;
  }

  /**
   * A new setup token when no account exists and no unexpired one is waiting; empty otherwise
   * (another node, or an earlier start, issued it). The raw token is returned once, for the log.
   */
  public Optional<String> issueSetup() {
    if (any()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    AdminSetup existing = em.find(AdminSetup.class, AdminSetup.ONLY);
    if (existing != null && existing.expiresAt().isAfter(now)) {
      return Optional.empty();
    }
    if (existing != null) {
      em.remove(existing);
      em.flush();
    }
    String token = SecretTokens.random();
    em.persist(new AdminSetup(PasswordHash.digest(token), now.plus(SETUP_LIFETIME)));
    em.flush();
    return Optional.of(token);
  }

  /** Creates the first account with the setup token; refused without a valid, unused one. */
  public AdminAccount setUp(String setupToken, String username, String password) {
    Instant now = clock.instant();
    AdminSetup setup = em.find(AdminSetup.class, AdminSetup.ONLY);
    if (any()
        || setup == null
        || !setup.expiresAt().isAfter(now)
        || setupToken == null
        || !java.security.MessageDigest.isEqual(
            setup.tokenHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            PasswordHash.digest(setupToken).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      throw new ConflictException(
          "setup-link-invalid",
          "This setup link is not valid any more: it was used, or it expired (restart the server"
              + " for a new one while no administrator exists)");
    }
    em.remove(setup);
    return create(username, password);
  }

  /** Adds an administrator (by an administrator, or at setup). */
  public AdminAccount create(String username, String password) {
    String name = username == null ? "" : username.strip();
    if (!USERNAME.matcher(name).matches()) {
      throw new InvalidValueException(
          "username", "username must be 3 to 100 letters, digits, '.', '_', '@' or '-'");
    }
    if (password == null
        || password.length() < PasswordHash.MIN_LENGTH
        || password.length() > PasswordHash.MAX_LENGTH) {
      throw new InvalidValueException(
          "password",
          "password must be "
              + PasswordHash.MIN_LENGTH
              + " to "
              + PasswordHash.MAX_LENGTH
              + " characters long");
    }
    if (byUsername(name).isPresent()) {
      throw new ConflictException("username-taken", "An administrator with this name exists");
    }
    AdminAccount account = new AdminAccount(name, PasswordHash.hash(password), clock.instant());
    em.persist(account);
    em.flush();
    return account;
  }

  /** The account when the password is right; empty for a wrong name or password alike. */
  public Optional<AdminAccount> signIn(String username, String password) {
    Optional<AdminAccount> account = byUsername(username == null ? "" : username.strip());
    // Hash anyway for an unknown name, so the answer takes as long as for a wrong password.
    String stored = account.map(AdminAccount::passwordHash).orElse(DUMMY_HASH);
    boolean valid = PasswordHash.verify(password, stored) && account.isPresent();
    if (!valid) {
      return Optional.empty();
    }
    account.get().signedIn(clock.instant());
    return account;
  }

  private static final String DUMMY_HASH = PasswordHash.hash("not-a-password-of-anyone");

  /**
   * Deletes an account.
   *
   * @throws NotFoundException when there is none of that name
   */
  public void delete(String username) {
    AdminAccount account =
        byUsername(username)
            .orElseThrow(
                () -> new NotFoundException("account-not-found", "No administrator " + username));
    em.remove(account);
    em.flush();
  }

  public Optional<AdminAccount> byUsername(String username) {
    return em.createQuery(
            "select a from AdminAccount a where a.username = :name", AdminAccount.class)
        .setParameter("name", username)
        .getResultStream()
        .findFirst();
  }
}
