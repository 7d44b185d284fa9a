package org.hallsafe.agency;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.appointments.AppointmentForms.ItemForm;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.platform.Role;
import org.springframework.stereotype.Component;

/** A fresh hall with a window, items marked 可代办 (one with its materials list) and one that is not, and its staff. */
@Component
class CaseFixture {

    private static final AtomicInteger PHONES = new AtomicInteger();

    record Ready(TestHall.Hall hall, String code, long business, long card, long notAgency, String office, String staff) {

        long site() {
            return hall.siteId();
        }
    }

    private final TestHall halls;
    private final Directory directory;
    private final Catalogue catalogue;
    private final TestAccounts accounts;

    CaseFixture(TestHall halls, Directory directory, Catalogue catalogue, TestAccounts accounts) {
        this.halls = halls;
        this.directory = directory;
        this.catalogue = catalogue;
        this.accounts = accounts;
    }

    Ready create() {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long w1 = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(1, "综合受理", "一楼", hall.sectionId()));
        long business = catalogue.saveItem(hall.siteId(), null, new ItemForm("企业开办（设立登记）", 30,
                "1. 营业执照申请书\n全体股东身份证\n\n- 公司章程\n", "", true, List.of(w1)));
        long card = catalogue.saveItem(hall.siteId(), null, new ItemForm("社保卡补换", 15, "", "", true, List.of(w1)));
        long other = catalogue.saveItem(hall.siteId(), null, new ItemForm("发票代开", 15, "身份证", "", false, List.of(w1)));
        String code = directory.site(hall.siteId()).code();
        return new Ready(hall, code, business, card, other, accounts.create(Role.OFFICE, hall.siteId()),
                accounts.create(Role.STAFF, hall.siteId()));
    }

    /** A mobile number no other test uses (the per-phone limit counts across tests). */
    static String phone() {
        return "1770914" + String.format("%04d", PHONES.incrementAndGet() % 10000);
    }
}
