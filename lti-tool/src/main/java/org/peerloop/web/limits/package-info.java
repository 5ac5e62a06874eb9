/**
 * Rate limits at the web edge: sign-ins and launches per client address, posts per member, counted
 * in the database so that every node of a cluster enforces one limit (not one each).
 */
package org.peerloop.web.limits;
