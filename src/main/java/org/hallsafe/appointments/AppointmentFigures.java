package org.hallsafe.appointments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hallsafe.organization.HallFigures;
import org.springframework.stereotype.Component;

/**
 * Bookings and no-shows on the overview (R-SVC), from the same {@link Figures#report} the figures page draws: the
 * day's bookings of every channel (cancelled ones left out) and those who did not come.
 */
@Component
class AppointmentFigures implements HallFigures {

    static final String BOOKINGS = "figure.appointments.bookings";
    static final String NO_SHOWS = "figure.appointments.noShows";

    private final Figures figures;

    AppointmentFigures(Figures figures) {
        this.figures = figures;
    }

    @Override
    public List<Figure> figures(long siteId, LocalDate day) {
        Figures.DayFigures d = figures.report(siteId, day, day).days().get(0);
        return List.of(
                new Figure(BOOKINGS, "R-SVC", d.total(), Level.NONE, "/appointments?day=" + day),
                new Figure(NO_SHOWS, "R-SVC", d.noShows(), d.noShows() > 0 ? Level.WATCH : Level.GOOD,
                        "/appointments/figures?from=" + day.minusDays(13) + "&to=" + day));
    }

    @Override
    public Map<String, List<Long>> trend(long siteId, LocalDate from, LocalDate to) {
        List<Figures.DayFigures> days = figures.report(siteId, from, to).days();
        return Map.of(BOOKINGS, days.stream().map(d -> (long) d.total()).toList(),
                NO_SHOWS, days.stream().map(d -> (long) d.noShows()).toList());
    }
}
