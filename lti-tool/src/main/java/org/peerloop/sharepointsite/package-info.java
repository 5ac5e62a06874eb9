/**
 * SharePoint pages as a second door to spaces: the tenants IT registers, sites bound to courses and
 * pages bound to spaces, the exchange of an Entra access token for a session token of the space
 * bound to the page (the same session the LTI launch gives, so the same UI and API serve both), and
 * site rosters read from Microsoft Graph. Token validation and Graph are the connector's.
 */
package org.peerloop.sharepointsite;
