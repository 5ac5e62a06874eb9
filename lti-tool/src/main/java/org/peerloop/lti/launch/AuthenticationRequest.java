package org.peerloop.lti.launch;

import java.net.URI;
import org.peerloop.lti.platform.Registration;

/**
 * Where to send the browser after a login: the platform's authorization endpoint with the OIDC
 * parameters (LTI Core §4.1.1; Security Framework §5.1.1.2).
 *
 * @param storageTarget the platform-storage frame to keep the binding value in first, or {@code
 *     null}
 * @param binding the random value the login page keeps there, which the launch's browser must read
 *     back; {@code null} without a storage frame
 */
public record AuthenticationRequest(
    URI redirect,
    Registration platform,
    String state,
    String nonce,
    String storageTarget,
    String binding) {}
