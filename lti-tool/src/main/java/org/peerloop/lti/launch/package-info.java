/**
 * The LTI 1.3 launch (IMS LTI Core 1.3, 1EdTech Security Framework 1.0): OIDC login initiation, the
 * container-free launch validator with one reason code per rule, and the launch endpoint that turns
 * a valid launch into a session.
 */
package org.peerloop.lti.launch;
