package org.hallsafe.organization;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Bad input on the staff form (R-ORG-1): the message sits beside the field in plain Chinese, what was typed is kept,
 * and nothing is stored.
 */
@HallSafeTest
class StaffFormTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Directory directory;

    private UserDetails admin;
    private long section;

    @BeforeEach
    void setUp() {
        admin = accounts.signedIn(Role.ADMIN);
        section = directory.saveDepartment(1L, null, new Forms.DepartmentForm(DepartmentKind.SECTION,
                "表单测试科" + System.nanoTime(), "", ""));
    }

    private MockHttpServletRequestBuilder submit(String name, String cardNo, String phone, String idNumber) {
        return post("/org/staff").with(user(admin)).with(csrf()).locale(java.util.Locale.SIMPLIFIED_CHINESE)
                .param("name", name).param("cardNo", cardNo).param("departmentId", String.valueOf(section))
                .param("phone", phone).param("idNumber", idNumber).param("jobTitle", "科员");
    }

    private int staffCount() {
        return jdbc.sql("SELECT count(*) FROM staff").query(Integer.class).single();
    }

    @Test
    void keepsWhatWasTypedAndSaysWhatIsWrongBesideEachField() throws Exception {
        int before = staffCount();
        String html = mvc.perform(submit("", "CARD-KEPT-1", "123", "430902199001011235"))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("此项必填").contains("电话号码格式不对").contains("身份证号校验位不对，请核对最后一位");
        assertThat(html).contains("value=\"CARD-KEPT-1\"").contains("value=\"123\"").contains("value=\"430902199001011235\"");
        assertThat(html).containsPattern("id=\"name\"[^>]*is-invalid|is-invalid[^>]*id=\"name\"");
        assertThat(staffCount()).isEqualTo(before);
    }

    @Test
    void refusesADuplicateStaffCardNumber() throws Exception {
        String card = "DUP" + System.nanoTime() % 100000;
        mvc.perform(submit("周明", card, "13812345678", ""));
        int before = staffCount();

        String html = mvc.perform(submit("吴静", card, "13912345678", "")).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("此工作证号已被登记，请核对").contains("value=\"吴静\"");
        assertThat(staffCount()).isEqualTo(before);
    }

    @Test
    void savesAValidStaffMemberAndShowsItMaskedInTheList() throws Exception {
        String card = "OK" + System.nanoTime() % 100000;
        var result = mvc.perform(submit("黄丽华", card, "15012345678", "")).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/org/staff");
        // the confirmation itself is checked on screen by the browser test: MockMvc cannot carry a flash
        // attribute through the JDBC-backed session
        assertThat(result.getFlashMap().get("saved")).isEqualTo("黄丽华");

        String list = mvc.perform(get("/org/staff").with(user(admin)).param("q", card))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("黄丽华").contains("150****5678").doesNotContain("15012345678");
    }
}
