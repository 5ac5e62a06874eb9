declare interface IPeerLoopCohortWebPartStrings {
  PropertyPaneDescription: string;
  ConnectionGroupName: string;
  PeerLoopUrlLabel: string;
  PeerLoopUrlDescription: string;
  PeerLoopUrlInvalid: string;
  AppIdUriLabel: string;
  AppIdUriDescription: string;
  BindingGroupName: string;
  BindingHelp: string;
  ConfirmationCodeLabel: string;
  ConfirmationCodeDescription: string;
  TenantId: string;
  SiteId: string;
  PageId: string;
  NotConfiguredTitle: string;
  NotConfigured: string;
  ConnectingTitle: string;
  NotBoundTitle: string;
  NotBound: string;
  UnconfirmedTitle: string;
  Unconfirmed: string;
  ApiNotApprovedTitle: string;
  ApiNotApproved: string;
  NoEntryTitle: string;
  RefusedTitle: string;
  Refused: string;
  FailedTitle: string;
}

declare module 'PeerLoopCohortWebPartStrings' {
  const strings: IPeerLoopCohortWebPartStrings;
  export = strings;
}
