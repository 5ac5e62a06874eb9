package org.peerloop.lti.platform;

import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/** Finds the public key a platform signed with, by key id (1EdTech Security Framework §6.3). */
public interface PlatformKeys {
  Optional<RSAPublicKey> find(Registration platform, String kid);
}
