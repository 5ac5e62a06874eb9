/** The typed settings of a PeerLoop process, read once from system properties and environment. */
package org.peerloop.settings;
