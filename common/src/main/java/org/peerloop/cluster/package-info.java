/**
 * What the nodes of a cluster share through the database besides the data: the leases of jobs that
 * run once cluster-wide, and the request counters of rate limits.
 */
package org.peerloop.cluster;
