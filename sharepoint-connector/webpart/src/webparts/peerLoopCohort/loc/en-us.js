define([], function() {
  return {
    "PropertyPaneDescription": "Show a PeerLoop cohort space on this page: the same cohorts, posts and people as in the course.",
    "ConnectionGroupName": "PeerLoop",
    "PeerLoopUrlLabel": "PeerLoop address",
    "PeerLoopUrlDescription": "The address your IT department runs PeerLoop at, e.g. https://peerloop.example.org/",
    "PeerLoopUrlInvalid": "Use the https:// address of PeerLoop, without ? or #.",
    "AppIdUriLabel": "PeerLoop API (App ID URI)",
    "AppIdUriDescription": "From IT: the Application ID URI of PeerLoop's app registration, e.g. api://peerloop.example.org/…",
    "BindingGroupName": "Space of this page",
    "BindingHelp": "A facilitator links this page to their space in PeerLoop (Settings, SharePoint pages) with these ids:",
    "TenantId": "tenant",
    "SiteId": "site",
    "PageId": "page",
    "NotConfiguredTitle": "PeerLoop is not set up on this page yet",
    "NotConfigured": "Edit the page and open this web part's properties to enter PeerLoop's address and API.",
    "ConnectingTitle": "Opening your cohort…",
    "NotBoundTitle": "This page is not linked to a cohort space yet",
    "NotBound": "Ask the course's facilitator to link it in PeerLoop, giving them:",
    "ApiNotApprovedTitle": "PeerLoop's access has not been approved yet",
    "ApiNotApproved": "A SharePoint administrator approves PeerLoop's API access request once for the organisation: SharePoint admin center, Advanced, API access.",
    "NoEntryTitle": "This cohort is not open to you",
    "RefusedTitle": "PeerLoop did not accept the sign-in",
    "Refused": "Give this reason to your IT department",
    "FailedTitle": "PeerLoop could not be reached"
  }
});
