/**
 * Clients of the LTI Advantage services a platform offers: the access token (1EdTech Security
 * Framework §4.1, client credentials with a signed JWT assertion), Names and Role Provisioning
 * Services 2.0 and Assignment and Grade Services 2.0. Only HTTP and JSON here: callers decide what
 * a roster or a score means for cohorts.
 */
package org.peerloop.lti.services;
