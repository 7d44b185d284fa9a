package org.hallsafe.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Implemented by each module that carries out a measure, to put its figures on the leadership's overview and in the
 * daily briefing (issue 16): a number per tile, how it stands, where its detail is, and the same number for each of
 * the last days (the trend). The overview asks every implementation; none knows the others.
 */
public interface HallFigures {

    /** The module's tiles for one day of one hall, in the order they should appear. */
    List<Figure> figures(long siteId, LocalDate day);

    /**
     * The same tiles for every day of {@code from..to} (inclusive): by the figure's key, one value per day, oldest
     * first ({@code to - from + 1} values). One grouped query per tile, not one per day.
     */
    Map<String, List<Long>> trend(long siteId, LocalDate from, LocalDate to);

    /** How a figure stands: the tile's colour. */
    enum Level { GOOD, WATCH, ALERT, NONE }

    /**
     * One tile. {@code key} is its message key (e.g. {@code figure.screening.refused}), {@code measureCode} the plan's
     * measure it belongs to ({@code R-SCR}), {@code link} the page behind it (with the day as a parameter where the
     * page takes one).
     */
    record Figure(String key, String measureCode, long value, Level level, String link) {
    }
}
