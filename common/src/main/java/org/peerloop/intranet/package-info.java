/**
 * Intranet pages as a second door to spaces: a directory tenant registered by IT, its sites bound
 * to courses and pages bound to spaces, the directory accounts that act as people of the course's
 * platform, and the site rosters. The directory (Microsoft Entra ID) and the page host (SharePoint)
 * are the connector's business; here they are only ids.
 */
package org.peerloop.intranet;
