package org.hallsafe.organization;

import java.time.LocalDate;
import java.util.Map;

/**
 * Implemented by the modules that carry out a measure (screening, staff health, hygiene …) to fill a cell of the
 * responsibility matrix: how one section (and, where the module knows them, one window) stands on one measure on one
 * day, and which page lists the records behind the cell. Several providers may report the same measure code: the
 * matrix adds their figures up and links each one's records.
 */
public interface MeasureStatusProvider {

    /** The measure code this provider reports on, e.g. {@code R-DIS}. */
    String measureCode();

    /** The day's figures of every section that has any, by section id: one call fills a row of the matrix. */
    Map<Long, MeasureStatus> statuses(long siteId, LocalDate day);

    /** The day's figures of every window that has any, by window id (the matrix's window columns); none by default. */
    default Map<Long, MeasureStatus> windowStatuses(long siteId, LocalDate day) {
        return Map.of();
    }

    /**
     * The page listing exactly the records counted in a section's cell on that day (a path with its query, e.g.
     * {@code /hygiene?section=12&day=2026-11-30}), or null when there is none.
     */
    default String sectionLink(long siteId, long sectionId, LocalDate day) {
        return null;
    }

    /** The page listing exactly the records counted in a window's cell on that day, or null when there is none. */
    default String windowLink(long siteId, long windowId, LocalDate day) {
        return null;
    }

    /**
     * The message key naming what the links list (e.g. {@code measure.records.zones} "消毒区域"): a cell fed by several
     * providers shows one link each, by this name.
     */
    default String recordsKey() {
        return "measure.records";
    }

    /** Counts of a cell: tasks done, due now, and overdue or missed. */
    record MeasureStatus(int done, int due, int overdue) {

        /** Two providers' figures for one cell, added up. */
        public MeasureStatus plus(MeasureStatus other) {
            return new MeasureStatus(done + other.done, due + other.due, overdue + other.overdue);
        }
    }
}
