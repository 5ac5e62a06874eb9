/**
 * The course roster as the LMS reports it (LTI Names and Role Provisioning Services 2.0), and the
 * state of its synchronisation. No HTTP or LTI inside: the tool's roster job fills these.
 */
package org.peerloop.roster;
