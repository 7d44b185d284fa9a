package org.hallsafe.accountability;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.agency.AgencyCases;
import org.hallsafe.canteen.Canteen;
import org.hallsafe.canteen.CanteenForms.CertificateForm;
import org.hallsafe.canteen.CanteenForms.CertificateKind;
import org.hallsafe.canteen.CanteenForms.SupplierForm;
import org.hallsafe.hygiene.Hygiene;
import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.HallFigures;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.screening.GateDesk;
import org.hallsafe.screening.GateForm;
import org.hallsafe.screening.Today;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.hallsafe.staffhealth.CheckForm;
import org.hallsafe.staffhealth.StaffDay;
import org.hallsafe.staffhealth.StaffHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 16 item 1: the leadership's overview shows, tile by tile, what the modules recorded, the same numbers their
 * own pages show; each with a 14-day trend ending on the day; the home page of a leader or the office is the overview.
 */
@HallSafeTest
class Issue16OverviewTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired Overview overview;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired GateDesk gate;
    @Autowired Today today;
    @Autowired Incidents incidents;
    @Autowired StaffHealth health;
    @Autowired Hygiene hygiene;
    @Autowired Canteen canteen;
    @Autowired AgencyCases agency;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    private TestHall.Hall hall;
    private LocalDate monday;

    @BeforeEach
    void setUp() {
        // a working Monday at 10:00, after breakfast's tableware was due (09:30) and after the 10:30 check's window opened
        monday = LocalDate.now(clock).plusWeeks(3).with(DayOfWeek.MONDAY);
        clock.set(monday.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant());
        hall = halls.create();
        halls.signIn(hall.screener());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static String id(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    private void screen(String name, String idNumber, Mask mask) {
        gate.record(hall.siteId(), new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, name, DocumentType.ID_CARD,
                idNumber, "13912345678", mask, new BigDecimal("36.5"), List.of(), true, "", null, null, "", null));
    }

    private Map<String, Overview.Tile> tiles() {
        return overview.tiles(hall.siteId(), monday).stream()
                .collect(Collectors.toMap(t -> t.figure().key(), Function.identity(), (a, b) -> a));
    }

    @Test
    void r16_1_eachTileShowsWhatWasRecordedAndWhatItsModulesPageCounts() {
        screen("刘洋", id("43090219850612123"), Mask.DISPOSABLE_MEDICAL);
        screen("陈静", id("43090219900305242"), Mask.N95_KN95);
        screen("黄磊", id("43090219781120351"), Mask.NONE);

        long sick = hall.staffIds().get(4);
        health.recordCheck(hall.siteId(), sick, new CheckForm(UUID.randomUUID(), new BigDecimal("38.2"), List.of(), true, ""), false);

        long covered = hygiene.saveZone(hall.siteId(), null, new ZoneForm("一楼等候区", ZoneType.WAITING, hall.sectionId(),
                List.of(Method.MOP_84), 500, 240, null));
        hygiene.saveZone(hall.siteId(), null, new ZoneForm("二楼卫生间", ZoneType.TOILET, hall.sectionId(),
                List.of(Method.MOP_84), 500, 240, null));
        hygiene.disinfect(hall.siteId(), new DisinfectionForm(UUID.randomUUID(), covered, Method.MOP_84, 500, "陈保洁", null),
                null, null);

        long expiring = canteen.saveSupplier(hall.siteId(), new SupplierForm("益阳市绿源配送", ""));
        canteen.addCertificate(hall.siteId(), expiring, new CertificateForm(CertificateKind.BUSINESS_LICENCE, "B1", monday.plusYears(2)));
        canteen.addCertificate(hall.siteId(), expiring, new CertificateForm(CertificateKind.FOOD_LICENCE, "F1", monday.plusYears(1)));
        canteen.addCertificate(hall.siteId(), expiring, new CertificateForm(CertificateKind.QUARANTINE, "Q1", monday.plusDays(10)));
        canteen.saveSupplier(hall.siteId(), new SupplierForm("无证菜贩", ""));

        // one report acknowledged, the rest (the refusal's and the fever's) waiting
        long acknowledged = incidents.report(hall.siteId(), "test", "ack-" + hall.siteId(), "已确认的报告", "");
        incidents.acknowledge(hall.siteId(), acknowledged);

        Map<String, Overview.Tile> tiles = tiles();

        // the gate: three people, one refused (no mask): as recorded, and as the gate's page of today counts them
        assertThat(value(tiles, "figure.screening.screened")).isEqualTo(3).isEqualTo(today.figures(hall.siteId()).screened());
        assertThat(value(tiles, "figure.screening.refused")).isEqualTo(1).isEqualTo(today.figures(hall.siteId()).refused());
        assertThat(tiles.get("figure.screening.refused").figure().level()).isEqualTo(HallFigures.Level.WATCH);
        assertThat(tiles.get("figure.screening.refused").figure().link())
                .isEqualTo("/screening/ledger?from=" + monday + "&to=" + monday + "&decision=REFUSED");

        // incidents: the refusal and the fever each reported one, the third acknowledged
        long open = incidents.list(hall.siteId(), Incidents.Status.OPEN, 100).size();
        assertThat(open).isEqualTo(2);
        assertThat(value(tiles, "figure.incident.unacknowledged")).isEqualTo(open);
        assertThat(tiles.get("figure.incident.unacknowledged").figure().level()).isEqualTo(HallFigures.Level.ALERT);

        // staff health: one staff member with a fever; due, late and missed as the board of the day adds them up
        List<StaffHealth.Day> board = health.board(hall.siteId(), null, monday);
        assertThat(value(tiles, "figure.staffhealth.abnormal")).isEqualTo(1)
                .isEqualTo(board.stream().filter(StaffHealth.Day::abnormalToday).count());
        assertThat(value(tiles, "figure.staffhealth.due")).isEqualTo(board.stream()
                .mapToLong(d -> d.count(StaffDay.Status.DUE) + d.count(StaffDay.Status.LATE)).sum());
        assertThat(value(tiles, "figure.staffhealth.missed"))
                .isEqualTo(board.stream().mapToLong(d -> d.count(StaffDay.Status.MISSED)).sum()).isPositive();
        assertThat(value(tiles, "figure.staffhealth.late"))
                .isEqualTo(board.stream().mapToLong(d -> d.count(StaffDay.Status.DONE_LATE)).sum());

        // hygiene: two zones, one disinfected just now: the other (never done) is overdue
        assertThat(value(tiles, "figure.hygiene.overdue")).isEqualTo(1);
        assertThat(tiles.get("figure.hygiene.overdue").figure().link()).isEqualTo("/hygiene/report?day=" + monday);

        // canteen: a certificate expiring in ten days, a supplier without any, breakfast's tableware not disinfected
        assertThat(canteen.suppliers(hall.siteId()).stream().filter(Canteen.Supplier::warning).count()).isEqualTo(2);
        assertThat(value(tiles, "figure.canteen.warnings")).isEqualTo(3);
        assertThat(tiles.get("figure.canteen.warnings").figure().level()).isEqualTo(HallFigures.Level.ALERT);

        // no bookings and no agency cases in this hall: zero, and as their own lists
        assertThat(value(tiles, "figure.appointments.bookings")).isZero();
        assertThat(value(tiles, "figure.agency.overdue")).isEqualTo(agency.cases(hall.siteId(), AgencyCases.State.ACCEPTED, 300)
                .stream().filter(AgencyCases.CaseSummary::overdue).count()).isZero();
        assertThat(tiles.get("figure.agency.overdue").figure().level()).isEqualTo(HallFigures.Level.GOOD);
    }

    private static long value(Map<String, Overview.Tile> tiles, String key) {
        assertThat(tiles).containsKey(key);
        return tiles.get(key).figure().value();
    }

    @Test
    void r16_1_everyTileHasFourteenDaysOfTrendEndingWithTheDaysValueInThePlansOrder() {
        screen("刘洋", id("43090219850612123"), Mask.NONE);
        clock.set(monday.minusDays(3).atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant());
        screen("陈静", id("43090219900305242"), Mask.NONE);
        screen("黄磊", id("43090219781120351"), Mask.DISPOSABLE_MEDICAL);
        clock.set(monday.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant());

        List<Overview.Tile> all = overview.tiles(hall.siteId(), monday);
        assertThat(all).extracting(t -> t.figure().key()).contains("figure.screening.screened",
                "figure.incident.unacknowledged", "figure.staffhealth.missed", "figure.hygiene.overdue",
                "figure.canteen.warnings", "figure.appointments.noShows", "figure.agency.overdue");
        for (Overview.Tile t : all) {
            assertThat(t.trend()).as(t.figure().key()).hasSize(Overview.TREND_DAYS);
            if (t.figure().key().startsWith("figure.")) {
                assertThat(t.trend().get(Overview.TREND_DAYS - 1)).as(t.figure().key()).isEqualTo(t.figure().value());
            }
        }
        List<Integer> ranks = all.stream().map(t -> Overview.rank(t.figure().measureCode())).toList();
        assertThat(ranks).isSorted();

        Map<String, Overview.Tile> tiles = tiles();
        assertThat(tiles.get("figure.screening.screened").trend().subList(10, 14)).containsExactly(2L, 0L, 0L, 1L);
        assertThat(tiles.get("figure.screening.refused").trend().subList(10, 14)).containsExactly(1L, 0L, 0L, 1L);

        // a past day shows that day: Friday's two people
        Map<String, Overview.Tile> friday = overview.tiles(hall.siteId(), monday.minusDays(3)).stream()
                .collect(Collectors.toMap(t -> t.figure().key(), Function.identity(), (a, b) -> a));
        assertThat(friday.get("figure.screening.screened").figure().value()).isEqualTo(2);
        assertThat(friday.get("figure.screening.screened").trend().get(Overview.TREND_DAYS - 1)).isEqualTo(2);
        // Friday's refusal was reported then and is still waiting: it counted on Friday, and still does today
        assertThat(friday.get("figure.incident.unacknowledged").figure().value()).isEqualTo(1);
    }

    @Test
    void r16_1_theLeadersAndTheOfficesHomeIsTheOverviewWithItsPageAndApi() throws Exception {
        screen("黄磊", id("43090219781120351"), Mask.NONE);
        var leader = users.loadUserByUsername(hall.leader());
        mvc.perform(get("/").with(user(leader))).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/overview"));
        mvc.perform(get("/").with(user(users.loadUserByUsername(hall.officeDirector()))))
                .andExpect(redirectedUrl("/overview"));
        // an administrator keeps the home page; a screener may not open the overview
        mvc.perform(get("/").with(user(users.loadUserByUsername(hall.admin())))).andExpect(status().isOk());
        mvc.perform(get("/overview").with(user(users.loadUserByUsername(hall.screener())))).andExpect(status().isForbidden());

        String html = mvc.perform(get("/overview").with(user(leader))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"tile-figure.screening.refused\"").contains("data-value=\"1\"")
                .contains("入口劝返").contains("/screening/ledger?from=" + monday);
        String screen = mvc.perform(get("/overview").param("layout", "screen").with(user(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(screen).contains("overview-screen").contains("hx-trigger=\"every 60s\"");

        mvc.perform(get("/api/v1/overview").param("day", monday.toString()).with(user(leader)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.day").value(monday.toString()))
                .andExpect(jsonPath("$.tiles[?(@.key == 'figure.screening.refused')].value").value(1))
                .andExpect(jsonPath("$.tiles[0].trend.length()").value(Overview.TREND_DAYS));
        // a day after today is refused beside the field, on the page and in the API
        mvc.perform(get("/api/v1/overview").param("day", monday.plusDays(1).toString()).with(user(leader)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.day").exists());
        String refused = mvc.perform(get("/overview").param("day", monday.plusDays(1).toString()).with(user(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("is-invalid");
    }
}
