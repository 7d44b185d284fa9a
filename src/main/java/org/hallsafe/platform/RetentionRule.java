package org.hallsafe.platform;

import java.time.Instant;

/**
 * One table's share of the retention job: a module implements it for its own tables, and platform's job calls it in
 * batches until nothing is left. An implementation anonymises (never deletes) rows whose last event is before
 * {@code before} and that are not anonymised yet, at most {@code limit} of them in one transaction, and returns how
 * many it changed; run again, it changes nothing.
 */
public interface RetentionRule {

    /** The table or part of it, as the audit entry names it, e.g. {@code screenings}. */
    String name();

    RetentionProperties.DataClass dataClass();

    int anonymise(Instant before, int limit);
}
