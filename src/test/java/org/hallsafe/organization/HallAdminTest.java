package org.hallsafe.organization;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Many halls (R-ORG-1): the bureau's administrator opens a hall with its own administrator, who sees and changes that
 * hall only; no hall's administrator can reach another hall.
 */
@HallSafeTest
class HallAdminTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired Directory directory;
    @Autowired UserDetailsService users;

    @Test
    void theBureauOpensAnotherHallWithItsOwnAdministratorAndNoHallAdminCan() throws Exception {
        long hall = directory.saveSite(null, new Forms.SiteForm("h" + System.nanoTime() % 100000, "赫山区政务服务中心", ""));
        var hallAdmin = accounts.signedIn(Role.ADMIN);
        mvc.perform(post("/org/sites/{id}/admin", hall).with(user(hallAdmin)).with(csrf()).param("username", "intruder-" + System.nanoTime() % 1000)
                .param("displayName", "越权").param("password", "Intruder-Pass-2026"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        var admin = accounts.signedIn(Role.BUREAU_ADMIN);
        String username = "hsadmin-" + System.nanoTime() % 100000;

        String weak = mvc.perform(post("/org/sites/{id}/admin", hall).with(user(admin)).with(csrf())
                        .param("username", username).param("displayName", "赫山管理员").param("password", "short"))
                .andReturn().getResponse().getContentAsString();
        assertThat(weak).contains("密码至少需要12位").contains("value=\"" + username + "\"");

        mvc.perform(post("/org/sites/{id}/admin", hall).with(user(admin)).with(csrf())
                .param("username", username).param("displayName", "赫山管理员").param("password", "Heshan-Hall-2026"));
        CurrentUser theirs = (CurrentUser) users.loadUserByUsername(username);
        assertThat(theirs.siteId()).isEqualTo(hall);
        assertThat(theirs.role()).isEqualTo(Role.ADMIN);

        directory.saveDepartment(1L, null, new Forms.DepartmentForm(DepartmentKind.SECTION, "只在一号大厅" + System.nanoTime(), "", ""));
        String departments = mvc.perform(get("/org/departments").with(user(theirs))).andReturn().getResponse().getContentAsString();
        assertThat(departments).doesNotContain("只在一号大厅").contains("还没有科室");

        long otherHallsAccount = ((CurrentUser) users.loadUserByUsername(accounts.create(Role.LEADER))).accountId();
        mvc.perform(post("/admin/accounts/{id}/password", otherHallsAccount).with(user(theirs)).with(csrf())
                .param("password", "Taken-Over-2026"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
    }
}
