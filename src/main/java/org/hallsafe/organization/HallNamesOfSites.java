package org.hallsafe.organization;

import java.util.List;

import org.hallsafe.platform.HallNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The hall's name and code, for the password rule that a password must not contain them. */
@Component
class HallNamesOfSites implements HallNames {

    private final JdbcClient jdbc;

    HallNamesOfSites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> of(long siteId) {
        return jdbc.sql("SELECT name, code FROM sites WHERE id = :id").param("id", siteId)
                .query((rs, n) -> List.of(rs.getString("name"), rs.getString("code"))).optional().orElse(List.of());
    }
}
