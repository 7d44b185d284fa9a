package org.hallsafe.organization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.platform.Accounts;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 16, item 8: staff and their accounts imported from a sheet (all or nothing, every problem by row and column,
 * a malformed or huge file a clear 4xx), one-time sign-in links printed on a sheet, and the new roles.
 */
@HallSafeTest
class Issue16PeopleTest {

    private static final Pattern LINK = Pattern.compile("/welcome/([A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "Hall-Window-5-Sun";

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired TestAccounts testAccounts;
    @Autowired UserDetailsService users;
    @Autowired Directory directory;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired DemoBureau demo;
    @Autowired StaffDirectory staff;

    private TestHall.Hall hall;
    private UserDetails admin;

    @BeforeEach
    void hall() {
        hall = halls.create();
        admin = users.loadUserByUsername(hall.admin());
        directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(5, "社保", "一楼", hall.sectionId()));
    }

    private String[] row(String name, String card, String section, String window, String phone, String username,
            String role) {
        return new String[] {name, card, section, window, "科员", phone, StaffSheets.idNumber(), username, role};
    }

    private MvcResult upload(byte[] bytes) throws Exception {
        return upload(bytes, "人员.xlsx");
    }

    private MvcResult upload(byte[] bytes, String name) throws Exception {
        return mvc.perform(multipart("/org/staff/import").file(new MockMultipartFile("file", name,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes))
                .with(csrf()).with(user(admin))).andReturn();
    }

    private long staffCount() {
        return jdbc.sql("SELECT count(*) FROM staff WHERE site_id = :site").param("site", hall.siteId())
                .query(Long.class).single();
    }

    private long accountCount() {
        return jdbc.sql("SELECT count(*) FROM accounts WHERE site_id = :site").param("site", hall.siteId())
                .query(Long.class).single();
    }

    @Test
    void r16_8_theImportRefusesASheetWithOneBadRowAndStoresNothing() throws Exception {
        String u = StaffSheets.unique();
        long staffBefore = staffCount();
        long accountsBefore = accountCount();
        MvcResult result = upload(StaffSheets.xlsx(
                row("孙晓梅", "A" + u, "", "5", "13812340001", "sun" + u, "窗口工作人员"),
                row("郑桂兰", "B" + u, "局办公室", "", "13812340002", "zheng" + u, "保洁员"),
                row("钱多多", "C" + u, "局办公室", "", "1381234", "", "")));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("表格中有 1 处问题，一行也没有导入").contains("第 4 行").contains("F 列（手机号）")
                .contains("电话号码格式不对");
        assertThat(staffCount()).isEqualTo(staffBefore);
        assertThat(accountCount()).isEqualTo(accountsBefore);
        assertThat(accounts.findByUsername("sun" + u)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> audits("STAFF_IMPORT_REFUSED") > 0);
    }

    @Test
    void r16_8_everyProblemIsListedWithItsRowAndColumn() throws Exception {
        String u = StaffSheets.unique();
        String taken = testAccounts.create(Role.STAFF, hall.siteId());
        String[] badId = row("周明", "E" + u, "局办公室", "", "13812340005", "", "");
        badId[6] = "430902199001011234";
        MvcResult result = upload(StaffSheets.xlsx(
                row("", "A" + u, "没有的科", "", "13812340001", "", ""),
                row("李四", "A" + u, "", "99", "13812340002", taken, "窗口工作人员"),
                row("王五", "C" + u, "局办公室", "", "13812340003", "wang" + u, "局长"),
                row("赵六", "D" + u, "局办公室", "", "13812340004", "", "保洁员"),
                badId,
                row("钱七", "F" + u, "局办公室", "", "13812340006", "qian" + u, "大厅管理员")));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("表格中有 9 处问题");
        assertThat(problem(html, 2, "A 列（姓名）")).contains("此项必填");
        assertThat(problem(html, 2, "C 列（科室）")).contains("没有这个科室");
        assertThat(problem(html, 3, "B 列（工作证号）")).contains("表格中有两行填了相同的内容");
        assertThat(problem(html, 3, "D 列（窗口号）")).contains("没有这个窗口号");
        assertThat(problem(html, 3, "H 列（用户名）")).contains("此用户名已被使用");
        assertThat(problem(html, 4, "I 列（角色）")).contains("没有这个角色");
        assertThat(problem(html, 5, "I 列（角色）")).contains("没有用户名就不开通账号");
        assertThat(problem(html, 6, "G 列（身份证号）")).contains("校验位不对");
        // administrators are never made from a sheet
        assertThat(problem(html, 7, "I 列（角色）")).contains("没有这个角色");
        assertThat(accounts.findByUsername("wang" + u)).isEmpty();
    }

