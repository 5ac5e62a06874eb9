package org.peerloop.lti.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.peerloop.keys.MacKeys;

/**
 * The symmetric secrets of the tool's own tokens, read from the shared database at start and kept
 * in memory (they never change while the application runs).
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

  @Inject MacKeys macKeys;

  private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

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
    for (String purpose :
        new String[] {
          SESSION, LOGIN_STATE, LAUNCH_BINDING, DEEP_LINKING, UNSUBSCRIBE, ADMIN_SESSION
        }) {
      loaded.computeIfAbsent(purpose, macKeys::secretFor);
    }
  }

  public byte[] secret(String purpose) {
    byte[] secret = loaded.get(purpose);
    if (secret == null) {
      throw new IllegalStateException(
          "Secret " + purpose + " is used before the application started");
    }
    return secret.clone();
  }
}
