package org.hallsafe.audit;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit chain check of {@link AuditChain}, on any database (a restored one), for tests of other modules. */
public final class AuditChains {

    private AuditChains() {
    }

    /** Each hall's newest hash (key null: the rows of no hall); fails when a chain is broken. */
    public static Map<Long, String> intact(DataSource database) {
        AuditChain.Result result = new AuditChain(JdbcClient.create(database),
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(org.hallsafe.platform.HallNames.class)).verify();
        if (!result.intact()) {
            throw new AssertionError("audit chain broken: " + result.breaks());
        }
        Map<Long, String> hashes = new HashMap<>();
        result.chains().forEach(c -> hashes.put(c.siteId(), c.lastHash()));
        return hashes;
    }
}
