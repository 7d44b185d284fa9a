package org.hallsafe.staffhealth;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 16, item 6 (R-REQ-3): a check for a missed slot keeps its moment within the hall's window; further back it is
 * a back-fill, refused without a reason or the permission, stored as one and counted apart on the board.
 */
@HallSafeTest
class Issue16CheckBackfillTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired StaffHealth health;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private TestHall.Hall hall;
    private LocalDate monday;
    private long person;

    @BeforeEach
    void setUp() {
        monday = LocalDate.now(clock).plusWeeks(7).with(DayOfWeek.MONDAY);
        clock.set(monday.atTime(11, 0).atZone(ZONE).toInstant());
        hall = halls.create();
        person = hall.staffIds().get(4);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private CheckForm taken(LocalDateTime at, String reason) {
        return new CheckForm(UUID.randomUUID(), new BigDecimal("36.5"), List.of(), true, "", at, reason);
    }

    @Test
    void r16_6_rReq3_aCheckForAMissedSlotBeyondTheWindowIsABackfillMarkedOnTheBoard() throws Exception {
        halls.signIn(hall.screener());
        assertThatThrownBy(() -> health.recordCheck(hall.siteId(), person, taken(monday.atTime(8, 25), null), false))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsEntry("backfillReason", "record.backfill.reason"));
        assertThatThrownBy(() -> health.recordCheck(hall.siteId(), person, taken(monday.atTime(8, 25), "上午忘记测"), false))
                .as("a screener may not back-fill").satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsEntry("checkedAt", "record.backfill.permission"));
        health.recordCheck(hall.siteId(), person, taken(monday.atTime(10, 45), null), false);

        halls.signIn(accounts.create(Role.SECTION_HEAD, hall.siteId()));
        health.recordCheck(hall.siteId(), person, taken(monday.atTime(8, 25), "上午在窗口忙，口头报告36.5"), false);
        assertThat(jdbc.sql("""
                SELECT to_char(checked_at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI') || ' ' || backfilled
                FROM staff_checks WHERE site_id = :site AND staff_id = :staff ORDER BY checked_at""")
                .param("site", hall.siteId()).param("staff", person).query(String.class).list())
                .containsExactly("08:25 true", "10:45 false");
        assertThat(health.day(hall.siteId(), person).backfilled()).isEqualTo(1);

        UserDetails leader = halls.signIn(hall.leader());
        String board = mvc.perform(get("/staffhealth").param("dept", "0").with(user(leader))).andReturn().getResponse()
                .getContentAsString();
        assertThat(board).contains("补录 1 次");
    }
}
