package org.hallsafe.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hallsafe.organization.Forms.DepartmentForm;
import org.hallsafe.organization.Forms.LeadershipForm;
import org.hallsafe.organization.Forms.StaffForm;
import org.hallsafe.organization.Forms.WindowForm;
import org.hallsafe.platform.Accounts;
import org.hallsafe.platform.HallSafeProperties;
import org.hallsafe.platform.Role;
import org.hallsafe.shared.IdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode ({@code hallsafe.demo=true}): a realistic bureau in the first hall, loaded once into an empty hall, with
 * one account per role. Names are invented; numbers are valid but belong to nobody.
 */
@Component
class DemoBureau {

    /** The demo accounts' password; printed in the README. They are refused whenever demo mode is off. */
    static final String DEMO_PASSWORD = org.hallsafe.platform.PasswordPolicy.DEMO_PASSWORD;
    static final long SITE = 1L;

    private static final Logger log = LoggerFactory.getLogger(DemoBureau.class);
    private static final String[] SECTIONS = {"局办公室", "人事（财务）科", "窗口管理科", "政务服务管理科",
            "数据资源应用管理科", "审批一科", "审批二科", "督查科"};
    private static final String[][] WINDOWS = {{"1", "综合受理一", "一楼"}, {"2", "综合受理二", "一楼"},
            {"3", "综合受理三", "一楼"}, {"4", "税务", "一楼"}, {"5", "社保", "一楼"}, {"6", "医保", "一楼"},
            {"7", "公积金", "二楼"}, {"8", "不动产登记", "二楼"}, {"9", "公安户政/出入境", "二楼"}, {"10", "住建", "三楼"},
            {"11", "市场监管", "三楼"}, {"12", "综合咨询/代办", "一楼"}};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"建国", "丽华", "志强", "秀英", "海燕", "伟", "芳", "明", "静", "磊", "敏",
            "军", "洋", "艳", "勇", "娟", "涛", "霞", "超", "婷"};
    private static final String[] AREAS = {"430902", "430903", "430921", "430922", "430923", "430981"};

    private final HallSafeProperties properties;
    private final Directory directory;
    private final StaffDirectory staff;
    private final Leadership leadership;
    private final Accounts accounts;

    DemoBureau(HallSafeProperties properties, Directory directory, StaffDirectory staff, Leadership leadership,
            Accounts accounts) {
        this.properties = properties;
        this.directory = directory;
        this.staff = staff;
        this.leadership = leadership;
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(10)
    @Transactional
    public void load() {
        if (!properties.demo() || !directory.departments(SITE, null, "", true).isEmpty()) {
            return;
        }
        List<Long> sections = new ArrayList<>();
        for (String name : SECTIONS) {
            sections.add(directory.saveDepartment(SITE, null, new DepartmentForm(DepartmentKind.SECTION, name, "", "")));
        }
        directory.saveDepartment(SITE, null, new DepartmentForm(DepartmentKind.UNIT, "市政务服务中心", "", ""));
        directory.saveDepartment(SITE, null, new DepartmentForm(DepartmentKind.UNIT, "市公共资源交易中心", "", ""));
        long canteen = directory.saveDepartment(SITE, null, new DepartmentForm(DepartmentKind.CANTEEN, "机关食堂", "", ""));
        long windowSection = sections.get(2);
        List<Long> windows = new ArrayList<>();
        for (String[] w : WINDOWS) {
            windows.add(directory.saveWindow(SITE, null, new WindowForm(Integer.parseInt(w[0]), w[1], w[2], windowSection)));
        }
        String[] roleUsers = {"admin", "leader", "office", "head", "screener", "staff", "canteen"};
        Role[] roles = {Role.BUREAU_ADMIN, Role.LEADER, Role.OFFICE, Role.SECTION_HEAD, Role.SCREENER, Role.STAFF, Role.CANTEEN};
        Random random = new Random(20200131);
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7 + i / 10) % GIVEN.length];
            String username = i < roleUsers.length ? roleUsers[i] : "";
            if (!username.isEmpty()) {
                accounts.createDemo(SITE, username, name, roles[i], DEMO_PASSWORD);
            }
            boolean atWindow = i >= 20 && i < 44;
            boolean inCanteen = i >= 54 || i == 6;
            Long dept = atWindow ? null : inCanteen ? canteen : sections.get(i % sections.size());
            Long window = atWindow ? windows.get((i - 20) % windows.size()) : null;
            String job = i == 0 ? "系统管理员" : atWindow ? "窗口工作人员" : inCanteen ? "食堂工作人员" : i < 8 ? "科长" : "科员";
            people.add(staff.save(SITE, null, new StaffForm(name, String.format("YY%04d", i + 1), dept, window, job,
                    phone(random), idNumber(random), username)));
        }
        people.addAll(newRoles(SITE, sections.get(2), windows, random));
        leadership.appoint(SITE, new LeadershipForm(people.get(1), LeadershipRole.LEADER));
        leadership.appoint(SITE, new LeadershipForm(people.get(8), LeadershipRole.DEPUTY));
        leadership.appoint(SITE, new LeadershipForm(people.get(9), LeadershipRole.DEPUTY));
        for (int i = 3; i < 8; i++) {
            leadership.appoint(SITE, new LeadershipForm(people.get(i), LeadershipRole.MEMBER));
        }
        leadership.appoint(SITE, new LeadershipForm(people.get(2), LeadershipRole.OFFICE_DIRECTOR));
        leadership.appoint(SITE, new LeadershipForm(people.get(16), LeadershipRole.OFFICE_MEMBER));
        log.info("Demo bureau loaded: {} sections, {} windows, {} staff; demo accounts admin, leader, office, head, "
                + "screener, staff, canteen, window, cleaner.", SECTIONS.length, WINDOWS.length, people.size());
    }

    /**
     * The roles of issue 16: a window clerk at window 5 (社保) and a cleaner of the hall under 窗口管理科, which looks
     * after the hall; each with a demo account ({@code window}, {@code cleaner}).
     */
    List<Long> newRoles(long site, long windowSection, List<Long> windows, Random random) {
        accounts.createDemo(site, "window", "孙晓梅", Role.WINDOW, DEMO_PASSWORD);
        accounts.createDemo(site, "cleaner", "郑桂兰", Role.CLEANER, DEMO_PASSWORD);
        return List.of(
                staff.save(site, null, new StaffForm("孙晓梅", "YY0061", null, windows.get(4), "窗口工作人员",
                        phone(random), idNumber(random), "window")),
                staff.save(site, null, new StaffForm("郑桂兰", "YY0062", windowSection, null, "保洁员",
                        phone(random), idNumber(random), "cleaner")));
    }

    private static String phone(Random random) {
        String[] prefixes = {"138", "139", "150", "151", "158", "186", "187", "135"};
        return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
    }

    static String idNumber(Random random) {
        String first17 = AREAS[random.nextInt(AREAS.length)]
                + String.format("%04d%02d%02d", 1965 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28))
                + String.format("%03d", random.nextInt(1000));
        return first17 + IdNumber.checkCharacter(first17);
    }
}
