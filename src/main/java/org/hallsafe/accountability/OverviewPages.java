package org.hallsafe.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.PlausibleDate;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The leadership's overview (issue 16 item 1): a tile per figure of every measure, a number and a colour, each opening
 * its detail, with its 14-day trend; on a phone two tiles a row, on a desk four to six, and {@code ?layout=screen} the
 * same tiles dark and large for a screen in the office, refreshing itself. A day picker shows a past day.
 */
@Controller
@RequiresPermission(Permissions.OVERVIEW_VIEW)
class OverviewPages {

    private final Overview overview;
    private final Clock clock;

    OverviewPages(Overview overview, Clock clock) {
        this.overview = overview;
        this.clock = clock;
    }

    @GetMapping("/overview")
    String overview(SignedIn who, @RequestParam(required = false) LocalDate day,
            @RequestParam(required = false) String layout,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        LocalDate today = LocalDate.now(clock);
        Optional<String> problem = PlausibleDate.Horizon.TODAY.problem(day, clock);
        LocalDate shown = day == null || problem.isPresent() ? today : day;
        List<Overview.Tile> tiles = overview.tiles(who.siteId(), shown);
        model.addAttribute("tiles", tiles);
        model.addAttribute("day", shown);
        model.addAttribute("typedDay", problem.isPresent() ? day : shown);
        model.addAttribute("dayProblem", problem.orElse(null));
        model.addAttribute("isToday", shown.equals(today));
        model.addAttribute("today", today);
        model.addAttribute("trendDays", trendDays(shown));
        boolean screen = "screen".equals(layout);
        model.addAttribute("screen", screen);
        if (htmx != null) {
            return "accountability/overview :: tiles";
        }
        return screen ? "accountability/overview-screen" : "accountability/overview";
    }

    /** The trend's days as its axis shows them ({@code 11-19}), oldest first. */
    static String trendDays(LocalDate day) {
        return String.join("|", day.minusDays(Overview.TREND_DAYS - 1L).datesUntil(day.plusDays(1))
                .map(d -> d.toString().substring(5)).toList());
    }
}
