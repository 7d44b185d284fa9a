package org.hallsafe.organization;

import java.time.LocalDate;
import java.util.List;

/**
 * Implemented by the formalism check (issue 16, item 6): the flags a section earned on a day (a high share of
 * back-fills, implausibly uniform readings, a burst of entries at the end of the day, one account recording for
 * many). The responsibility matrix and the daily briefing show them, each with a link to the records behind it.
 */
public interface SectionFlags {

    List<Flag> flags(long siteId, LocalDate day);

    /**
     * One flag: {@code rule} is its message key, {@code sectionId} the section (null when the records name none),
     * {@code detail} the figures that raised it (for the message's arguments), {@code link} the records.
     */
    record Flag(String rule, Long sectionId, String detail, String link) {
    }
}
