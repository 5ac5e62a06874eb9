/** Registered LMS installations (LTI platforms): their registration values and deployments. */
package org.peerloop.platform;
