/** The tool's public key set (JWKS), built from the signing keys kept in the database. */
package org.peerloop.lti.jwks;
