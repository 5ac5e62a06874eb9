/**
 * Microsoft Entra ID access tokens for PeerLoop's own API, in both shapes Entra issues (v1.0 and
 * v2.0, chosen by the app registration's {@code accessTokenAcceptedVersion}), validated with Nimbus
 * against the tenant's published signing keys. A token is trusted only for a tenant an
 * administrator registered: never for "any Microsoft issuer".
 */
package org.peerloop.sharepoint.entra;
