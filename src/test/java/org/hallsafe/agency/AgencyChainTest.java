package org.hallsafe.agency;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.agency.AgencyCases.Station;
import org.hallsafe.agency.Custody.HandoverForm;
import org.hallsafe.agency.Custody.What;
import org.hallsafe.agency.TrackingNumbers.Carrier;
import org.hallsafe.appointments.AppointmentForms.ItemForm;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.MeasureStatusProvider.MeasureStatus;
import org.hallsafe.organization.Measures;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue #14 items 4, 5 and 7: the custody chain, the result's post, the ledger and R-SVC-4 in the matrix. */
@HallSafeTest
class AgencyChainTest {

    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired UserDetailsService users;
    @Autowired Directory directory;
    @Autowired Catalogue catalogue;
    @Autowired AgencyCases cases;
    @Autowired Custody custody;
    @Autowired PostOut post;
    @Autowired AgencyLedger ledger;
    @Autowired AgencyMeasure measure;
    @Autowired Measures measures;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;

    private TestHall.Hall hall;
    private long item;
    /** The mail room, the window, the section, the approver, the result desk: five people of the hall. */
    private String mailRoom, window, section, approver, resultDesk;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        halls.signIn(hall.admin());
        long w = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(1, "综合受理", "一楼", hall.sectionId()));
        item = catalogue.saveItem(hall.siteId(), null, new ItemForm("食品经营许可（新办）", 30, "申请书\n营业执照复印件",
                "", true, List.of(w)));
        mailRoom = accounts.create(Role.STAFF, hall.siteId());
        window = accounts.create(Role.STAFF, hall.siteId());
        section = accounts.create(Role.SECTION_HEAD, hall.siteId());
        approver = accounts.create(Role.OFFICE, hall.siteId());
        resultDesk = accounts.create(Role.STAFF, hall.siteId());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long openCase() {
        return cases.open(hall.siteId(), new AgencyCases.Opening(UUID.randomUUID(), item, AgencyCases.Channel.WINDOW,
                "张三", "益阳市某某餐饮有限公司", "13807370001", "湖南省益阳市赫山区龙岭路1号", "申请书、营业执照复印件", null)).id();
    }

    private long hand(long caseId, Station from, Station to, String by, String toAccount) {
        return custody.handOver(hall.siteId(), caseId, new HandoverForm(from, to, null, 12, toAccount), by);
    }

    private int handovers(long caseId) {
        return jdbc.sql("SELECT count(*) FROM agency_handovers WHERE site_id = :s AND case_id = :c")
                .param("s", hall.siteId()).param("c", caseId).query(Integer.class).single();
    }

    /** The whole chain, each step confirmed by its receiver: the file ends at the mail room for posting. */
    private void fullChain(long caseId) {
        custody.confirm(hall.siteId(), hand(caseId, Station.MAIL_ROOM, Station.WINDOW, mailRoom, window), window);
        custody.confirm(hall.siteId(), hand(caseId, Station.WINDOW, Station.SECTION, window, section), section);
        custody.confirm(hall.siteId(), hand(caseId, Station.SECTION, Station.APPROVAL, section, approver), approver);
        custody.confirm(hall.siteId(), hand(caseId, Station.APPROVAL, Station.RESULT, approver, resultDesk), resultDesk);
        custody.confirm(hall.siteId(), hand(caseId, Station.RESULT, Station.MAIL_OUT, resultDesk, mailRoom), mailRoom);
    }

    /** The result is ready (AG2's finishing is not under test here): the case as it stands when done. */
    private void done(long caseId, LocalDate acceptedOn, LocalDate dueOn, boolean onTime) {
        jdbc.sql("""
                UPDATE agency_cases SET state = 'DONE', accepted_at = :acc, due_on = :due, done_at = :now, on_time = :ot,
                       department_id = :dept WHERE site_id = :s AND id = :c""")
                .param("acc", java.sql.Timestamp.from(acceptedOn.atTime(10, 0).atZone(clock.getZone()).toInstant()))
                .param("due", dueOn).param("now", java.sql.Timestamp.from(clock.instant())).param("ot", onTime)
                .param("dept", hall.sectionId()).param("s", hall.siteId()).param("c", caseId).update();
    }

    // ---- item 4: the custody chain

    @Test
    void r14_4_aSkippedStepIsRefusedAndNothingIsStored() {
        long c = openCase();
        assertThatThrownBy(() -> hand(c, Station.MAIL_ROOM, Station.SECTION, mailRoom, section))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsEntry("to", "agency.chain.skipped"));
        assertThat(handovers(c)).isZero();
        custody.confirm(hall.siteId(), hand(c, Station.MAIL_ROOM, Station.WINDOW, mailRoom, window), window);
        assertThatThrownBy(() -> hand(c, Station.WINDOW, Station.RESULT, window, resultDesk))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsEntry("to", "agency.chain.skipped"));
        assertThat(handovers(c)).isEqualTo(1);
    }

    @Test
    void r14_4_aDoubledStepIsRefused() {
        long c = openCase();
        long first = hand(c, Station.MAIL_ROOM, Station.WINDOW, mailRoom, window);
        assertThatThrownBy(() -> hand(c, Station.MAIL_ROOM, Station.WINDOW, mailRoom, window))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsEntry("to", "agency.chain.doubled"));
        custody.confirm(hall.siteId(), first, window);
        assertThatThrownBy(() -> hand(c, Station.MAIL_ROOM, Station.WINDOW, mailRoom, window))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> custody.confirm(hall.siteId(), first, window))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("agency.chain.doubled"));
        assertThat(handovers(c)).isEqualTo(1);
        assertThat(custody.chain(hall.siteId(), c)).extracting(Custody.Handover::seq).containsExactly(1);
    }

    @Test
    void r14_4_manyConfirmingAtOnceExactlyOneWins() throws Exception {
        long c = openCase();
        long step = hand(c, Station.MAIL_ROOM, Station.WINDOW, mailRoom, window);
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<Boolean> confirm = () -> {
                start.await();
                try {
                    custody.confirm(hall.siteId(), step, window);
                    return true;
                } catch (InvalidInputException e) {
                    return false;
                }
            };
            results.add(pool.submit(confirm));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> f : results) {
            won += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM agency_case_log WHERE site_id = :s AND case_id = :c AND action = 'CONFIRMED'")
                .param("s", hall.siteId()).param("c", c).query(Integer.class).single()).isEqualTo(1);
        assertThat(custody.handover(hall.siteId(), step).confirmedBy()).isEqualTo(window);
    }

    @Test
    void r14_4_theConfirmerMustDifferFromTheOneWhoHandedOverAndBeTheNamedReceiver() {
        long c = openCase();
        assertThatThrownBy(() -> hand(c, Station.MAIL_ROOM, Station.WINDOW, mailRoom, mailRoom))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsEntry("toAccount", "agency.chain.samePerson"));
        long step = hand(c, Station.MAIL_ROOM, Station.WINDOW, mailRoom, window);
        assertThatThrownBy(() -> custody.confirm(hall.siteId(), step, mailRoom))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("agency.chain.samePerson"));
        assertThatThrownBy(() -> custody.confirm(hall.siteId(), step, section))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("agency.chain.notYours"));
        // the table refuses it too, whoever writes it
        assertThatThrownBy(() -> jdbc.sql("UPDATE agency_handovers SET confirmed_by = handed_by WHERE id = :id")
                .param("id", step).update()).isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(custody.handover(hall.siteId(), step).confirmed()).isFalse();
    }

    @Test
    void r14_4_theCaseShowsWhereItsFileIsAndWhoHoldsIt() throws Exception {
        long c = openCase();
        long other = openCase();
        assertThat(custody.holders(hall.siteId(), List.of(c)).get(c).station()).isEqualTo(Station.MAIL_ROOM);
        long step = hand(c, Station.MAIL_ROOM, Station.WINDOW, mailRoom, window);
        Custody.Holder moving = custody.holders(hall.siteId(), List.of(c, other)).get(c);
        assertThat(moving.pendingTo()).isEqualTo(Station.WINDOW);
        custody.confirm(hall.siteId(), step, window);
        var holders = custody.holders(hall.siteId(), List.of(c, other));
        assertThat(holders.get(c).station()).isEqualTo(Station.WINDOW);
        assertThat(holders.get(c).holder()).isEqualTo("测试STAFF");
        assertThat(holders.get(other).station()).isEqualTo(Station.MAIL_ROOM);

        UserDetails w = users.loadUserByUsername(window);
        mvc.perform(get("/agency/cases/" + c).with(user(w))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"chain-holder\"")));
    }

    @Test
    void r14_4_theTransferSheetsQrCodeLeadsTheReceiverToConfirm() throws Exception {
        long c = openCase();
        long step = hand(c, Station.MAIL_ROOM, Station.WINDOW, mailRoom, window);
        UserDetails m = users.loadUserByUsername(mailRoom);
        UserDetails w = users.loadUserByUsername(window);
        String sheet = mvc.perform(get("/agency/handovers/" + step + "/sheet").with(user(m)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sheet).contains("<svg");
        String token = custody.sheetToken(hall.siteId(), step); // a reprint: a new token, the old one is void
        mvc.perform(get("/agency/handovers/confirm").param("t", token).with(user(w))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"confirm\"")));
        mvc.perform(post("/agency/handovers/confirm").param("t", token).with(user(m)).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/agency/handovers/confirm").param("t", token).with(user(w)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(custody.handover(hall.siteId(), step).confirmedBy()).isEqualTo(window);
        mvc.perform(post("/agency/handovers/confirm").param("t", token).with(user(w)).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(get("/agency/handovers/confirm").param("t", "not-a-token").with(user(w)))
                .andExpect(status().isNotFound());
    }

    @Test
    void r14_4_aRefusedHandoverOnThePageComesBackBesideTheFieldAsA4xx() throws Exception {
        long c = openCase();
        UserDetails m = users.loadUserByUsername(mailRoom);
        mvc.perform(post("/agency/cases/" + c + "/handovers").with(user(m)).with(csrf())
                        .param("from", "MAIL_ROOM").param("to", "SECTION").param("what", "MATERIALS")
                        .param("sheets", "abc").param("toAccount", section))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"handover-form\"")));
        mvc.perform(post("/api/v1/agency/cases/" + c + "/handovers").with(user(m)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"MAIL_ROOM\",\"to\":\"SECTION\",\"sheets\":3,\"toAccount\":\"" + section + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.to").exists());
        assertThat(handovers(c)).isZero();
    }

    // ---- item 5: sending the result

    @Test
    void r14_5_theMailRoomPostsTheResultWithACheckedNumberAndTheCitizenIsTexted() throws Exception {
        long c = openCase();
        fullChain(c);
        done(c, LocalDate.now(clock).minusDays(3), LocalDate.now(clock).plusDays(2), true);
        String code = cases.find(hall.siteId(), c).orElseThrow().code();
        UserDetails m = users.loadUserByUsername(mailRoom);

        mvc.perform(post("/agency/mail/out").with(user(m)).with(csrf()).param("code", code).param("carrier", "EMS")
                        .param("trackingNo", "EA473124820CN").param("sheets", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("单号校验位不对")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("EA473124820CN")));
        assertThat(cases.find(hall.siteId(), c).orElseThrow().state()).isEqualTo(AgencyCases.State.DONE);

        mvc.perform(post("/agency/mail/out/" + c + "/address").with(user(m)).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("湖南省益阳市赫山区龙岭路1号")));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND actor = :actor"
                        + " AND target_type = 'agency_case' AND target_id = :id AND summary LIKE 'address%'")
                .param("actor", mailRoom).param("id", String.valueOf(c)).query(Integer.class).single() == 1);

        mvc.perform(post("/agency/mail/out").with(user(m)).with(csrf()).param("code", code.toLowerCase())
                        .param("carrier", "EMS").param("trackingNo", "EA473124829CN").param("sheets", "3"))
                .andExpect(status().is3xxRedirection());
        assertThat(cases.find(hall.siteId(), c).orElseThrow().state()).isEqualTo(AgencyCases.State.SENT);
        assertThat(post.ofCase(hall.siteId(), c)).singleElement().satisfies(s -> {
            assertThat(s.trackingNo()).isEqualTo("EA473124829CN");
            assertThat(s.carrier()).isEqualTo(Carrier.EMS);
            assertThat(s.flagged()).isFalse();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM deliveries WHERE site_id = :s AND source = 'agency' AND source_id = :c"
                        + " AND purpose = 'agency.sms.sent'").param("s", hall.siteId()).param("c", String.valueOf(c))
                .query(Integer.class).single()).isEqualTo(1);
        // a doubled click changes nothing
        mvc.perform(post("/agency/mail/out").with(user(m)).with(csrf()).param("code", code)
                        .param("carrier", "EMS").param("trackingNo", "EA473124829CN"))
                .andExpect(status().isBadRequest());
        assertThat(post.ofCase(hall.siteId(), c)).hasSize(1);
        // the courier's list of the day
        mvc.perform(get("/agency/mail/out/print").param("noprint", "1").with(user(m))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("EA473124829CN")));
    }

    @Test
    void r14_5_aResultIsNotPostedBeforeTheMailRoomConfirmedItAndAnUnknownCarrierIsFlagged() {
        long c = openCase();
        done(c, LocalDate.now(clock).minusDays(3), LocalDate.now(clock).plusDays(2), true);
        String code = cases.find(hall.siteId(), c).orElseThrow().code();
        assertThatThrownBy(() -> post.send(hall.siteId(), new PostOut.SendForm(code, Carrier.SF, "", "123456789012", 2, ""),
                mailRoom))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsEntry("code", "agency.out.notReady"));
        fullChain(c);
        post.send(hall.siteId(), new PostOut.SendForm(code, Carrier.OTHER, "益阳同城快递", "yy-0001 2345", null, ""),
                mailRoom);
        assertThat(post.ofCase(hall.siteId(), c)).singleElement().satisfies(s -> {
            assertThat(s.flagged()).isTrue();
            assertThat(s.trackingNo()).isEqualTo("YY-00012345");
        });
    }

    // ---- item 7: the ledger, R-SVC-4

    @Test
    void r14_7_r20_4_theLedgerXlsxReadsBackLikePaperWithHeadingsARowPerCaseAndTheOnTimeColumn() throws Exception {
        long onTime = openCase();
        long late = openCase();
        long open = openCase();
        done(onTime, LocalDate.now(clock).minusDays(5), LocalDate.now(clock).plusDays(1), true);
        done(late, LocalDate.now(clock).minusDays(9), LocalDate.now(clock).minusDays(2), false);
        UserDetails office = users.loadUserByUsername(hall.officeDirector());
        byte[] xlsx = mvc.perform(get("/agency/ledger/export.xlsx").with(user(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            // the paper ledger's layout: title, hall and period, a blank line, the headings in row 4, the rows
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("代办台账");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("单位：");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).startsWith("期间：");
            Row head = sheet.getRow(3);
            assertThat(head.getCell(1).getStringCellValue()).isEqualTo("代办编号");
            assertThat(head.getCell(13).getStringCellValue()).isEqualTo("是否按时");
            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(3); // the headings on every printed page
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            List<String> codes = new ArrayList<>();
            List<String> timing = new ArrayList<>();
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getCell(1) != null && row.getCell(13) != null) {
                    codes.add(row.getCell(1).getStringCellValue());
                    timing.add(row.getCell(13).getStringCellValue());
                    assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(codes.size());
                    assertThat(org.hallsafe.platform.PaperLedgers.shown(row.getCell(2))).isEqualTo(LocalDate.now(clock).toString());
                }
            }
            assertThat(codes).containsExactly(code(onTime), code(late), code(open));
            assertThat(timing).containsExactly("按时", "超时办结", "办理中");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).contains("负责人签字");
            // r20_4: like paper; the days are date cells, the case number and working days numbers
            org.hallsafe.platform.PaperLedgers.assertLikePaper(sheet, "测试大厅", "代办台账", "测试OFFICE");
            org.hallsafe.platform.PaperLedgers.assertDates(sheet, 2);
            org.hallsafe.platform.PaperLedgers.assertNumbers(sheet, 0);
        }
    }

    private String code(long caseId) {
        return cases.find(hall.siteId(), caseId).orElseThrow().code();
    }

    @Test
    void r14_7_theLedgerFiltersByTimingAndCountsItsFigures() throws Exception {
        long onTime = openCase();
        long late = openCase();
        openCase();
        done(onTime, LocalDate.now(clock).minusDays(5), LocalDate.now(clock).plusDays(1), true);
        done(late, LocalDate.now(clock).minusDays(9), LocalDate.now(clock).minusDays(2), false);
        var all = ledger.lines(hall.siteId(), null, 1000);
        var figures = AgencyLedger.figures(all);
        assertThat(figures.total()).isEqualTo(3);
        assertThat(figures.byChannel().get(AgencyCases.Channel.WINDOW)).isEqualTo(3);
        assertThat(figures.waitingOnCitizen()).isEqualTo(1);
        assertThat(figures.byItem()).singleElement().satisfies(r -> {
            assertThat(r.done()).isEqualTo(2);
            assertThat(r.percent()).isEqualTo(50);
        });
        assertThat(figures.averageWorkingDays()).isNotNull();
        var lateOnly = ledger.lines(hall.siteId(), new AgencyLedger.Filter(null, null, null, null, null,
                AgencyLedger.Timing.LATE), 1000);
        assertThat(lateOnly).extracting(AgencyLedger.Line::id).containsExactly(late);

        UserDetails office = users.loadUserByUsername(hall.officeDirector());
        mvc.perform(get("/agency/ledger").param("timing", "ON_TIME").with(user(office))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(code(onTime))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(code(late)))));
        mvc.perform(get("/agency/ledger").param("timing", "SOON").param("from", "2026-13-01").with(user(office)))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/agency/ledger/print").param("noprint", "1").with(user(office))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("负责人签字")));
    }

    @Test
    void rSvc4_theResponsibilityMatrixShowsOnTimeDueAndOverduePerOwningSection() {
        long onTime = openCase();
        long due = openCase();
        long overdue = openCase();
        done(onTime, LocalDate.now(clock).minusDays(5), LocalDate.now(clock).plusDays(1), true);
        jdbc.sql("UPDATE agency_cases SET state = 'ACCEPTED', department_id = :d, due_on = :due WHERE id = :id")
                .param("d", hall.sectionId()).param("due", LocalDate.now(clock).plusDays(3)).param("id", due).update();
        jdbc.sql("UPDATE agency_cases SET state = 'ACCEPTED', department_id = :d, due_on = :due WHERE id = :id")
                .param("d", hall.sectionId()).param("due", LocalDate.now(clock).minusDays(1)).param("id", overdue).update();
        assertThat(measure.statuses(hall.siteId(), LocalDate.now(clock)))
                .containsEntry(hall.sectionId(), new MeasureStatus(1, 1, 1));
        var matrix = measures.matrix(hall.siteId(), directory.departments(hall.siteId(), null, "", false));
        var row = matrix.rows().stream().filter(r -> r.measure().code().equals("R-SVC")).findFirst().orElseThrow();
        assertThat(row.cells()).anySatisfy(cell -> assertThat(cell.status()).contains(new MeasureStatus(1, 1, 1)));
    }
}
