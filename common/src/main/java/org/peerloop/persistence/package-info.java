/** The schema (versioned migrations) and the persistence unit shared by every PeerLoop module. */
package org.peerloop.persistence;
