/**
 * How platforms come to know PeerLoop: LTI Dynamic Registration 1.0, the values for manual
 * registration, and the store of registrations both lead to.
 */
package org.peerloop.lti.registration;
