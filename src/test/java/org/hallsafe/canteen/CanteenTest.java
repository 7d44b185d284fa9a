package org.hallsafe.canteen;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** R-CAN-1..6: what may be bought from whom, the ledger, tableware after each meal, and staff only at the door. */
@HallSafeTest
class CanteenTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired Canteen canteen;
    @Autowired MealRecords meals;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private TestHall.Hall hall;
    private LocalDate monday;
    private long supplier;

    @BeforeEach
    void setUp() {
        monday = LocalDate.now(clock).plusWeeks(4).with(DayOfWeek.MONDAY);
        at("09:00");
        hall = halls.create();
        halls.signIn(hall.admin());
        supplier = canteen.saveSupplier(hall.siteId(), new SupplierForm("益阳市绿源农产品配送有限公司", "王经理 13807370001"));
        canteen.addCertificate(hall.siteId(), supplier, new CertificateForm(CertificateKind.BUSINESS_LICENCE, "91430900MA4L000001", monday.plusYears(2)));
        canteen.addCertificate(hall.siteId(), supplier, new CertificateForm(CertificateKind.FOOD_LICENCE, "JY14309000000001", monday.plusYears(1)));
        canteen.addCertificate(hall.siteId(), supplier, new CertificateForm(CertificateKind.QUARANTINE, "4300000001", monday.plusDays(10)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void at(String time) {
        clock.set(monday.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant());
    }

    /** A delivery of the given rows: name, category, quarantine number, result, reason. */
    private PurchaseForm delivery(String[]... rows) {
        List<String> names = new ArrayList<>(), units = new ArrayList<>(), blanks = new ArrayList<>(), quarantine = new ArrayList<>(), reasons = new ArrayList<>();
        List<Category> categories = new ArrayList<>();
        List<BigDecimal> quantities = new ArrayList<>();
        List<LocalDate> produced = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (String[] r : rows) {
            names.add(r[0]);
            categories.add(r[1].isEmpty() ? null : Category.valueOf(r[1]));
            quantities.add(new BigDecimal("10"));
            units.add("公斤");
            blanks.add("");
            produced.add(null);
            quarantine.add(r[2]);
            results.add(Result.valueOf(r[3]));
            reasons.add(r[4]);
        }
        // delivered today: a delivery dated days back is a back-fill (issue 16, item 6), tested in Issue16RecordsTest
        return new PurchaseForm(UUID.randomUUID(), supplier, LocalDate.now(clock), "FP-001", true, "李验收", names, categories, quantities,
                units, blanks, produced, blanks, quarantine, results, reasons);
    }

    private int stored() {
        return jdbc.sql("SELECT count(*) FROM purchases WHERE site_id = :site").param("site", hall.siteId()).query(Integer.class).single();
    }

    @Test
    void rCan1_refusesWildAnimalsAndLivePoultryAtEntry() {
        assertThatThrownBy(() -> canteen.recordPurchase(hall.siteId(), delivery(new String[] {"野兔肉", "MEAT", "", "ACCEPTED", ""})))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsEntry("itemName[0]", "canteen.item.wild"));
        assertThatThrownBy(() -> canteen.recordPurchase(hall.siteId(), delivery(new String[] {"青菜", "VEGETABLE", "", "ACCEPTED", ""},
                new String[] {"穿山甲", "OTHER", "", "REJECTED", "拒收"})))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsEntry("itemName[1]", "canteen.item.wild"));
        assertThatThrownBy(() -> canteen.recordPurchase(hall.siteId(), delivery(new String[] {"活鸡", "POULTRY", "Q1", "ACCEPTED", ""})))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsEntry("itemName[0]", "canteen.item.livePoultry"));
        assertThat(stored()).isZero();
    }

    @Test
    void rCan1_refusesChickenDuckOrGooseWithoutAQuarantineCertificate() {
        assertThatThrownBy(() -> canteen.recordPurchase(hall.siteId(), delivery(new String[] {"冷鲜鸭", "POULTRY", "", "ACCEPTED", ""})))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsEntry("itemQuarantineNo[0]", "canteen.item.quarantine"));
        assertThatThrownBy(() -> canteen.recordPurchase(hall.siteId(), delivery(new String[] {"鸡腿", "MEAT", "Q2", "ACCEPTED", ""})))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsEntry("itemCategory[0]", "canteen.item.isPoultry"));
        long id = canteen.recordPurchase(hall.siteId(), delivery(new String[] {"冷鲜鸡", "POULTRY", "4300123", "ACCEPTED", ""},
                new String[] {"鸡蛋", "DAIRY_EGG", "", "ACCEPTED", ""}));
        assertThat(canteen.purchases(hall.siteId(), monday, monday).get(0).items()).hasSize(2);
        assertThat(id).isPositive();
    }

    @Test
    void rCan2_blocksASupplierWhoseCertificateExpiredForTheCategoriesItCoversAndWarnsThirtyDaysAhead() {
        assertThat(canteen.supplier(hall.siteId(), supplier).certificates())
                .filteredOn(c -> c.kind() == CertificateKind.QUARANTINE).extracting(Canteen.Certificate::state)
                .containsExactly(Canteen.CertificateState.EXPIRING);
        clock.set(monday.plusDays(11).atTime(9, 0).atZone(ZONE).toInstant());
        assertThatThrownBy(() -> canteen.recordPurchase(hall.siteId(), delivery(new String[] {"猪肉", "MEAT", "", "ACCEPTED", ""})))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsEntry("itemName[0]", "canteen.blocked.QUARANTINE.expired"));
        canteen.recordPurchase(hall.siteId(), delivery(new String[] {"白菜", "VEGETABLE", "", "ACCEPTED", ""},
                new String[] {"猪肉", "MEAT", "", "REJECTED", "检疫证明过期，拒收"}));
        long unlicensed = canteen.saveSupplier(hall.siteId(), new SupplierForm("无证菜贩", ""));
        PurchaseForm f = delivery(new String[] {"白菜", "VEGETABLE", "", "ACCEPTED", ""});
        PurchaseForm fromUnlicensed = new PurchaseForm(UUID.randomUUID(), unlicensed, f.deliveredOn(), "", true, "李验收",
                f.itemName(), f.itemCategory(), f.itemQuantity(), f.itemUnit(), f.itemBatch(), f.itemProducedOn(),
                f.itemShelfLife(), f.itemQuarantineNo(), f.itemResult(), f.itemReason());
        assertThatThrownBy(() -> canteen.recordPurchase(hall.siteId(), fromUnlicensed))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsEntry("itemName[0]", "canteen.blocked.BUSINESS_LICENCE.missing"));
    }

    @Test
    void rCan3_asksForTablewareDisinfectionAfterEachMeal() {
        at("12:30");
        assertThat(state(CanteenForms.Meal.LUNCH)).isEqualTo("UPCOMING");
        at("13:10");
        assertThat(state(CanteenForms.Meal.LUNCH)).isEqualTo("DUE");
        assertThat(state(CanteenForms.Meal.BREAKFAST)).isEqualTo("OVERDUE");
        at("14:05");
        assertThat(state(CanteenForms.Meal.LUNCH)).isEqualTo("OVERDUE");
        meals.disinfectTableware(hall.siteId(), new CanteenForms.TablewareForm(CanteenForms.Meal.LUNCH,
                CanteenForms.TablewareMethod.CABINET, null, 30, 120, "赵厨师"));
        assertThat(state(CanteenForms.Meal.LUNCH)).isEqualTo("DONE");
        assertThatThrownBy(() -> meals.disinfectTableware(hall.siteId(), new CanteenForms.TablewareForm(CanteenForms.Meal.DINNER,
                CanteenForms.TablewareMethod.CHEMICAL, null, 10, null, "赵厨师"))).hasMessageContaining("hygiene.concentration.required");
    }

    private String state(CanteenForms.Meal meal) {
        return meals.meals(hall.siteId(), monday).stream().filter(m -> m.meal() == meal).findFirst().orElseThrow().state();
    }

    @Test
    void rCan4_rCan5_letsStaffInAfterWashingAndRefusesAndRecordsAnyoneElse() {
        at("11:45");
        assertThat(canteen.enter(hall.siteId(), "T" + "x", true).allowed()).isFalse();
        Canteen.Entry stranger = canteen.enter(hall.siteId(), "张三", true);
        assertThat(stranger.allowed()).isFalse();
        assertThat(stranger.reasonKey()).isEqualTo("canteen.door.notStaff");
        String card = jdbc.sql("SELECT card_no FROM staff WHERE id = :id").param("id", hall.staffIds().get(4)).query(String.class).single();
        assertThat(canteen.enter(hall.siteId(), card, true).allowed()).isTrue();
        assertThat(canteen.enter(hall.siteId(), "周明", true).allowed()).as("by full name").isTrue();
        assertThatThrownBy(() -> canteen.enter(hall.siteId(), card, false)).hasMessageContaining("canteen.door.wash");
        var lunch = meals.meals(hall.siteId(), monday).stream().filter(m -> m.meal() == CanteenForms.Meal.LUNCH).findFirst().orElseThrow();
        assertThat(lunch.admitted()).isEqualTo(2);
        assertThat(lunch.refused()).isEqualTo(2);
    }

    @Test
    void keepsEveryRowTypedAndSaysWhatIsWrongBesideItWhenADeliveryIsRefused() throws Exception {
        UserDetails manager = halls.signIn(accounts.create(Role.CANTEEN, hall.siteId()));
        String html = mvc.perform(post("/canteen/purchases").with(user(manager)).with(csrf())
                        .param("submissionId", UUID.randomUUID().toString()).param("supplierId", String.valueOf(supplier))
                        .param("deliveredOn", monday.toString()).param("inspector", "李验收").param("certificatesChecked", "true")
                        .param("itemName", "土豆", "冷鲜鹅").param("itemCategory", "VEGETABLE", "POULTRY")
                        .param("itemQuantity", "20", "5").param("itemUnit", "公斤", "只").param("itemBatch", "", "")
                        .param("itemProducedOn", "", "").param("itemShelfLife", "", "").param("itemQuarantineNo", "", "")
                        .param("itemResult", "ACCEPTED", "REJECTED").param("itemReason", "", ""))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("鸡、鸭、鹅须有动物检疫合格证明，请填写证号").contains("拒收时请写明原因")
                .contains("value=\"土豆\"").contains("value=\"冷鲜鹅\"").contains("value=\"李验收\"");
        assertThat(stored()).isZero();
    }

    @Test
    void rCan2_rCan3_rCan6_r20_4_exportsThePurchaseLedgerLikeThePaperOne() throws Exception {
        canteen.recordPurchase(hall.siteId(), delivery(new String[] {"冷鲜鸡", "POULTRY", "4300123", "ACCEPTED", ""},
                new String[] {"鱼", "AQUATIC", "", "REJECTED", "不新鲜"}));
        meals.disinfectTableware(hall.siteId(), new CanteenForms.TablewareForm(CanteenForms.Meal.BREAKFAST,
                CanteenForms.TablewareMethod.STEAM, null, 20, 100, "赵厨师"));
        meals.foodWaste(hall.siteId(), new CanteenForms.WasteForm(new BigDecimal("12.5"), "益阳市餐厨垃圾处理站 刘师傅"));
        UserDetails leader = halls.signIn(hall.leader());
        byte[] xlsx = mvc.perform(get("/canteen/purchases/export.xlsx").with(user(leader))
                .param("from", monday.toString()).param("to", monday.toString())).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder all = new StringBuilder();
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> all.append(cell).append('|')));
            assertThat(all).contains("进货查验台账").contains("冷鲜鸡|禽肉（鸡鸭鹅）|10.0|公斤").contains("|数量|").contains("|拒收原因|").contains("4300123")
                    .contains("鱼|水产").contains("拒收|不新鲜|李验收");
            StringBuilder tableware = new StringBuilder();
            workbook.getSheetAt(1).forEach(row -> row.forEach(cell -> tableware.append(cell).append('|')));
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("厨具餐具消毒");
            assertThat(tableware).contains("早餐|蒸汽|20.0|100.0|赵厨师");
            StringBuilder waste = new StringBuilder();
            workbook.getSheetAt(2).forEach(row -> row.forEach(cell -> waste.append(cell).append('|')));
            assertThat(waste).contains("12.5|益阳市餐厨垃圾处理站 刘师傅");
            assertThat(waste).as("r13_6: the paper ledger's signature line").contains("负责人签字");
            // r20_4: the three ledgers like paper; days and times are date cells, quantities and weights numbers
            org.hallsafe.platform.PaperLedgers.assertEverySheetLikePaper(workbook, "测试大厅", "测试LEADER");
            org.hallsafe.platform.PaperLedgers.assertDates(workbook.getSheetAt(0), 0);
            org.hallsafe.platform.PaperLedgers.assertNumbers(workbook.getSheetAt(0), 4);
            org.hallsafe.platform.PaperLedgers.assertDates(workbook.getSheetAt(1), 0);
            org.hallsafe.platform.PaperLedgers.assertDates(workbook.getSheetAt(2), 0);
            org.hallsafe.platform.PaperLedgers.assertNumbers(workbook.getSheetAt(2), 1);
        }
    }
}
