package org.peerloop.lti.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.peerloop.keys.MacKey;
import org.peerloop.keys.MacKeyRing;
import org.peerloop.keys.MacKeys;

/**
 * The symmetric secrets of the tool's own tokens, read from the shared database at start, kept in
 * memory and read again every few seconds, so a rotation made on one node reaches every node before
 * its new version signs.
 */
@ApplicationScoped
public class ToolSecrets {
  /** Signs session tokens. */
  public static final String SESSION = "session-token";

  /** Signs the OIDC state of a login, which binds the platform and the nonce until the launch. */
  public static final String LOGIN_STATE = "login-state";

  /** Signs the short ticket that carries a launch to its browser-binding step. */
  public static final String LAUNCH_BINDING = "launch-binding";

  /** Signs the ticket that carries a deep linking request to the picker and back. */
  public static final String DEEP_LINKING = "deep-linking";

  /** Signs the unsubscribe links of notification e-mails. */
  public static final String UNSUBSCRIBE = "mail-unsubscribe";

  /** Signs the administration console's sessions and the tickets that open it from a launch. */
  public static final String ADMIN_SESSION = "admin-session";

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(ToolSecrets.class.getName());

  /** Every purpose, in the order the console lists them. */
  public static final List<String> PURPOSES =
      List.of(SESSION, LOGIN_STATE, LAUNCH_BINDING, DEEP_LINKING, UNSUBSCRIBE, ADMIN_SESSION);

  @Inject MacKeys macKeys;

  private final Map<String, MacKeyRing> rings = new ConcurrentHashMap<>();

  /**
   * Reads the secrets, making them on an empty database, after sealing any that an earlier version
   * stored in plain; called at start.
   */
  @Transactional
  public void load() {
    int sealed = macKeys.sealStored();
    if (sealed > 0) {
      LOG.info(() -> "Sealed " + sealed + " stored secrets with the installation's key");
    }
    for (String purpose : PURPOSES) {
      rings.put(purpose, macKeys.ring(purpose));
    }
  }

  /**
   * Reads every purpose's versions again: a version another node made becomes known here before it
   * activates, and signs here once it has. Called every few seconds; a ring that did not change is
   * kept, so what was built on it (a session codec and its cache) stays.
   */
  @Transactional
  public void reload() {
    macKeys
        .rings()
        .forEach(
            (purpose, ring) -> {
              if (PURPOSES.contains(purpose) && !ring.sameAs(rings.get(purpose))) {
                rings.put(purpose, ring);
              }
            });
  }

  /** A new version of every secret, signing once every node has read it; nobody is signed out. */
  @Transactional
  public List<MacKey> rotate() {
    List<MacKey> made = PURPOSES.stream().map(macKeys::rotate).toList();
    reload();
    return made;
  }

  /** Every version of every secret, for the console (never the secrets themselves). */
  @Transactional
  public List<MacKey> versions() {
    return macKeys.all();
  }

  /** The versions of a purpose's secret: the one that signs now and all that verify. */
  public MacKeyRing ring(String purpose) {
    MacKeyRing ring = rings.get(purpose);
    if (ring == null) {
      throw new IllegalStateException(
          "Secret " + purpose + " is used before the application started");
    }
    return ring;
  }
}
