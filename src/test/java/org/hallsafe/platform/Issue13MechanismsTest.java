package org.hallsafe.platform;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestHall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Issue 13, item 5: a permission named once ({@link RequiresPermission}), the signed-in hall as a handler's argument
 * ({@link SignedIn}), and a named not-found ({@link NotFoundException}); shown on the notice API and the screen-key page.
 */
@HallSafeTest
class Issue13MechanismsTest {

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private UserDetails as(String username) {
        return users.loadUserByUsername(username);
    }

    private static final String NOTICE = """
            {"kind":"PROGRESS","title":"勤洗手","body":"用流动水洗手二十秒。","validFrom":"2026-01-01T08:00:00",
             "channels":["WEBSITE"]}""";

    private long draft(UserDetails office) throws Exception {
        String body = mvc.perform(post("/api/v1/notices").with(user(office)).contentType(MediaType.APPLICATION_JSON)
                .content(NOTICE)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
    }

    @Test
    void r13_5_aMissingPermissionAnswers403AndAHeldOnePasses() throws Exception {
        TestHall.Hall hall = halls.create();
        UserDetails screener = as(hall.screener()); // neither NOTICE_EDIT nor NOTICE_APPROVE
        UserDetails leader = as(hall.leader()); // NOTICE_APPROVE only
        UserDetails office = as(hall.officeDirector()); // both
        // API, one permission: the office writes a draft, the leader may not
        long id = draft(office);
        mvc.perform(post("/api/v1/notices").with(user(leader)).contentType(MediaType.APPLICATION_JSON).content(NOTICE))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // API, any of two: the leader holds one of them and reads; the screener holds none
        mvc.perform(get("/api/v1/notices/{id}", id).with(user(leader))).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("勤洗手"));
        mvc.perform(get("/api/v1/notices").with(user(screener))).andExpect(status().isForbidden());
        // a page guarded on its class: the hall's administrator opens the screen keys, the screener is refused
        mvc.perform(get("/admin/screens").with(user(as(hall.admin())))).andExpect(status().isOk());
        mvc.perform(get("/admin/screens").with(user(screener))).andExpect(status().isForbidden());
    }

    @Test
    void r13_5_theSignedInHallIsAHandlersArgumentOnAPageAndInTheApi() throws Exception {
        TestHall.Hall mine = halls.create();
        TestHall.Hall other = halls.create();
        // API: the notice is found in the office's own hall, and is not there for the other hall's office
        long id = draft(as(mine.officeDirector()));
        mvc.perform(get("/api/v1/notices/{id}", id).with(user(as(mine.officeDirector())))).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/notices/{id}", id).with(user(as(other.officeDirector()))))
                .andExpect(status().isNotFound());
        // page: a key made by this hall's administrator is listed in this hall only
        String name = "二楼大屏" + System.nanoTime() % 10000;
        mvc.perform(post("/admin/screens").with(user(as(mine.admin()))).with(csrf()).param("name", name))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/admin/screens").with(user(as(mine.admin())))).andReturn().getResponse()
                .getContentAsString()).contains(name);
        assertThat(mvc.perform(get("/admin/screens").with(user(as(other.admin())))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(name);
    }

    @Test
    void r13_5_aNamedNotFoundAnswers404AsAPageAndAsProblemJson() throws Exception {
        TestHall.Hall hall = halls.create();
        mvc.perform(get("/api/v1/notices/{id}", Long.MAX_VALUE).with(user(as(hall.officeDirector()))))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404)).andExpect(jsonPath("$.title").value("Not Found"));
        mvc.perform(post("/admin/screens/{id}/revoke", Long.MAX_VALUE).with(user(as(hall.admin()))).with(csrf()))
                .andExpect(status().isNotFound()).andExpect(view().name("error"));
    }
}
