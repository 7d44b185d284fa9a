package org.hallsafe.canteen;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.canteen.CanteenForms.Category;
import org.hallsafe.canteen.CanteenForms.CertificateForm;
import org.hallsafe.canteen.CanteenForms.CertificateKind;
import org.hallsafe.canteen.CanteenForms.PurchaseForm;
import org.hallsafe.canteen.CanteenForms.Result;
import org.hallsafe.canteen.CanteenForms.SupplierForm;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Role;
import org.hallsafe.screening.Gate;
import org.hallsafe.screening.GateDesk;
import org.hallsafe.screening.GateForm;
import org.hallsafe.staffhealth.CheckForm;
import org.hallsafe.staffhealth.StaffHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 16: a delivery dated days back is a back-fill (item 6, R-REQ-3), and the canteen door asks staff health
 * (item 7, R-CAN-4): the issue saw it let in a staff member flagged 37.8 °C minutes earlier.
 */
@HallSafeTest
class Issue16CanteenTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired Canteen canteen;
    @Autowired StaffHealth health;
    @Autowired GateDesk gate;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private TestHall.Hall hall;
    private LocalDate monday;
    private long supplier;
    private long person;
    private String card;

    @BeforeEach
    void setUp() {
        monday = LocalDate.now(clock).plusWeeks(6).with(DayOfWeek.MONDAY);
        clock.set(monday.atTime(8, 0).atZone(ZONE).toInstant());
        hall = halls.create();
        halls.signIn(hall.admin());
        supplier = canteen.saveSupplier(hall.siteId(), new SupplierForm("益阳市绿源农产品配送有限公司", "王经理"));
        canteen.addCertificate(hall.siteId(), supplier, new CertificateForm(CertificateKind.BUSINESS_LICENCE,
                "91430900MA4L000001", monday.plusYears(2)));
        canteen.addCertificate(hall.siteId(), supplier, new CertificateForm(CertificateKind.FOOD_LICENCE,
                "JY14309000000001", monday.plusYears(1)));
        person = hall.staffIds().get(4);
        card = jdbc.sql("SELECT card_no FROM staff WHERE id = :id").param("id", person).query(String.class).single();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private PurchaseForm delivery(LocalDate day, String reason) {
        return new PurchaseForm(UUID.randomUUID(), supplier, day, "", true, "李验收", List.of("白菜"),
                List.of(Category.VEGETABLE), List.of(new BigDecimal("10")), List.of("公斤"), List.of(""),
                java.util.Arrays.asList((LocalDate) null), List.of(""), List.of(""), List.of(Result.ACCEPTED), List.of(""),
                reason);
    }

    @Test
    void r16_6_rReq3_aDeliveryDatedDaysBackNeedsAReasonAndThePermissionAndIsMarkedInTheLedger() throws Exception {
        clock.set(monday.plusDays(3).atTime(10, 0).atZone(ZONE).toInstant());
        halls.signIn(accounts.create(Role.CANTEEN, hall.siteId()));
        assertThatThrownBy(() -> canteen.recordPurchase(hall.siteId(), delivery(monday, "")))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsEntry("backfillReason", "record.backfill.reason"));
        assertThatThrownBy(() -> canteen.recordPurchase(hall.siteId(), delivery(monday, "送货单后补")))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsEntry("deliveredOn", "record.backfill.permission"));
        canteen.recordPurchase(hall.siteId(), delivery(monday.plusDays(3), null));

        halls.signIn(hall.admin());
        canteen.recordPurchase(hall.siteId(), delivery(monday, "送货单后补"));
        List<Canteen.Purchase> ledger = canteen.purchases(hall.siteId(), monday, monday.plusDays(3));
        assertThat(ledger).extracting(Canteen.Purchase::deliveredOn, Canteen.Purchase::backfilled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(monday.plusDays(3), false),
                        org.assertj.core.groups.Tuple.tuple(monday, true));
        UserDetails leader = halls.signIn(hall.leader());
        String page = mvc.perform(get("/canteen/purchases").param("from", monday.toString())
                .param("to", monday.plusDays(3).toString()).with(user(leader))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("补录：送货单后补");
    }

    @Test
    void rCan4_r16_7_aStaffMemberWithAnAbnormalReadingTodayIsRefusedAtTheCanteenDoorUntilCleared() {
        clock.set(monday.atTime(11, 20).atZone(ZONE).toInstant());
        halls.signIn(hall.officeDirector());
        health.recordCheck(hall.siteId(), person, new CheckForm(UUID.randomUUID(), new BigDecimal("37.8"), List.of(),
                true, ""), true);
        clock.set(monday.atTime(11, 45).atZone(ZONE).toInstant());
        Canteen.Entry refused = canteen.enter(hall.siteId(), card, true);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.name()).isEqualTo("周明");
        assertThat(refused.reasonKey()).isEqualTo("canteen.door.abnormal");
        assertThat(jdbc.sql("SELECT refusal FROM canteen_entries WHERE site_id = :site AND staff_id = :staff AND NOT allowed")
                .param("site", hall.siteId()).param("staff", person).query(String.class).list())
                .as("the refusal is recorded with its reason").containsExactly("canteen.door.abnormal");

        clock.set(monday.atTime(12, 0).atZone(ZONE).toInstant());
        health.recordCheck(hall.siteId(), person, new CheckForm(UUID.randomUUID(), new BigDecimal("36.6"), List.of(),
                true, ""), true);
        clock.set(monday.atTime(12, 5).atZone(ZONE).toInstant());
        assertThat(canteen.enter(hall.siteId(), card, true).allowed()).as("re-measured normal since").isTrue();

        clock.set(monday.plusDays(1).atTime(11, 45).atZone(ZONE).toInstant());
        assertThat(canteen.enter(hall.siteId(), "周明", true).allowed()).as("a new day").isTrue();
    }

    @Test
    void rCan4_r16_7_aStaffMemberRefusedAtTheGateTodayIsRefusedAtTheCanteenDoor() {
        clock.set(monday.atTime(8, 20).atZone(ZONE).toInstant());
        halls.signIn(hall.screener());
        gate.record(hall.siteId(), new GateForm(UUID.randomUUID(), Gate.PersonType.STAFF, person, "", null, "", "",
                Gate.Mask.NONE, new BigDecimal("36.4"), List.of(), true, "", null, null, "", null));
        clock.set(monday.atTime(11, 45).atZone(ZONE).toInstant());
        halls.signIn(hall.admin());
        await().atMost(Duration.ofSeconds(10)).until(() -> health.notCleared(hall.siteId(), person).isPresent());
        Canteen.Entry refused = canteen.enter(hall.siteId(), card, true);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.reasonKey()).isEqualTo("canteen.door.gateRefused");
        assertThat(canteen.enter(hall.siteId(), "王海燕", true).allowed())
                .as("a colleague screened nowhere today is let in").isTrue();
    }
}
