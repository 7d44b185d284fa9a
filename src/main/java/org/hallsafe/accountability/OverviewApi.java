package org.hallsafe.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hallsafe.organization.HallFigures;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.PlausibleDate;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The leadership's overview as data, for another screen or a report: the same tiles as the page. */
@RestController
@ApiErrors.JsonApi
@RequestMapping("/api/v1/overview")
@Tag(name = "overview", description = "Issue 16 / R-ORG-2: the leadership's overview, one figure per tile of every measure")
@RequiresPermission(Permissions.OVERVIEW_VIEW)
class OverviewApi {

    /** One tile: its label in the request's language, the day's value, how it stands, its page, and its trend. */
    record TileView(String key, String label, String measureCode, long value, HallFigures.Level level, String link,
            List<Long> trend) {
    }

    /** The day's tiles; {@code trendFrom} is the day of each trend's first value. */
    record OverviewView(LocalDate day, LocalDate trendFrom, List<TileView> tiles) {
    }

    private final Overview overview;
    private final MessageSource messages;
    private final Clock clock;

    OverviewApi(Overview overview, MessageSource messages, Clock clock) {
        this.overview = overview;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The overview of a day (default today, not after today): every figure with its level, link and 14-day trend")
    OverviewView overview(SignedIn who, @RequestParam(required = false) LocalDate day) {
        PlausibleDate.Horizon.TODAY.problem(day, clock).ifPresent(key -> {
            throw new InvalidInputException("day", key);
        });
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        List<TileView> tiles = overview.tiles(who.siteId(), d).stream().map(t -> new TileView(t.figure().key(),
                messages.getMessage(t.figure().key(), null, t.figure().key(), LocaleContextHolder.getLocale()),
                t.figure().measureCode(), t.figure().value(), t.figure().level(), t.figure().link(), t.trend()))
                .toList();
        return new OverviewView(d, d.minusDays(Overview.TREND_DAYS - 1L), tiles);
    }
}
