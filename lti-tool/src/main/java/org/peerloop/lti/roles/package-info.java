/** The one map from LTI role URIs to PeerLoop's roles. */
package org.peerloop.lti.roles;
