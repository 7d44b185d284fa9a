package org.hallsafe.screening;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.platform.PaperLedgers;
import org.hallsafe.screening.Gate.Decision;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** R-SCR-3: the ledger pages stably, filters, exports like the paper ledger with masked values, and prints. */
@HallSafeTest
class LedgerTest {

    private static final int READINGS = 120;

    @Autowired GateDesk desk;
    @Autowired Ledger ledger;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired org.hallsafe.organization.Directory directory;

    private TestHall.Hall hall;
    private final List<String> phones = new ArrayList<>();
    private final List<String> documents = new ArrayList<>();

    @BeforeEach
    void fillALedger() {
        hall = halls.create();
        halls.signIn(hall.admin());
        Random random = new Random(7);
        LocalDateTime start = LocalDateTime.now(clock).minusDays(2).withHour(8);
        for (int i = 0; i < READINGS; i++) {
            String first17 = "430902" + (1960 + random.nextInt(40)) + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))
                    + String.format("%03d", random.nextInt(1000));
            String phone = "15" + (random.nextInt(10)) + String.format("%08d", random.nextInt(100_000_000));
            phones.add(phone);
            documents.add(first17 + IdNumber.checkCharacter(first17));
            boolean refused = i % 10 == 0;
            // several readings share a minute: paging must neither skip nor repeat them
            LocalDateTime at = start.plusMinutes(i / 3);
            desk.record(hall.siteId(), new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, "市民" + i,
                    DocumentType.ID_CARD, first17 + IdNumber.checkCharacter(first17), phone,
                    refused ? Mask.NONE : Mask.DISPOSABLE_MEDICAL, new BigDecimal("36." + i % 10), List.of(), true, "",
                    null, at, "纸质台账补录", null));
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Ledger.Filter all(String before) {
        return new Ledger.Filter(LocalDate.now(clock).minusDays(7), LocalDate.now(clock), null, null, null, before, null);
    }

    @Test
    void pagesThroughEveryRecordOnceNewestFirst() {
        List<Ledger.Line> seen = new ArrayList<>();
        String cursor = null;
        do {
            List<Ledger.Line> page = ledger.page(hall.siteId(), all(cursor));
            List<Ledger.Line> shown = page.subList(0, Math.min(page.size(), Ledger.PAGE));
            seen.addAll(shown);
            cursor = page.size() > Ledger.PAGE ? shown.get(shown.size() - 1).cursor() : null;
        } while (cursor != null);

        assertThat(seen).hasSize(READINGS);
        Set<Long> ids = new HashSet<>();
        seen.forEach(l -> ids.add(l.id()));
        assertThat(ids).hasSize(READINGS);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).screenedAt()).isBeforeOrEqualTo(seen.get(i - 1).screenedAt());
        }
        assertThat(seen).allMatch(Ledger.Line::backfilled);
    }

    @Test
    void filtersByDecisionPersonTypeDateAndScreener() {
        Ledger.Filter week = all(null);
        assertThat(ledger.page(hall.siteId(), new Ledger.Filter(week.from(), week.to(), null, Decision.REFUSED, null, null, null)))
                .hasSize(READINGS / 10).allMatch(l -> l.decision() == Decision.REFUSED && l.reasons().contains("NO_MASK"));
        assertThat(ledger.page(hall.siteId(), new Ledger.Filter(week.from(), week.to(), PersonType.STAFF, null, null, null, null))).isEmpty();
        assertThat(ledger.page(hall.siteId(), new Ledger.Filter(week.from(), week.to(), null, null, "nobody", null, null))).isEmpty();
        assertThat(ledger.page(hall.siteId(), new Ledger.Filter(week.from(), week.to(), null, null, hall.admin(), null, null)))
                .hasSize(Ledger.PAGE + 1);
        LocalDate dayBeforeYesterday = LocalDate.now(clock).minusDays(2);
        assertThat(ledger.page(hall.siteId(), new Ledger.Filter(LocalDate.now(clock).minusDays(1), LocalDate.now(clock),
                null, null, null, null, null))).allMatch(l -> l.screenedAt().atZone(clock.getZone()).toLocalDate().isAfter(dayBeforeYesterday));
    }

    @Test
    void rScr3_exportsAnXlsxLikeThePaperLedgerWithMaskedNumbersAndLogsIt() throws Exception {
        UserDetails admin = halls.signIn(hall.admin());
        byte[] xlsx = mvc.perform(get("/screening/ledger/export.xlsx").with(user(admin))
                        .param("from", LocalDate.now(clock).minusDays(7).toString()).param("to", LocalDate.now(clock).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            // the signed paper ledger of platform's LedgerWorkbook (issue 13): title, hall and period, headings in row 4,
            // the lines, a blank row and the signature lines
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("入口检测台账");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("测试大厅");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("日期");
            assertThat(sheet.getRow(3).getCell(6).getStringCellValue()).isEqualTo("体温(°C)");
            assertThat(sheet.getLastRowNum() - 5).isEqualTo(READINGS);
            StringBuilder all = new StringBuilder();
            for (Row row : sheet) {
                row.forEach(cell -> all.append(cell.toString()).append('|'));
            }
            for (String phone : phones) {
                assertThat(all).doesNotContain(phone);
            }
            Row newest = sheet.getRow(4);
            assertThat(newest.getCell(4).getStringCellValue()).matches("430902\\*{8}[0-9X]{4}");
            assertThat(newest.getCell(5).getStringCellValue()).matches("15\\d\\*{4}\\d{4}");
            assertThat(newest.getCell(12).getStringCellValue()).startsWith("补录");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_log WHERE action = 'LEDGER_EXPORTED' AND actor = :actor")
                .param("actor", admin.getUsername()).query(Integer.class).single() == 1);
    }

    /** An XLSX sheet ends at 1,048,576 rows: a longer ledger goes on in further sheets, each with its headings. */
    @Test
    void aLedgerLongerThanASheetGoesOnInTheNextSheet() throws Exception {
        UserDetails admin = halls.signIn(hall.admin());
        int perSheet = READINGS / 2 - 1;
        ledger.rowsPerSheet(perSheet);
        byte[] xlsx;
        try {
            xlsx = mvc.perform(get("/screening/ledger/export.xlsx").with(user(admin))
                            .param("from", LocalDate.now(clock).minusDays(7).toString()).param("to", LocalDate.now(clock).toString()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        } finally {
            ledger.rowsPerSheet(1_000_000);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(1)).isEqualTo("入口检测台账 (2)");
            for (Sheet sheet : workbook) {
                assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("日期");
            }
            // full tabs end with their last line; the last tab with a blank row and the signature lines
            assertThat(workbook.getSheetAt(0).getLastRowNum() - 3).isEqualTo(perSheet);
            assertThat(workbook.getSheetAt(1).getLastRowNum() - 3).isEqualTo(perSheet);
            assertThat(workbook.getSheetAt(2).getLastRowNum() - 5).isEqualTo(READINGS - 2 * perSheet);
        }
    }

    @Test
    void rScr3_printsTheLedgerForA4WithTheHallDatesAndASignatureLine() throws Exception {
        UserDetails admin = halls.signIn(hall.admin());
        String html = mvc.perform(get("/screening/ledger/print").with(user(admin))
                        .param("from", LocalDate.now(clock).minusDays(7).toString()).param("to", LocalDate.now(clock).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("/css/ledger-print.css").contains("测试大厅")
                .contains("共 " + READINGS + " 条").contains("负责人签字").contains("市民0").doesNotContain(phones.get(0));
        // the print style sheet is a file of its own: the Content-Security-Policy allows no inline <style> (issue #12)
        assertThat(mvc.perform(get("/css/ledger-print.css")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("size: A4 landscape").contains("counter(page)");
    }

    @Test
    void showsOneLineInFullWithItsMaskedIdentity() throws Exception {
        UserDetails admin = halls.signIn(hall.admin());
        long id = ledger.page(hall.siteId(), all(null)).get(0).id();
        String html = mvc.perform(get("/screening/ledger/{id}", id).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("补录").contains("纸质台账补录").contains("430902********");
    }

    @Test
    void readsTemperaturesOnlyWithOneLoggedAccessPerPage() {
        int before = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND summary LIKE 'ledger page%'")
                .query(Integer.class).single();
        var page = ledger.page(hall.siteId(), all(null));
        assertThat(page.get(0).temperature()).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND summary LIKE 'ledger page%'")
                .query(Integer.class).single() == before + 1);
    }

    // ---- issue 20, item 4: ledgers like paper

    private String hallName() {
        return directory.site(hall.siteId()).name();
    }

    private byte[] export(UserDetails who, String person) throws Exception {
        var request = get("/screening/ledger/export.xlsx").with(user(who))
                .param("from", LocalDate.now(clock).minusDays(7).toString()).param("to", LocalDate.now(clock).toString());
        if (person != null) {
            request.param("person", person);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void r20_4_theScreeningLedgerExportReadsLikeASignedPaperLedgerWithTheScreenersRealName() throws Exception {
        UserDetails admin = halls.signIn(hall.admin());
        try (XSSFWorkbook book = PaperLedgers.read(export(admin, null))) {
            Sheet sheet = book.getSheetAt(0);
            PaperLedgers.assertLikePaper(sheet, hallName(), "入口检测台账", "测试ADMIN");
            assertThat(PaperLedgers.rows(sheet)).hasSize(READINGS);
            PaperLedgers.assertDates(sheet, 0); // the day
            PaperLedgers.assertDates(sheet, 1); // the time
            PaperLedgers.assertNumbers(sheet, 6); // the temperature
            assertThat(PaperLedgers.shown(sheet.getRow(4).getCell(1))).matches("\\d{2}:\\d{2}");
            // the masked ID number is not cut: 18 characters and a margin
            assertThat(sheet.getColumnWidth(4)).isGreaterThanOrEqualTo(18 * 256);
            // the screener by name, never by login
            assertThat(PaperLedgers.texts(sheet, 11)).hasSize(READINGS).containsOnly("测试ADMIN");
            assertThat(PaperLedgers.shown(sheet)).doesNotContain(hall.admin());
        }
    }

    @Test
    void r20_4_findsOnePersonByNameOrFullDocumentNumberOnThePageAndInTheExportAndAuditsEachSearch() throws Exception {
        UserDetails admin = halls.signIn(hall.admin());
        String byName = mvc.perform(get("/screening/ledger").with(user(admin)).param("person", "市民118"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byName).contains("市民118").doesNotContain("市民117").doesNotContain("市民119")
                .contains("value=\"市民118\"");
        String document = documents.get(117);
        String byDocument = mvc.perform(get("/screening/ledger").with(user(admin)).param("person", " " + document.toLowerCase() + " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byDocument).contains("市民117").doesNotContain("市民118").doesNotContain("市民116");
        // the export finds the same one line
        try (XSSFWorkbook book = PaperLedgers.read(export(admin, document))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(PaperLedgers.texts(sheet, 2)).containsExactly("市民117");
            PaperLedgers.assertLikePaper(sheet, hallName(), "入口检测台账", "测试ADMIN");
        }
        // a number that is no one's finds nothing
        String nobody = mvc.perform(get("/screening/ledger").with(user(admin)).param("person", "11010519491231002X"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(nobody).doesNotContain("市民1");
        // every search is in the audit log: who, by what, the number masked (never in full), how many it found
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> searches = jdbc.sql("""
                    SELECT summary FROM audit_log WHERE action = 'PERSONAL_DATA_LOOKUP' AND actor = :actor
                    AND target_type = 'screening' ORDER BY id""").param("actor", admin.getUsername()).query(String.class).list();
            assertThat(searches).hasSize(4);
            assertThat(searches.get(0)).isEqualTo("name 市民118: 1");
            assertThat(searches.get(1)).startsWith("document " + document.substring(0, 6)).endsWith(": 1").doesNotContain(document);
            assertThat(searches.get(2)).startsWith("document ").endsWith(": 1");
            assertThat(searches.get(3)).endsWith(": 0");
        });
    }

    @Test
    void r20_4_thePrintedScreeningLedgerNamesTheScreenerAndWhoPrintedItAndHasTheSignatureLine() throws Exception {
        UserDetails admin = halls.signIn(hall.admin());
        String html = mvc.perform(get("/screening/ledger/print").with(user(admin)).param("person", "市民118"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("/css/ledger-print.css").contains("导出人：测试ADMIN").contains("<td>测试ADMIN</td>")
                .doesNotContain(">" + hall.admin() + "<").contains("负责人签字").contains("共 1 条");
    }
}
