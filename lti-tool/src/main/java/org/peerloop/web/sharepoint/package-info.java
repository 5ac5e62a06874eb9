/**
 * The SharePoint web part's endpoints: the exchange of an Entra access token for a session of the
 * page's space, and the page the web part frames, which takes that session by postMessage.
 */
package org.peerloop.web.sharepoint;
