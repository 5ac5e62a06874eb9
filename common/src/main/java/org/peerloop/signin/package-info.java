/**
 * One-time records of OpenID Connect sign-ins, shared by every node through the database: the login
 * state issued before a redirect and the nonces already seen in id_tokens.
 */
package org.peerloop.signin;
