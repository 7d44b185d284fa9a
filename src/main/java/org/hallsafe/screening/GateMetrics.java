package org.hallsafe.screening;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The gate's work as Prometheus counters (issue 20 item 9): {@code hallsafe_screenings_total} and
 * {@code hallsafe_refusals_total}, tagged {@code site} (the hall's id) and {@code person} (citizen or staff). Counted
 * on the node that recorded the reading, once its transaction committed (a retried submission publishes nothing);
 * add the nodes up with {@code sum by (site)}.
 */
@Component
class GateMetrics {

    private final MeterRegistry meters;

    GateMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void on(CitizenScreened e) {
        count(e.siteId(), "citizen", e.decision() == Gate.Decision.REFUSED);
    }

    @EventListener
    void on(StaffScreened e) {
        count(e.siteId(), "staff", e.refused());
    }

    private void count(long siteId, String person, boolean refused) {
        Runnable count = () -> {
            counter("hallsafe.screenings", "Readings recorded at the gate", siteId, person).increment();
            if (refused) {
                counter("hallsafe.refusals", "People refused entry at the gate", siteId, person).increment();
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }

    private Counter counter(String name, String help, long siteId, String person) {
        return Counter.builder(name).description(help).tag("site", String.valueOf(siteId)).tag("person", person)
                .register(meters);
    }
}
