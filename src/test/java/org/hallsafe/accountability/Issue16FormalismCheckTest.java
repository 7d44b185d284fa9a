package org.hallsafe.accountability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.hygiene.Hygiene;
import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.hallsafe.organization.RecordTimes;
import org.hallsafe.organization.SectionFlags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 16, item 6 (R-ORG-2, R-REQ-3): the formalism check reads every module's hand-written records, flags a section
 * by the rules, gives the matrix and the briefing its flags through {@link SectionFlags}, and lists each flag with
 * links to its records on a page; an honest hall earns none. The hall's admin sets the back-fill window there.
 */
@HallSafeTest
class Issue16FormalismCheckTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired Hygiene hygiene;
    @Autowired List<SectionFlags> sectionFlags;
    @Autowired RecordTimes recordTimes;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;

    private TestHall.Hall hall;
    private LocalDate monday;

    @BeforeEach
    void setUp() {
        monday = LocalDate.now(clock).plusWeeks(8).with(DayOfWeek.MONDAY);
        clock.set(monday.atTime(8, 0).atZone(ZONE).toInstant());
        hall = halls.create();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Five zones of the hall's section disinfected on Monday, the first {@code backfilled} written up on Tuesday. */
    private void monday(int backfilled) {
        halls.signIn(hall.admin());
        long[] zones = new long[5];
        for (int i = 0; i < zones.length; i++) {
            zones[i] = hygiene.saveZone(hall.siteId(), null, new ZoneForm("区域" + i, ZoneType.WAITING, hall.sectionId(),
                    List.of(Method.SPRAY), null, 240, null));
        }
        halls.signIn(hall.officeDirector());
        for (int i = backfilled; i < zones.length; i++) {
            clock.set(monday.atTime(9 + i, 0).atZone(ZONE).toInstant());
            hygiene.disinfect(hall.siteId(), new DisinfectionForm(UUID.randomUUID(), zones[i], Method.SPRAY, null,
                    "陈保洁", null), null, null);
        }
        clock.set(monday.plusDays(1).atTime(9, 0).atZone(ZONE).toInstant());
        for (int i = 0; i < backfilled; i++) {
            hygiene.disinfect(hall.siteId(), new DisinfectionForm(UUID.randomUUID(), zones[i], Method.SPRAY, null,
                    "陈保洁", monday.atTime(9 + i, 0), "纸质记录补录"), null, null);
        }
    }

    private List<SectionFlags.Flag> flags() {
        return sectionFlags.stream().flatMap(s -> s.flags(hall.siteId(), monday).stream()).toList();
    }

    @Test
    void r16_6_rReq3_aSectionWithManyBackfillsIsFlaggedWithALinkToItsRecords() throws Exception {
        monday(3);
        assertThat(flags()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("formalism.rule.BACKFILLS");
            assertThat(f.sectionId()).isEqualTo(hall.sectionId());
            assertThat(f.detail()).isEqualTo("3/5");
            assertThat(f.link()).isEqualTo("/accountability/flags?day=" + monday + "#flag-" + hall.sectionId() + "-BACKFILLS");
        });
        UserDetails leader = halls.signIn(hall.leader());
        String page = mvc.perform(get("/accountability/flags").param("day", monday.toString()).with(user(leader)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"flag-" + hall.sectionId() + "-BACKFILLS\"").contains("补录比例过高：3/5 条是补录")
                .contains("href=\"/hygiene/report?day=" + monday + "\"").contains("消毒记录");
    }

    @Test
    void r16_6_anHonestSectionIsNotFlagged() throws Exception {
        monday(1);
        assertThat(flags()).as("one back-fill in five").isEmpty();
        UserDetails leader = halls.signIn(hall.leader());
        String page = mvc.perform(get("/accountability/flags").param("day", monday.toString()).with(user(leader)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"no-flags\"");
    }

    @Test
    void r16_6_theHallsAdminSetsTheWindowAndABadValueIsRefusedBesideTheField() throws Exception {
        UserDetails admin = halls.signIn(hall.admin());
        mvc.perform(post("/accountability/flags/window").param("minutes", "abc").with(user(admin)).with(csrf()))
                .andReturn();
        assertThat(recordTimes.windowMinutes(hall.siteId())).isEqualTo(RecordTimes.DEFAULT_MINUTES);
        String refused = mvc.perform(post("/accountability/flags/window").param("minutes", "9999").with(user(admin))
                .with(csrf())).andReturn().getFlashMap().get("windowProblem").toString();
        assertThat(refused).isEqualTo("record.window.range");
        mvc.perform(post("/accountability/flags/window").param("minutes", "60").with(user(admin)).with(csrf()));
        assertThat(recordTimes.windowMinutes(hall.siteId())).isEqualTo(60);
        UserDetails leader = halls.signIn(hall.leader());
        assertThat(mvc.perform(post("/accountability/flags/window").param("minutes", "600").with(user(leader))
                .with(csrf())).andReturn().getResponse().getStatus()).as("a leader does not set it").isEqualTo(403);
        assertThat(recordTimes.windowMinutes(hall.siteId())).isEqualTo(60);
    }
}
