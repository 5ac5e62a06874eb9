/**
 * Microsoft Graph as PeerLoop reads it: the members of the Microsoft 365 group behind a SharePoint
 * site, with an application token of PeerLoop's app registration (client credentials, a secret or a
 * certificate). Paging, throttling and partial permissions are handled as Graph documents them.
 */
package org.peerloop.sharepoint.graph;
