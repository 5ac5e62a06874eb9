/**
 * The SharePoint connector: what lets a SharePoint Online page open the same cohort space as an LMS
 * module. {@code entra} validates the Microsoft Entra ID access tokens the SPFx web part sends;
 * {@code graph} reads group rosters and pages from Microsoft Graph; {@link
 * org.peerloop.sharepoint.CohortWebPart} is the web part as Graph shows it on a page.
 * Container-free: no JPA, no CDI, no PeerLoop domain inside, so the tool decides what a valid token
 * or a roster means.
 */
package org.peerloop.sharepoint;
