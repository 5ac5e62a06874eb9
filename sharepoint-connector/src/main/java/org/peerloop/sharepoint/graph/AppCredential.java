package org.peerloop.sharepoint.graph;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * How PeerLoop's app registration proves itself to Entra's token endpoint (OAuth 2.0 client
 * credentials): a client secret, or a certificate whose private key signs a client assertion.
 * Neither is ever logged; {@link #toString()} says only which kind it is.
 */
public sealed interface AppCredential {
  String clientId();

  /** A client secret from the app registration's "Certificates &amp; secrets". */
  record Secret(String clientId, String secret) implements AppCredential {
    public Secret {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
      return "client secret of " + clientId;
    }
  }

  /** A certificate uploaded to the app registration, and its private key (RSA). */
  record Certificate(String clientId, PrivateKey privateKey, X509Certificate certificate)
      implements AppCredential {
    public Certificate {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(privateKey, "privateKey");
      Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public String toString() {
      return "certificate of " + clientId;
    }
  }
}
