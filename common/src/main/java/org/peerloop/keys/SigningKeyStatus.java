package org.peerloop.keys;

/** Where a key is in its life: published before it signs, published after it stops signing. */
public enum SigningKeyStatus {
  /** Signs everything the tool signs now; exactly one key is current. */
  CURRENT,
  /** No longer signs, still published so tokens it signed can be verified until they expire. */
  RETIRED
}
