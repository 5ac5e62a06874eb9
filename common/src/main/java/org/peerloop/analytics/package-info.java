/**
 * Social learning analytics over one cohort (or space, or course) and period, exactly as {@code
 * PRODUCT.md} ("Metrics") defines them: participation segments over the LMS roster, engagement and
 * reach, participation inequality, conversation quality, the interaction graph (ego networks,
 * two-way ties, brokers by betweenness centrality, go-to people), personas and continuity. Pure
 * computations over {@link org.peerloop.analytics.CohortFacts}: no database, no HTTP; callers
 * gather the facts.
 */
package org.peerloop.analytics;
