package org.hallsafe.notice;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.hallsafe.TestHall;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Notices for tests of any module: written by the hall's office director, approved by its leader, published. */
@Component
public class NoticeFixture {

    private final NoticeDesk desk;
    private final TestHall halls;
    private final Clock clock;

    NoticeFixture(NoticeDesk desk, TestHall halls, Clock clock) {
        this.desk = desk;
        this.halls = halls;
        this.clock = clock;
    }

    /** A published notice of the hall, valid from a minute ago without an end, on every channel. */
    public long publish(TestHall.Hall hall, Kind kind, String title, String body) {
        return publish(hall, form(kind, title, body, null, List.of(Channel.values())));
    }

    /** The hall's published postponed-opening notice (推迟开放通告). */
    public long publishPostponed(TestHall.Hall hall, String title, String body) {
        return publish(hall, Kind.POSTPONED_OPENING, title, body);
    }

    long publish(TestHall.Hall hall, NoticeForm form) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        try {
            halls.signIn(hall.officeDirector());
            long id = desk.create(hall.siteId(), form);
            halls.signIn(hall.leader());
            desk.approve(hall.siteId(), id);
            halls.signIn(hall.officeDirector());
            desk.publish(hall.siteId(), id);
            return id;
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    NoticeForm form(Kind kind, String title, String body, LocalDateTime until, List<Channel> channels) {
        return new NoticeForm(kind, title, body, now().minusMinutes(1), until, channels);
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).withSecond(0).withNano(0);
    }
}
