package org.hallsafe.platform;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.organization.HallFigures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 20 item 9: the hall's own work in Prometheus (screenings and refusals per hall; unacknowledged reports,
 * overdue staff checks, today's bookings and overdue agency cases as the leaders' overview counts them), behind
 * METRICS_VIEW like the other metrics; and a favicon.
 */
@HallSafeTest
class HallMetricsIssue20Test {

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired MutableClock clock;
    @Autowired List<HallFigures> figures;

    @Test
    void r20_9_aRefusalAtTheGateShowsInTheHallsCountersOnTheScrape() throws Exception {
        TestHall.Hall hall = halls.create();
        UserDetails screener = halls.signIn(hall.screener());
        String bureau = accounts.create(Role.BUREAU_ADMIN);
        String site = String.valueOf(hall.siteId());
        assertThat(value(scrape(bureau), "hallsafe_refusals_total", site, "citizen")).isNull();

        record(screener, "N95_KN95");
        record(screener, "NONE"); // no mask: refused
        record(screener, "NONE");

        String scrape = scrape(bureau);
        assertThat(value(scrape, "hallsafe_screenings_total", site, "citizen")).isEqualTo(3.0);
        assertThat(value(scrape, "hallsafe_refusals_total", site, "citizen")).isEqualTo(2.0);
        // another hall's counter is its own
        assertThat(scrape).doesNotContainPattern("hallsafe_refusals_total\\{person=\"citizen\",site=\"" + site + "0\"");
        // the figures are for those allowed to read metrics only
        mvc.perform(get("/actuator/prometheus").with(httpBasic(accounts.create(Role.ADMIN), TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void r20_9_theHallsGaugesMatchWhatTheModulesCount() throws Exception {
        TestHall.Hall hall = halls.create();
        UserDetails screener = halls.signIn(hall.screener());
        String bureau = accounts.create(Role.BUREAU_ADMIN);
        String site = String.valueOf(hall.siteId());
        record(screener, "NONE"); // a refusal is reported to the leadership group: one unacknowledged report

        clock.advance(Duration.ofMinutes(1)); // past the snapshot's freshness
        scrape(bureau); // a new hall's gauges are registered on the first scrape that sees it
        clock.advance(Duration.ofMinutes(1));
        String scrape = scrape(bureau);

        Map<String, Long> expected = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        figures.forEach(f -> f.figures(hall.siteId(), today).forEach(x -> expected.put(x.key(), x.value())));
        assertThat(expected.get("figure.incident.unacknowledged")).isEqualTo(1L);
        assertThat(value(scrape, "hallsafe_incidents_unacknowledged", site, null)).isEqualTo(1.0);
        assertThat(value(scrape, "hallsafe_staff_checks_overdue", site, null))
                .isEqualTo(expected.get("figure.staffhealth.due").doubleValue());
        assertThat(value(scrape, "hallsafe_bookings_today", site, null))
                .isEqualTo(expected.get("figure.appointments.bookings").doubleValue());
        assertThat(value(scrape, "hallsafe_agency_cases_overdue", site, null))
                .isEqualTo(expected.get("figure.agency.overdue").doubleValue());
        assertThat(scrape).contains("# HELP hallsafe_incidents_unacknowledged");
    }

    @Test
    void r20_9_theFaviconIsServedToEveryoneAndLinkedFromThePages() throws Exception {
        var ico = mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(ico.getContentType()).startsWith("image/");
        byte[] bytes = ico.getContentAsByteArray();
        assertThat(bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 1).as("an ICO file").isTrue();
        assertThat(bytes[6] & 0xff).as("32 px").isEqualTo(32);
        assertThat(mvc.perform(get("/favicon.svg")).andExpect(status().isOk()).andReturn().getResponse().getContentType())
                .startsWith("image/svg+xml");
        String page = mvc.perform(get("/").with(user(accounts.signedIn(Role.ADMIN)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\"",
                "rel=\"icon\" sizes=\"32x32\" href=\"/favicon.ico\"");
        String booking = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(booking).contains("href=\"/favicon.ico\"");
    }

    private void record(UserDetails screener, String mask) throws Exception {
        mvc.perform(post("/api/v1/screening/screenings").with(user(screener)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"submissionId":"%s","personType":"CITIZEN","name":"孙娟","docType":"ID_CARD",
                                 "docNo":"110101199003070011","phone":"13611112222","mask":"%s",
                                 "temperature":36.5,"noSymptoms":true}""".formatted(UUID.randomUUID(), mask)))
                .andExpect(status().isCreated());
    }

    private String scrape(String bureau) throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(httpBasic(bureau, TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The sample of a metric for one hall (and person), or null when the scrape has none. */
    private static Double value(String scrape, String metric, String site, String person) {
        String labels = person == null ? "site=\"" + site + "\"" : "person=\"" + person + "\",site=\"" + site + "\"";
        Matcher m = Pattern.compile("(?m)^" + metric + "\\{" + Pattern.quote(labels) + "[^}]*} (\\S+)$").matcher(scrape);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }
}
