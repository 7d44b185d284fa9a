package org.hallsafe.organization;

import java.time.Duration;
import java.util.Random;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.platform.Role;
import org.hallsafe.shared.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Personal data under PIPL: sealed at rest, found by exact value, masked on screen, every full read logged. */
@HallSafeTest
class PersonalDataTest {

    @Autowired StaffDirectory staff;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;

    private long newStaff(String phone, String idNumber) {
        long section = directory.saveDepartment(1L, null, new Forms.DepartmentForm(DepartmentKind.SECTION,
                "隐私测试科" + System.nanoTime(), "", ""));
        return staff.save(1L, null, new Forms.StaffForm("陈海燕", "PD" + System.nanoTime() % 1_000_000, section, null,
                "科员", phone, idNumber, ""));
    }

    @Test
    void storesNoPlainPhoneOrIdNumberInTheStaffTable() {
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
            String id = DemoBureau.idNumber(random);
            long staffId = newStaff(phone, id);

            String row = jdbc.sql("SELECT s::text FROM staff s WHERE id = :id").param("id", staffId).query(String.class).single();
            assertThat(row).doesNotContain(phone).doesNotContain(id).doesNotContain(id.substring(6, 14));
            var view = staff.get(1L, staffId);
            assertThat(view.phoneMasked()).isEqualTo(new PhoneNumber(phone).masked()).contains("****");
            assertThat(view.idNumberMasked()).startsWith(id.substring(0, 6)).endsWith(id.substring(14)).contains("********");
        }
    }

    @Test
    void findsAStaffMemberByTheExactPhoneNumberOnly() {
        String phone = "186" + String.format("%08d", System.nanoTime() % 100_000_000);
        long staffId = newStaff(phone, "");

        assertThat(staff.search(1L, phone, null, false)).extracting(Views.StaffView::id).containsExactly(staffId);
        assertThat(staff.search(1L, phone.substring(0, 10), null, false)).extracting(Views.StaffView::id)
                .doesNotContain(staffId);
    }

    @Test
    void revealsTheFullNumberOnlyToPermittedRolesAndLogsEachRead() throws Exception {
        String phone = "158" + String.format("%08d", System.nanoTime() % 100_000_000);
        long staffId = newStaff(phone, "");

        mvc.perform(post("/org/staff/{id}/reveal/phone", staffId).with(user(accounts.signedIn(Role.SECTION_HEAD))).with(csrf()))
                .andExpect(status().isForbidden());
        UserDetails leader = accounts.signedIn(Role.LEADER);
        mvc.perform(post("/org/staff/{id}/reveal/phone", staffId).with(user(leader)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(phone));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND actor = :actor
                  AND target_type = 'staff' AND target_id = :id AND summary = 'phone'""")
                .param("actor", leader.getUsername()).param("id", String.valueOf(staffId)).query(Integer.class).single() == 1);
    }
}
