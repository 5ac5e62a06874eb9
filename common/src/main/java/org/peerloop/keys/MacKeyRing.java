package org.peerloop.keys;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versions of one purpose's HMAC secret: the one that signs now, and every one that still
 * verifies, by key id. Tokens name the key id that signed them; values without one (made before
 * secrets rotated) verify with the first version, {@link #FIRST}.
 */
public final class MacKeyRing {
  /** The key id of a purpose's first secret. */
  public static final String FIRST = "k0";

  private final String currentKid;
  private final Map<String, byte[]> secrets;

  public MacKeyRing(String currentKid, Map<String, byte[]> secrets) {
    if (!secrets.containsKey(currentKid)) {
      throw new IllegalArgumentException("The current key " + currentKid + " is not in the ring");
    }
    this.currentKid = currentKid;
    this.secrets = Map.copyOf(secrets);
  }

  /** A ring of one secret, the first: for tests and values of a single version. */
  public static MacKeyRing of(byte[] secret) {
    return new MacKeyRing(FIRST, Map.of(FIRST, secret.clone()));
  }

  public String currentKid() {
    return currentKid;
  }

  public byte[] current() {
    return secrets.get(currentKid).clone();
  }

  /** The secret of a key id; a missing id means a value made before secrets rotated. */
  public Optional<byte[]> secret(String kid) {
    byte[] secret = secrets.get(kid == null ? FIRST : kid);
    return secret == null ? Optional.empty() : Optional.of(secret.clone());
  }

  /** Every version, the current one first: for values that do not name their key. */
  public Collection<byte[]> all() {
    List<byte[]> all = new java.util.ArrayList<>();
    all.add(current());
    secrets.forEach(
        (kid, secret) -> {
          if (!kid.equals(currentKid)) {
            all.add(secret.clone());
          }
        });
    return all;
  }

  /** Whether another ring holds the same versions and signs with the same one. */
  public boolean sameAs(MacKeyRing other) {
    return other != null
        && currentKid.equals(other.currentKid)
        && secrets.keySet().equals(other.secrets.keySet());
  }

  @Override
  public String toString() {
    // Secrets never appear in a log line.
    return "MacKeyRing[current " + currentKid + ", " + secrets.keySet() + "]";
  }
}
