package org.hallsafe.organization;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Implemented by the modules whose records people write by hand (staff checks, disinfections, deliveries, gate
 * readings), so that the formalism check (issue 16, item 6) can see how they were written: by whom, when they were
 * entered against the moment they are about, whether they were back-filled, and the reading if there is one.
 */
public interface WrittenRecords {

    /** The records of one hall whose moment lies on {@code day}. */
    List<WrittenRecord> written(long siteId, LocalDate day);

    /**
     * One record. {@code kind} names it (e.g. {@code staffhealth.check}); {@code sectionId} is the responsible section
     * when known; {@code enteredAt} is the server's time of entry, {@code aboutAt} the moment it describes;
     * {@code reading} a temperature or null; {@code subject} whom or what it is about (a staff id, a zone id);
     * {@code link} the page that shows it.
     */
    record WrittenRecord(String kind, Long sectionId, String recordedBy, Instant enteredAt, Instant aboutAt,
            boolean backfilled, BigDecimal reading, String subject, String link) {
    }
}