    /** The table row of the problem at this sheet row and column, or empty. */
    private static String problem(String html, int row, String column) {
        Matcher m = Pattern.compile("<tr>\\s*<td[^>]*>第 " + row + " 行</td>\\s*<td[^>]*>" + Pattern.quote(column)
                + "</td>\\s*<td[^>]*>([^<]*)</td>").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    @Test
    void r16_8_aGoodSheetMakesStaffAndAccountsWithoutAUsablePassword() throws Exception {
        String u = StaffSheets.unique();
        long staffBefore = staffCount();
        MvcResult result = upload(StaffSheets.xlsx(
                row("孙晓梅", "A" + u, "", "5", "13812340001", "sun" + u, "窗口工作人员"),
                row("郑桂兰", "B" + u, "局办公室", "", "13812340002", "zheng" + u, "CLEANER"),
                row("钱多多", "C" + u, "局办公室", "", "13812340003", "", "")));

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/org/staff/import");
        assertThat(result.getFlashMap().get("importedStaff")).isEqualTo(3);
        assertThat(staffCount()).isEqualTo(staffBefore + 3);
        Accounts.AccountView sun = accounts.findByUsername("sun" + u).orElseThrow();
        assertThat(sun.role()).isEqualTo(Role.WINDOW);
        assertThat(sun.siteId()).isEqualTo(hall.siteId());
        assertThat(accounts.findByUsername("zheng" + u).orElseThrow().role()).isEqualTo(Role.CLEANER);
        var placed = jdbc.sql("""
                SELECT s.window_id IS NOT NULL AS at_window, s.account_id, s.phone_masked, s.phone_cipher IS NOT NULL AS sealed
                FROM staff s WHERE s.site_id = :site AND s.card_no = :card""")
                .param("site", hall.siteId()).param("card", "A" + u).query().singleRow();
        assertThat(placed.get("at_window")).isEqualTo(true);
        assertThat(placed.get("account_id")).isEqualTo(sun.id());
        assertThat(placed.get("phone_masked").toString()).doesNotContain("12340001").startsWith("138");
        assertThat(placed.get("sealed")).isEqualTo(true);
        // no password opens the new account until its person chooses one
        mvc.perform(formLogin().user("sun" + u).password(TestAccounts.PASSWORD)).andExpect(unauthenticated());
        await().atMost(Duration.ofSeconds(10)).until(() -> audits("STAFF_IMPORTED") > 0);
    }

    @Test
    void r16_8_theTemplateDownloadsAndAFilledInCopyImports() throws Exception {
        MvcResult download = mvc.perform(get("/org/staff/import/template").with(user(admin)))
                .andExpect(status().isOk()).andReturn();
        byte[] template = download.getResponse().getContentAsByteArray();
        String u = StaffSheets.unique();
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.getSheetAt(0);
            XSSFRow head = sheet.getRow(3);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("姓名*");
            assertThat(head.getCell(8).getStringCellValue()).isEqualTo("角色");
            // the help sheet lists the hall's sections, windows and the roles that may be given
            String help = book.getSheetAt(1).toString() + cells(book.getSheetAt(1));
            assertThat(help).contains("局办公室").contains("5  社保").contains("窗口工作人员").contains("保洁员")
                    .doesNotContain("大厅管理员");
            String[] values = row("孙晓梅", "T" + u, "", "5", "13812340001", "tpl" + u, "窗口工作人员");
            XSSFRow row = sheet.createRow(4);
            for (int c = 0; c < values.length; c++) {
                row.createCell(c).setCellValue(values[c]);
            }
            book.write(out);
            filled = out.toByteArray();
        }
        MvcResult result = upload(filled);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
        assertThat(accounts.findByUsername("tpl" + u)).isPresent();
    }

