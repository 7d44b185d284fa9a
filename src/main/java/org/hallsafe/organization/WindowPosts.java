package org.hallsafe.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is posted at which window, and which windows neighbour each other, for contact tracing (issue 17): query-only,
 * one hall at a time. The directory keeps today's postings only (no history), so a past day is read with today's
 * staffing. Two windows neighbour each other when they are in the same area (zone) of the hall and their numbers
 * differ by one: window 5 neighbours 4 and 6 of its own area.
 */
@Service
public class WindowPosts {

    /**
     * A staff member and the window they are posted at ({@code null}s when they are not at a window).
     *
     * @param phoneCipher the phone as sealed by {@code PersonalData} (never opened here), or {@code null}
     */
    public record Post(long staffId, String name, String phoneMasked, byte[] phoneCipher, Long windowId,
            Integer windowNumber, String windowName, String area) {
    }

    private static final String SELECT = """
            SELECT s.id AS staff_id, s.name, s.phone_masked, s.phone_cipher, s.window_id, w.number AS window_number,
                   w.name AS window_name, w.area
            FROM staff s LEFT JOIN service_windows w ON w.site_id = s.site_id AND w.id = s.window_id
            """;

    private final JdbcClient jdbc;

    WindowPosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The staff in service posted at this window of the hall. */
    @Transactional(readOnly = true)
    public List<Post> atWindow(long siteId, long windowId) {
        return jdbc.sql(SELECT + " WHERE s.site_id = :site AND s.window_id = :window AND s.retired_at IS NULL"
                        + " ORDER BY s.name, s.id")
                .param("site", siteId).param("window", windowId).query(Post.class).list();
    }

    /** The staff in service posted at the windows next to this one: same area, number one lower or one higher. */
    @Transactional(readOnly = true)
    public List<Post> nextTo(long siteId, long windowId) {
        return jdbc.sql(SELECT + """
                 JOIN service_windows me ON me.site_id = s.site_id AND me.id = :window
                 WHERE s.site_id = :site AND s.retired_at IS NULL AND w.retired_at IS NULL AND w.area = me.area
                   AND abs(w.number - me.number) = 1
                 ORDER BY w.number, s.name, s.id""")
                .param("site", siteId).param("window", windowId).query(Post.class).list();
    }

    /** Staff members of the hall by id, retired ones too; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Post> byIds(long siteId, Collection<Long> staffIds) {
        Map<Long, Post> found = new LinkedHashMap<>();
        if (staffIds.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + " WHERE s.site_id = :site AND s.id IN (:ids)").param("site", siteId)
                .param("ids", new ArrayList<>(new HashSet<>(staffIds))).query(Post.class).list()
                .forEach(p -> found.put(p.staffId(), p));
        return found;
    }

    /** The staff member who signs in with this account, in the hall. */
    @Transactional(readOnly = true)
    public Optional<Post> byAccount(long siteId, long accountId) {
        return jdbc.sql(SELECT + " WHERE s.site_id = :site AND s.account_id = :account").param("site", siteId)
                .param("account", accountId).query(Post.class).optional();
    }
}
