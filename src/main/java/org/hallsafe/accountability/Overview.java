package org.hallsafe.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.hallsafe.organization.HallFigures;
import org.hallsafe.organization.PlanMeasure;
import org.hallsafe.platform.StandbyRead;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leadership's overview (issue 16 item 1): every module's figures for one day of one hall, a tile each, with
 * the last {@link #TREND_DAYS} days of the same figure. The modules contribute through {@link HallFigures}; the
 * tiles come in the order of the plan's measures (R-ORG, R-SCR … R-REQ), then each module's own order.
 */
@Service
public class Overview {

    /** Days of the trend under each tile, the chosen day included. */
    public static final int TREND_DAYS = 14;

    /** One tile: the figure of the day and its value on each of the last {@link #TREND_DAYS} days, oldest first. */
    public record Tile(HallFigures.Figure figure, List<Long> trend) {
    }

    /** Looked up on each call: the modules that provide figures depend on organization, not on this module. */
    private final ObjectProvider<HallFigures> providers;

    Overview(ObjectProvider<HallFigures> providers) {
        this.providers = providers;
    }

    /** Every tile of a day; read on the standby when there is one (issue 18, item 3): the leadership's screen. */
    @StandbyRead
    @Transactional(readOnly = true)
    public List<Tile> tiles(long siteId, LocalDate day) {
        LocalDate from = day.minusDays(TREND_DAYS - 1L);
        List<Tile> tiles = new ArrayList<>();
        providers.orderedStream().forEach(provider -> {
            Map<String, List<Long>> trends = provider.trend(siteId, from, day);
            for (HallFigures.Figure figure : provider.figures(siteId, day)) {
                tiles.add(new Tile(figure, trends.getOrDefault(figure.key(), List.of())));
            }
        });
        tiles.sort(Comparator.comparingInt(t -> rank(t.figure().measureCode())));
        return List.copyOf(tiles);
    }

    /** The measure's place in the plan; a code the plan does not know comes last. */
    static int rank(String measureCode) {
        for (PlanMeasure m : PlanMeasure.values()) {
            if (m.code().equals(measureCode)) {
                return m.ordinal();
            }
        }
        return PlanMeasure.values().length;
    }
}