    private static String cells(XSSFSheet sheet) {
        StringBuilder all = new StringBuilder();
        sheet.forEach(r -> r.forEach(c -> all.append(c.toString()).append('|')));
        return all.toString();
    }

    @Test
    void r16_8_aMalformedOrHugeFileIsAClear4xxAndStoresNothing() throws Exception {
        long before = staffCount();
        byte[] random = new byte[2000];
        new java.util.Random(1).nextBytes(random);
        assertRefused(random, "读不出这个文件");
        assertRefused("姓名,工作证号\n张三,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "读不出这个文件");
        assertRefused(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3, 4}, "旧版 .xls");
        assertRefused(new byte[0], "请选择要上传的表格");
        byte[] big = new byte[StaffSheet.MAX_BYTES + 1];
        assertRefused(big, "文件太大");
        // a zip bomb: a small file whose entry inflates far past what a sheet of 500 rows needs
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(StaffSheet.MAX_BYTES);
        assertRefused(bomb.toByteArray(), "文件太大");
        // a ZIP that is no workbook
        ByteArrayOutputStream notBook = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(notBook)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes());
            zip.closeEntry();
        }
        assertRefused(notBook.toByteArray(), "读不出这个文件");
        // a workbook without the template's headings, and one with too many rows
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("x").createRow(0).createCell(0).setCellValue("随便什么");
            book.write(out);
            assertRefused(out.toByteArray(), "没有找到模板的表头");
        }
        String[][] many = new String[StaffSheet.MAX_ROWS + 1][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new String[] {"人" + i, "M" + i, "局办公室", "", "", "13812340001", "", "", ""};
        }
        assertRefused(StaffSheets.xlsx(many), "一次最多导入 500 行");
        assertRefused(StaffSheets.xlsx(), "表格里没有人员");
        assertThat(staffCount()).isEqualTo(before);
    }

    private void assertRefused(byte[] bytes, String message) throws Exception {
        MvcResult result = upload(bytes);
        assertThat(result.getResponse().getStatus()).as(message).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).as(message).contains(message);
    }

    @Test
    void r16_8_theSignInLinkWorksOnceLeadsToAPasswordUnderThePolicyAndExpires() throws Exception {
        String u = StaffSheets.unique();
        upload(StaffSheets.xlsx(row("孙晓梅", "A" + u, "", "5", "13812340001", "sun" + u, "窗口工作人员")));
        long account = accounts.findByUsername("sun" + u).orElseThrow().id();

        String sheet = printSheet(account);
        assertThat(sheet).contains("孙晓梅").contains("sun" + u).contains("<svg").contains("5号窗口 社保");
        String token = token(sheet);
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_links WHERE token_hash = :t OR token_hash LIKE '%' || :t || '%'")
                .param("t", token).query(Long.class).single()).as("only a hash is stored").isZero();

        assertThat(mvc.perform(get("/welcome/" + token)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("sun" + u).contains("孙晓梅");
        // the policy holds; a refused password leaves the link unspent
        String weak = mvc.perform(post("/welcome/" + token).with(csrf()).param("password", "short")
                .param("confirm", "short")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(weak).contains("密码至少需要12位");
        assertThat(mvc.perform(post("/welcome/" + token).with(csrf()).param("password", NEW_PASSWORD)
                .param("confirm", NEW_PASSWORD + "x")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString()).contains("两次输入的密码不一样");
        mvc.perform(post("/welcome/" + token).with(csrf()).param("password", NEW_PASSWORD).param("confirm", NEW_PASSWORD))
                .andExpect(redirectedUrl("/login?passwordChosen"));
        mvc.perform(formLogin().user("sun" + u).password(NEW_PASSWORD)).andExpect(authenticated());

        // once only
        assertThat(mvc.perform(get("/welcome/" + token)).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString()).contains("此登录链接已失效");
        mvc.perform(post("/welcome/" + token).with(csrf()).param("password", "Other-Pass-2026!").param("confirm",
                "Other-Pass-2026!")).andExpect(status().isNotFound());
        mvc.perform(formLogin().user("sun" + u).password(NEW_PASSWORD)).andExpect(authenticated());

        // a new link expires after its validity (72 hours)
        String later = token(printSheet(account));
        mvc.perform(get("/welcome/" + later)).andExpect(status().isOk());
        clock.advance(Duration.ofHours(72).plusMinutes(1));
        mvc.perform(get("/welcome/" + later)).andExpect(status().isNotFound());
        await().atMost(Duration.ofSeconds(10)).until(() -> audits("SIGN_IN_LINK_USED") > 0
                && audits("SIGN_IN_LINK_ISSUED") >= 2);
    }

    @Test
    void r16_8_aRevokedOrReprintedLinkOpensNothing() throws Exception {
        String u = StaffSheets.unique();
        upload(StaffSheets.xlsx(row("郑桂兰", "B" + u, "局办公室", "", "13812340002", "zheng" + u, "保洁员")));
        long account = accounts.findByUsername("zheng" + u).orElseThrow().id();
        String first = token(printSheet(account));
        String second = token(printSheet(account));
        mvc.perform(get("/welcome/" + first)).andExpect(status().isNotFound());
        mvc.perform(get("/welcome/" + second)).andExpect(status().isOk());
        assertThat(mvc.perform(get("/org/staff/sign-in").with(user(admin))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("等待设置密码");
        mvc.perform(post("/org/staff/sign-in/" + account + "/revoke").with(csrf()).with(user(admin)))
                .andExpect(redirectedUrl("/org/staff/sign-in"));
        mvc.perform(get("/welcome/" + second)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/org/staff/sign-in").with(user(admin))).andReturn().getResponse()
                .getContentAsString()).contains("已作废");
        await().atMost(Duration.ofSeconds(10)).until(() -> audits("SIGN_IN_LINK_REVOKED") > 0);
    }

    @Test
    void r16_8_onlyAdministratorsImportAndPrintAndAnotherHallsAccountIsNotFound() throws Exception {
        UserDetails leader = users.loadUserByUsername(hall.leader());
        mvc.perform(get("/org/staff/import").with(user(leader))).andExpect(status().isForbidden());
        mvc.perform(get("/org/staff/sign-in").with(user(leader))).andExpect(status().isForbidden());
        TestHall.Hall other = halls.create();
        long foreign = accounts.findByUsername(other.screener()).orElseThrow().id();
        mvc.perform(post("/org/staff/sign-in/sheet").with(csrf()).with(user(admin)).param("accountId",
                String.valueOf(foreign))).andExpect(status().isNotFound());
        mvc.perform(post("/org/staff/sign-in/" + foreign + "/revoke").with(csrf()).with(user(admin)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_links WHERE account_id = :a").param("a", foreign)
                .query(Long.class).single()).isZero();
        // a hall's administrator prints no link for another administrator
        long otherAdmin = accounts.findByUsername(testAccounts.create(Role.ADMIN, hall.siteId())).orElseThrow().id();
        mvc.perform(post("/org/staff/sign-in/sheet").with(csrf()).with(user(admin)).param("accountId",
                String.valueOf(otherAdmin))).andExpect(status().isForbidden());
    }

    @Test
    void r16_8_unknownLinksFromOneAddressAreRateLimited() throws Exception {
        String bad = "A".repeat(43);
        int status = 0;
        for (int i = 0; i < 40 && status != 429; i++) {
            status = mvc.perform(get("/welcome/" + bad).with(r -> {
                r.setRemoteAddr("10.16.8.1");
                return r;
            })).andReturn().getResponse().getStatus();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void r16_8_windowStaffAndCleanersHoldThePlansWorkAndNothingMore() throws Exception {
        assertThat(Role.WINDOW.permissions()).contains(Permissions.WINDOW_CALL, Permissions.BOOK_FOR,
                Permissions.AGENCY_HANDLE, Permissions.HYGIENE_RECORD, Permissions.HEALTH_SELF, Permissions.DUTY_LOG)
                .doesNotContain(Permissions.GATE_RECORD, Permissions.LEDGER_VIEW, Permissions.HEALTH_READINGS,
                        Permissions.STAFF_IMPORT, Permissions.PERSON_REVEAL);
        assertThat(Role.CLEANER.permissions()).containsExactlyInAnyOrder(Permissions.HEALTH_SELF,
                Permissions.HYGIENE_RECORD, Permissions.NOTICE_VIEW);
        UserDetails window = users.loadUserByUsername(testAccounts.create(Role.WINDOW, hall.siteId()));
        UserDetails cleaner = users.loadUserByUsername(testAccounts.create(Role.CLEANER, hall.siteId()));
        for (String page : List.of("/appointments/desk", "/agency", "/hygiene", "/staffhealth/me")) {
            mvc.perform(get(page).with(user(window))).andExpect(status().isOk());
        }
        for (String page : List.of("/hygiene", "/staffhealth/me")) {
            mvc.perform(get(page).with(user(cleaner))).andExpect(status().isOk());
        }
        for (String page : List.of("/appointments/desk", "/agency", "/screening/gate", "/org/staff")) {
            mvc.perform(get(page).with(user(cleaner))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/screening/gate").with(user(window))).andExpect(status().isForbidden());
        // the table's CHECK holds the new roles and still refuses a made-up one
        assertThatThrownBy(() -> jdbc.sql("UPDATE accounts SET role = 'JANITOR' WHERE username = :u")
                .param("u", cleaner.getUsername()).update()).isInstanceOf(DataIntegrityViolationException.class);
        // the labels
        String html = mvc.perform(get("/admin/accounts").with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("窗口工作人员").contains("保洁员");
    }

    @Test
    void r16_8_theDemoHallHasAWindowClerkAndACleanerWithDemoAccounts() {
        List<Long> windows = List.of(0L, 0L, 0L, 0L, directory.windows(hall.siteId(), "", false).get(0).id());
        List<Long> made = demo.newRoles(hall.siteId(), hall.sectionId(), windows, new java.util.Random(1));
        Accounts.AccountView window = accounts.findByUsername("window").orElseThrow();
        Accounts.AccountView cleaner = accounts.findByUsername("cleaner").orElseThrow();
        assertThat(window.role()).isEqualTo(Role.WINDOW);
        assertThat(cleaner.role()).isEqualTo(Role.CLEANER);
        assertThat(window.demo()).isTrue();
        var clerk = staff.get(hall.siteId(), made.get(0));
        assertThat(clerk.windowNumber()).isEqualTo(5);
        assertThat(clerk.accountId()).isEqualTo(window.id());
        assertThat(staff.get(hall.siteId(), made.get(1)).jobTitle()).isEqualTo("保洁员");
    }

    private String printSheet(long accountId) throws Exception {
        return mvc.perform(post("/org/staff/sign-in/sheet").with(csrf()).with(user(admin))
                        .param("accountId", String.valueOf(accountId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String token(String html) {
        Matcher m = LINK.matcher(html);
        assertThat(m.find()).as("a sign-in link on the sheet").isTrue();
        return m.group(1);
    }

    private long audits(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE site_id = :site AND action = :action")
                .param("site", hall.siteId()).param("action", action).query(Long.class).single();
    }
}
