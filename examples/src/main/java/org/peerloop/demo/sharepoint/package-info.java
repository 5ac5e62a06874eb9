/**
 * A stand-in for the parts of Microsoft 365 the demo cannot reach: an Entra ID tenant (signing
 * keys, access tokens in the v2.0 shape, the client credentials token endpoint), Microsoft Graph's
 * group members endpoint, and a SharePoint page that does what the PeerLoop web part does there.
 * PeerLoop talks to it exactly as to Microsoft (only the base URLs differ), so the demo and the
 * in-container tests exercise the real validation, exchange, framing and roster code.
 */
package org.peerloop.demo.sharepoint;
