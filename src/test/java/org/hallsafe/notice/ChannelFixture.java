package org.hallsafe.notice;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import javax.imageio.ImageIO;

import org.hallsafe.TestHall;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Published notices for the channel tests: written by the hall's office, approved by its leader, published. */
@Component
class ChannelFixture {

    private final NoticeDesk desk;
    private final TestHall halls;

    private final java.time.Clock clock;

    ChannelFixture(NoticeDesk desk, TestHall halls, java.time.Clock clock) {
        this.desk = desk;
        this.halls = halls;
        this.clock = clock;
    }

    static final List<Channel> ALL = List.of(Channel.WEBSITE, Channel.WECHAT, Channel.MEDIA, Channel.BOARD, Channel.SCREEN);

    /** A draft by the office; {@code picture} is put into the body as {@code {picture}}, when given. */
    long draft(TestHall.Hall hall, String title, String body, List<Channel> channels, byte[] picture) {
        halls.signIn(hall.officeDirector());
        try {
            LocalDateTime from = LocalDateTime.now(clock).minusHours(1).withNano(0);
            long id = desk.create(hall.siteId(), new NoticeForm(Kind.KNOWLEDGE, title, body.replace("{picture}", ""), from,
                    null, channels));
            if (picture != null) {
                long image = desk.addImage(hall.siteId(), id, "image/png", picture);
                desk.update(hall.siteId(), id, new NoticeForm(Kind.KNOWLEDGE, title,
                        body.replace("{picture}", "/public/notices/images/" + image), from, null, channels));
            }
            return id;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void approve(TestHall.Hall hall, long id) {
        halls.signIn(hall.leader());
        try {
            desk.approve(hall.siteId(), id);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void publish(TestHall.Hall hall, long id) {
        halls.signIn(hall.officeDirector());
        try {
            desk.publish(hall.siteId(), id);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void withdraw(TestHall.Hall hall, long id) {
        halls.signIn(hall.officeDirector());
        try {
            desk.withdraw(hall.siteId(), id);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    long published(TestHall.Hall hall, String title, String body, List<Channel> channels, byte[] picture) {
        long id = draft(hall, title, body, channels, picture);
        approve(hall, id);
        publish(hall, id);
        return id;
    }

    /** A small real PNG. */
    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x1e88e5));
        g.fillRect(0, 0, 24, 16);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
