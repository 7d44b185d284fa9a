package org.hallsafe.audit;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar hallsafe.jar --hallsafe.audit.verify}: checks the audit log's hash chains, prints the result and
 * exits with status 0 (intact), 1 (a row was changed or removed). The server starts as usual and stops again.
 */
@Component
class AuditChainCommand implements ApplicationRunner {

    static final String OPTION = "hallsafe.audit.verify";

    private final AuditChain chain;
    private final ConfigurableApplicationContext context;

    AuditChainCommand(AuditChain chain, ConfigurableApplicationContext context) {
        this.chain = chain;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(OPTION)) {
            int status = verify(System.out);
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    /** Prints one line per hall and one per broken chain; returns the exit status. */
    int verify(PrintStream out) {
        AuditChain.Result result = chain.verify();
        for (AuditChain.Chain c : result.chains()) {
            out.printf("hall %s (%s): %d rows, newest row %d, hash %s%n", c.siteId() == null ? "-" : c.siteId(),
                    c.siteName() == null ? "no hall" : c.siteName(), c.rows(), c.lastId(), c.lastHash());
        }
        for (AuditChain.Break b : result.breaks()) {
            out.printf("BROKEN: hall %s (%s): row %d of %s was changed, or a row before it was removed%n",
                    b.siteId() == null ? "-" : b.siteId(), b.siteName() == null ? "no hall" : b.siteName(), b.id(),
                    b.occurredAt());
        }
        out.println(result.intact() ? "audit log intact: " + result.rows() + " rows checked"
                : "audit log CHANGED: " + result.breaks().size() + " chain(s) broken");
        return result.intact() ? 0 : 1;
    }
}
