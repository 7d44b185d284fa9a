package org.hallsafe.audit;

import java.time.Instant;
import java.util.List;

import org.hallsafe.platform.HallNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the audit log's hash chains: every row's hash is computed again here, from the row and the hash of the row
 * before it in the same hall, with the application's own copy of the expression in migration
 * {@code V20261201_1900__chain_audit_log.sql}. A row that was changed, or follows a removed row, breaks its hall's
 * chain; the first broken row of each hall is named. The newest hash of each hall is shown too: noted down
 * elsewhere, it shows later whether the whole chain was written anew.
 */
@Service
class AuditChain {

    /** The same expression as the function audit_log_hash, over the row {@code a}. */
    private static final String HASH = """
            encode(sha256(convert_to(json_build_array(a.id, a.site_id,
                (extract(epoch FROM a.occurred_at) * 1000000)::bigint, a.actor, a.action, a.target_type, a.target_id,
                a.summary, a.address, (extract(epoch FROM a.recorded_at) * 1000000)::bigint, a.prev_hash)::text,
                'UTF8')), 'hex')""";

    private final JdbcClient jdbc;
    private final ObjectProvider<HallNames> hallNames;

    AuditChain(JdbcClient jdbc, ObjectProvider<HallNames> hallNames) {
        this.jdbc = jdbc;
        this.hallNames = hallNames;
    }

    /** A hall's name, from the module that keeps the halls (issue 13: audit joins no other module's table). */
    private String hallName(Long siteId) {
        HallNames names = hallNames.getIfAvailable();
        if (siteId == null || names == null) {
            return null;
        }
        List<String> known = names.of(siteId);
        return known.isEmpty() ? null : known.get(0);
    }

    /** One hall's chain ({@code siteId} null: the rows of no hall). */
    record Chain(Long siteId, String siteName, long rows, long lastId, String lastHash) {
    }

    /** The first row of a chain that does not match: changed itself, or the row before it was changed or removed. */
    record Break(Long siteId, String siteName, long id, Instant occurredAt) {
    }

    record Result(List<Chain> chains, List<Break> breaks) {

        public boolean intact() {
            return breaks.isEmpty();
        }

        public long rows() {
            return chains.stream().mapToLong(Chain::rows).sum();
        }
    }

    @Transactional(readOnly = true)
    Result verify() {
        List<Break> breaks = jdbc.sql("""
                SELECT DISTINCT ON (c.site_id) c.site_id, c.id, c.occurred_at
                FROM (SELECT a.site_id, a.id, a.occurred_at, a.prev_hash, a.hash,
                             lag(a.hash) OVER w AS previous, row_number() OVER w AS n, %s AS computed
                      FROM audit_log a
                      WINDOW w AS (PARTITION BY a.site_id ORDER BY a.id)) c
                WHERE c.hash IS DISTINCT FROM c.computed OR c.n > 1 AND c.prev_hash IS DISTINCT FROM c.previous
                ORDER BY c.site_id NULLS FIRST, c.id""".formatted(HASH))
                .query((rs, n) -> new Break((Long) rs.getObject("site_id"), hallName((Long) rs.getObject("site_id")), rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
        List<Chain> chains = jdbc.sql("""
                SELECT DISTINCT ON (c.site_id) c.site_id, c.row_count, c.id, c.hash
                FROM (SELECT site_id, id, hash, count(*) OVER (PARTITION BY site_id) AS row_count FROM audit_log) c
                ORDER BY c.site_id NULLS FIRST, c.id DESC""")
                .query((rs, n) -> new Chain((Long) rs.getObject("site_id"), hallName((Long) rs.getObject("site_id")), rs.getLong("row_count"),
                        rs.getLong("id"), rs.getString("hash")))
                .list();
        return new Result(chains, breaks);
    }
}
