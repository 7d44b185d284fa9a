package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hallsafe.agency.AgencyCases.Channel;
import org.hallsafe.agency.AgencyCases.ItemTerms;
import org.hallsafe.agency.AgencyCases.Opening;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.HallCalendar;
import org.hallsafe.platform.HallSafeProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: the demo hall's agency items with realistic time limits and owning sections, and a dozen cases at every
 * stage (awaiting materials, awaiting correction, accepted at each station, one overdue, done on time and late, sent,
 * withdrawn), their rows written as the other parts of the module write them.
 */
@Component
class DemoAgency {

    private static final long SITE = 1L;

    private final HallSafeProperties properties;
    private final AgencyCases cases;
    private final ItemTermsStore terms;
    private final CaseBook book;
    private final Directory directory;
    private final HallCalendar calendar;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoAgency(HallSafeProperties properties, AgencyCases cases, ItemTermsStore terms, CaseBook book, Directory directory,
            HallCalendar calendar, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.cases = cases;
        this.terms = terms;
        this.book = book;
        this.directory = directory;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A demo case: who, which item (index), channel, stage, and how many working days ago it was opened. */
    private record Demo(String name, String company, String phone, String address, int item, Channel channel, String stage,
            int openedDaysAgo) {
    }

    private static final List<Demo> DEMO = List.of(
            new Demo("张建国", "岳阳市湘楚建材有限公司", "13807301234", "湖南省岳阳市岳阳楼区巴陵中路 88 号 张建国收", 0, Channel.ONLINE, "APPLIED", 0),
            new Demo("李秀英", "", "13973012345", "湖南省岳阳市君山区柳林洲街道 12 号 李秀英收", 2, Channel.PHONE, "APPLIED_POST", 1),
            new Demo("王海燕", "岳阳市洞庭湖鲜食品店", "15907301122", "湖南省岳阳市云溪区永济大道 5 号 王海燕收", 3, Channel.WECHAT, "SUPPLEMENT", 3),
            new Demo("刘志强", "岳阳华宏物流有限公司", "18673012233", "湖南省岳阳市经开区金凤路 66 号 刘志强收", 1, Channel.ONLINE, "CORRECTION", 2),
            new Demo("陈丽华", "", "13574012345", "湖南省岳阳市岳阳楼区五里牌街道 301 号 陈丽华收", 2, Channel.WINDOW, "SECTION", 3),
            new Demo("杨磊", "岳阳市巴陵餐饮管理有限公司", "13787301234", "湖南省岳阳市南湖新区龙山路 9 号 杨磊收", 3, Channel.ONLINE, "APPROVAL", 6),
            new Demo("赵敏", "岳阳市新港贸易有限公司", "15173012345", "湖南省岳阳市城陵矶新港区 18 号 赵敏收", 0, Channel.ONLINE, "OVERDUE", 9),
            new Demo("黄勇", "", "18907301234", "湖南省岳阳市华容县章华镇 27 号 黄勇收", 4, Channel.PHONE, "DUE_TOMORROW", 5),
            new Demo("周芳", "岳阳市周氏家政服务部", "13907305678", "湖南省岳阳市平江县城关镇 3 号 周芳收", 1, Channel.WECHAT, "DONE", 6),
            new Demo("吴涛", "岳阳市湖滨装饰工程有限公司", "13607301111", "湖南省岳阳市汨罗市归义镇 45 号 吴涛收", 0, Channel.ONLINE, "DONE_LATE", 10),
            new Demo("王静", "", "15807302222", "湖南省岳阳市临湘市长安街道 8 号 王静收", 2, Channel.ONLINE, "SENT", 8),
            new Demo("李伟", "岳阳市李记副食店", "17707303333", "湖南省岳阳市湘阴县文星镇 19 号 李伟收", 3, Channel.WINDOW, "WITHDRAWN", 4));

    @EventListener(ApplicationReadyEvent.class)
    @Order(120)
    @Transactional
    public void load() {
        if (properties.demo() && !cases.agencyItems(SITE).isEmpty() && cases.cases(SITE, null, 1).isEmpty()) {
            seed(SITE);
        }
    }

    /** The hall's agency items get their terms, and a dozen cases are written at every stage. */
    void seed(long siteId) {
        List<Long> sections = directory.departments(siteId, DepartmentKind.SECTION, "", false).stream().map(d -> d.id()).toList();
        // 企业开办 3 working days (the province's 3-day commitment), changes 3, social-security card 5, food licence 10
        int[] limits = {3, 3, 5, 10, 5};
        List<ItemTerms> items = cases.agencyItems(siteId);
        for (int i = 0; i < items.size(); i++) {
            Long section = sections.isEmpty() ? null : sections.get(i % sections.size());
            terms.save(siteId, items.get(i).itemId(), limits[Math.min(i, limits.length - 1)], section, "office");
        }
        items = cases.agencyItems(siteId);
        for (Demo d : DEMO) {
            ItemTerms item = items.get(Math.min(d.item(), items.size() - 1));
            var opened = book.open(siteId, new Opening(UUID.randomUUID(), item.itemId(), d.channel(), d.name(), d.company(),
                    d.phone(), d.address(), "", null), d.channel().selfService() ? "citizen" : "staff");
            stage(siteId, opened.id(), item, d);
        }
    }

    /** Moves a freshly opened case to its demo stage, writing what each part of the module would have written. */
    private void stage(long siteId, long id, ItemTerms item, Demo d) {
        LocalDate today = LocalDate.now(clock);
        LocalDate opened = back(siteId, today, d.openedDaysAgo());
        at(siteId, id, "created_at", opened, 9);
        String s = d.stage();
        if (s.equals("APPLIED")) {
            return;
        }
        mail(siteId, id, "IN", "EMS", s10("EA", 20261200 + (int) (id % 100_000), "CN"), opened, 1);
        if (s.equals("APPLIED_POST")) {
            return;
        }
        if (s.equals("SUPPLEMENT")) {
            materials(siteId, id, "RECEIVED");
            jdbc.sql("UPDATE agency_materials SET state = 'MISSING', note = '未附' WHERE case_id = :id AND position = 1")
                    .param("id", id).update();
            pause(siteId, id, opened.plusDays(1), null);
            state(siteId, id, "SUPPLEMENT");
            return;
        }
        materials(siteId, id, "RECEIVED");
        LocalDate accepted = s.equals("OVERDUE") || s.equals("DONE_LATE") ? back(siteId, today, item.timeLimitDays() + 2)
                : s.equals("DUE_TOMORROW") ? back(siteId, today, item.timeLimitDays() - 1) : forward(siteId, opened, 1);
        if (accepted.isAfter(today)) {
            accepted = today;
        }
        jdbc.sql("UPDATE agency_cases SET state = 'ACCEPTED', accepted_at = :at, due_on = :due WHERE id = :id")
                .param("at", Timestamp.from(time(accepted, 10))).param("due", forward(siteId, accepted, item.timeLimitDays()))
                .param("id", id).update();
        log(siteId, id, accepted, "ACCEPTED");
        handover(siteId, id, 1, "MAIL_ROOM", "WINDOW", "MATERIALS", "staff", "office", accepted);
        if (s.equals("WITHDRAWN")) {
            withdraw(siteId, id);
            log(siteId, id, accepted, "WITHDRAWN");
            return;
        }
        if (s.equals("CORRECTION")) {
            handover(siteId, id, 2, "WINDOW", "SECTION", "MATERIALS", "office", "head", accepted);
            jdbc.sql("UPDATE agency_materials SET state = 'TO_CORRECT', note = '签字不全' WHERE case_id = :id AND position = 1")
                    .param("id", id).update();
            pause(siteId, id, forward(siteId, accepted, 1), null);
            state(siteId, id, "SUPPLEMENT");
            return;
        }
        handover(siteId, id, 2, "WINDOW", "SECTION", "MATERIALS", "office", "head", accepted);
        if (s.equals("SECTION") || s.equals("OVERDUE") || s.equals("DUE_TOMORROW")) {
            return;
        }
        handover(siteId, id, 3, "SECTION", "APPROVAL", "MATERIALS", "head", "leader", forward(siteId, accepted, 1));
        if (s.equals("APPROVAL")) {
            return;
        }
        LocalDate done = s.equals("DONE_LATE") ? today : forward(siteId, accepted, Math.max(1, item.timeLimitDays() - 1));
        handover(siteId, id, 4, "APPROVAL", "RESULT", "RESULT", "leader", "office", done);
        jdbc.sql("UPDATE agency_cases SET state = 'DONE', done_at = :at, on_time = :onTime WHERE id = :id")
                .param("at", Timestamp.from(time(done, 15))).param("onTime", !s.equals("DONE_LATE")).param("id", id).update();
        log(siteId, id, done, "DONE");
        if (s.equals("SENT")) {
            handover(siteId, id, 5, "RESULT", "MAIL_OUT", "RESULT", "office", "staff", done);
            mail(siteId, id, "OUT", "SF", "SF1" + String.format("%012d", 300000000000L + id), done, 3);
            jdbc.sql("UPDATE agency_cases SET state = 'SENT', sent_at = :at WHERE id = :id")
                    .param("at", Timestamp.from(time(done, 16))).param("id", id).update();
            log(siteId, id, done, "SENT");
        }
    }

    private void withdraw(long siteId, long id) {
        jdbc.sql("UPDATE agency_cases SET state = 'WITHDRAWN', withdrawn_reason = '申请人改为自行到大厅办理' WHERE id = :id")
                .param("id", id).update();
    }

    /** A UPU S10 number: prefix, eight digits, the check digit by weights 8 6 4 2 3 5 9 7, country. */
    static String s10(String prefix, int serial, String country) {
        String digits = String.format("%08d", serial);
        int[] weights = {8, 6, 4, 2, 3, 5, 9, 7};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return prefix + digits + (check == 10 ? 0 : check == 11 ? 5 : check) + country;
    }

    private void materials(long siteId, long id, String state) {
        jdbc.sql("UPDATE agency_materials SET state = :state, checked_at = :at, checked_by = 'staff' WHERE case_id = :id")
                .param("state", state).param("at", Timestamp.from(clock.instant())).param("id", id).update();
    }

    private void pause(long siteId, long id, LocalDate from, LocalDate to) {
        jdbc.sql("""
                INSERT INTO agency_pauses (site_id, case_id, started_at, ended_at, notice_text, started_by)
                VALUES (:site, :id, :from, :to, :text, 'staff')""")
                .param("site", siteId).param("id", id).param("from", Timestamp.from(time(from, 11)))
                .param("to", to == null ? null : Timestamp.from(time(to, 11)))
                .param("text", "一次性告知：请补交材料清单中标为“缺”或“需补正”的材料，寄回时信封写明件号。").update();
        log(siteId, id, from, "PAUSED");
    }

    private void state(long siteId, long id, String state) {
        jdbc.sql("UPDATE agency_cases SET state = :state WHERE id = :id").param("state", state).param("id", id).update();
    }

    private void mail(long siteId, long id, String direction, String carrier, String tracking, LocalDate day, int sheets) {
        jdbc.sql("""
                INSERT INTO agency_mail (site_id, case_id, direction, carrier, tracking_no, sheets, logged_at, logged_by, packed_by)
                VALUES (:site, :id, :dir, :carrier, :no, :sheets, :at, 'staff', :packed)""")
                .param("site", siteId).param("id", id).param("dir", direction).param("carrier", carrier).param("no", tracking)
                .param("sheets", sheets).param("at", Timestamp.from(time(day, 9))).param("packed", direction.equals("OUT") ? "staff" : null)
                .update();
        log(siteId, id, day, direction.equals("IN") ? "MAIL_IN" : "MAIL_OUT");
    }

    private void handover(long siteId, long id, int seq, String from, String to, String what, String by, String confirmer, LocalDate day) {
        jdbc.sql("""
                INSERT INTO agency_handovers (site_id, case_id, seq, from_station, to_station, what, sheets, handed_by,
                    handed_at, to_account, confirmed_by, confirmed_at)
                VALUES (:site, :id, :seq, :from, :to, :what, 6, :by, :at, :confirmer, :confirmer, :at)""")
                .param("site", siteId).param("id", id).param("seq", seq).param("from", from).param("to", to).param("what", what)
                .param("by", by).param("confirmer", confirmer).param("at", Timestamp.from(time(day, 10 + seq))).update();
        log(siteId, id, day, "HANDED_OVER");
    }

    private void log(long siteId, long id, LocalDate day, String action) {
        jdbc.sql("INSERT INTO agency_case_log (site_id, case_id, at, by, action) VALUES (:site, :id, :at, 'staff', :action)")
                .param("site", siteId).param("id", id).param("at", Timestamp.from(time(day, 12))).param("action", action).update();
    }

    private void at(long siteId, long id, String column, LocalDate day, int hour) {
        jdbc.sql("UPDATE agency_cases SET " + column + " = :at WHERE id = :id").param("at", Timestamp.from(time(day, hour)))
                .param("id", id).update();
    }

    private Instant time(LocalDate day, int hour) {
        ZoneId zone = clock.getZone();
        return day.atTime(hour, 0).atZone(zone).toInstant();
    }

    /** The working day {@code n} working days before {@code day} (the day itself for 0). */
    private LocalDate back(long siteId, LocalDate day, int n) {
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.minusDays(1);
            left -= calendar.isWorkingDay(siteId, d) ? 1 : 0;
        }
        return d;
    }

    private LocalDate forward(long siteId, LocalDate day, int n) {
        return calendar.addWorkingDays(siteId, day, n);
    }
}
