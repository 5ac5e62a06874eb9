package org.peerloop.sharepoint.graph;

/**
 * A user in a group's roster. Graph returns only {@code id} for a user whose properties the app may
 * not read (User.ReadBasic.All or User.Read.All missing); such a user is {@link #incomplete()}.
 *
 * @param id the user's object id (the {@code oid} of their tokens)
 */
public record GraphUser(String id, String displayName, String mail, String userPrincipalName) {

  public boolean incomplete() {
    return displayName == null && userPrincipalName == null;
  }
}
